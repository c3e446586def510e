package io.sinapse.losses.badfixture;

/** Deliberately bad: a loss module class depending on the app. */
public class LossUsingApp {
    public io.sinapse.app.badfixture.AppThing app() {
        return null;
    }
}
