package io.sinapse.app.badfixture;

/** Stands for an app class in the rule fixtures. */
public class AppThing {
}
