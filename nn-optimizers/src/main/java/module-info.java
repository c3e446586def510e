/**
 * Gradient-descent update rules, reached by name through {@link io.sinapse.api.Plugins}: {@code sgd},
 * {@code momentum}, {@code nesterov}, {@code rmsprop}, {@code adagrad}, {@code adam}, {@code adamw}. Each follows
 * the update formula of its PyTorch 1.13 counterpart exactly. Weights and state are stored as float, and every
 * rule computes in float in the order of PyTorch's float32 kernels, so that the JIT can vectorise it. They agree
 * with PyTorch's float32 to within a few ulps on the reference fixture (nn-optimizers/src/test/resources/fixtures).
 * Adam and AdamW update whole vectors at a time with the incubating Vector API (on the class path, run with
 * {@code --add-modules jdk.incubator.vector}; without it they fall back to scalar loops, with the same results).
 * Exports nothing.
 *
 * @provides io.sinapse.api.Optimizer
 */
module io.sinapse.optimizers {
    requires io.sinapse.api;
    requires jdk.incubator.vector;

    provides io.sinapse.api.Optimizer with
            io.sinapse.optimizers.Sgd,
            io.sinapse.optimizers.Momentum,
            io.sinapse.optimizers.Nesterov,
            io.sinapse.optimizers.RmsProp,
            io.sinapse.optimizers.AdaGrad,
            io.sinapse.optimizers.Adam,
            io.sinapse.optimizers.AdamW;
}
