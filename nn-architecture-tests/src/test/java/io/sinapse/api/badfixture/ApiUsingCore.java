package io.sinapse.api.badfixture;

/** Deliberately bad: an API class reaching up into the core. Only the rule tests import it. */
public class ApiUsingCore {
    public io.sinapse.core.Dense layer() {
        return new io.sinapse.core.Dense(1, 1);
    }

    public io.sinapse.core.badfixture.CoreUsingApi back() {
        return null;
    }
}
