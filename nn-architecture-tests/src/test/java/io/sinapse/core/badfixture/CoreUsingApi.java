package io.sinapse.core.badfixture;

/** Deliberately bad: closes a cycle api.badfixture → core.badfixture → api.badfixture. */
public class CoreUsingApi {
    public io.sinapse.api.badfixture.ApiUsingCore forth() {
        return null;
    }
}
