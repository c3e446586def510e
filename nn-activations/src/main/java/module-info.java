/**
 * The activation functions of the course: threshold, linear, sigmoid, tanh, relu, leaky_relu and softmax.
 * Exports nothing: ask the lookup for them by name, e.g. {@code Plugins.load().activation("leaky_relu(alpha=0.02)")}.
 *
 * @provides io.sinapse.api.Activation threshold, linear, sigmoid, tanh, relu, leaky_relu, softmax
 */
module io.sinapse.activations {
    requires io.sinapse.api;

    provides io.sinapse.api.Activation with
            io.sinapse.activations.Threshold,
            io.sinapse.activations.Linear,
            io.sinapse.activations.Sigmoid,
            io.sinapse.activations.Tanh,
            io.sinapse.activations.Relu,
            io.sinapse.activations.LeakyRelu,
            io.sinapse.activations.Softmax;
}
