/**
 * The math core of Sinapse: float matrices and their products, layers, the sequential {@code Network} trained by
 * backpropagation, the {@code Trainer} with the course's stopping criteria, and the classic McCulloch–Pitts neuron
 * and Rosenblatt perceptron. Finds activations, losses, optimizers and regularizers only through the SPI lookup.
 */
module io.sinapse.core {
    requires transitive io.sinapse.api;
    requires org.slf4j;

    exports io.sinapse.core;
}
