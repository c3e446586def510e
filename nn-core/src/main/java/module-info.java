/**
 * The math core of Sinapse: float matrices and their products, layers, the sequential {@code Network} trained by
 * backpropagation, the {@code Trainer} with the course's stopping criteria, and the classic McCulloch–Pitts neuron
 * and Rosenblatt perceptron. Finds activations, losses, optimizers and regularizers only through the SPI lookup.
 *
 * <p>The matrix products run on the incubating Vector API ({@code jdk.incubator.vector}) when the CPU has 512-bit
 * vectors; the JVM then prints "WARNING: Using incubator modules" at start-up. On the class path, add
 * {@code --add-modules jdk.incubator.vector} to get the fast kernels; without it the scalar loops are used.
 */
module io.sinapse.core {
    requires transitive io.sinapse.api;
    requires org.slf4j;
    requires jdk.incubator.vector;

    exports io.sinapse.core;
}
