/**
 * Contract tests for authors of Sinapse plug-ins, and the ones the built-ins pass.
 *
 * <p>Put this module in your test scope and implement the contract of your kind in a test class:
 * {@code class SwishTest implements ActivationContract { public Activation activation() { return new Swish(); } }}.
 * The contract's {@code @Test} default methods then check the plug-in against finite differences, its float path
 * against its double path, its handling of batches and arrays, and its registration with the lookup. Every check
 * is also a static method ({@link io.sinapse.testkit.GradientCheck}, {@link io.sinapse.testkit.ActivationChecks},
 * …) that throws an {@link AssertionError} saying what was expected and where.
 */
module io.sinapse.testkit {
    requires transitive io.sinapse.api;
    requires transitive org.junit.jupiter.api;

    exports io.sinapse.testkit;
}
