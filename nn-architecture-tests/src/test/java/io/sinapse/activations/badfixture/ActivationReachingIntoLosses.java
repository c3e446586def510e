package io.sinapse.activations.badfixture;

/** Deliberately bad: an activation module class using a loss module class. */
public class ActivationReachingIntoLosses {
    public Object sideways() {
        return new io.sinapse.losses.badfixture.LossUsingApp();
    }
}
