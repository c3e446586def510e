/**
 * The contract of Sinapse: the four service-provider interfaces and the lookup that finds their
 * implementations by name. Depends on {@code java.base} only.
 *
 * @uses io.sinapse.api.Activation
 * @uses io.sinapse.api.Loss
 * @uses io.sinapse.api.Optimizer
 * @uses io.sinapse.api.Regularizer
 */
module io.sinapse.api {
    exports io.sinapse.api;

    uses io.sinapse.api.Activation;
    uses io.sinapse.api.Loss;
    uses io.sinapse.api.Optimizer;
    uses io.sinapse.api.Regularizer;
}
