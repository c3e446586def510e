package io.sinapse.api.badfixture;

/** Deliberately bad: part of a package cycle, with {@link io.sinapse.core.badfixture.CoreUsingApi}. */
public class CycleBack {
    public io.sinapse.core.badfixture.CoreUsingApi other() {
        return new io.sinapse.core.badfixture.CoreUsingApi();
    }
}
