/**
 * Loss functions: mse, mae, huber, binary_cross_entropy, and cross_entropy with softmax fused into it.
 * Exports nothing: ask the lookup for them by name, e.g. {@code Plugins.load().loss("huber(delta=0.5)")}.
 *
 * @provides io.sinapse.api.Loss mse, mae, huber, binary_cross_entropy, cross_entropy
 */
module io.sinapse.losses {
    requires io.sinapse.api;

    provides io.sinapse.api.Loss with
            io.sinapse.losses.MeanSquaredError,
            io.sinapse.losses.MeanAbsoluteError,
            io.sinapse.losses.HuberLoss,
            io.sinapse.losses.BinaryCrossEntropy,
            io.sinapse.losses.CrossEntropy;
}
