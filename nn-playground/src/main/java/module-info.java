/**
 * The playground: {@code nn playground} serves one page on the loopback interface, through the JDK's own
 * {@code jdk.httpserver}, where a learner picks a dataset, a network and its training settings, and watches the
 * library train it in the JVM: the decision boundary (or the regression fit) redrawn, the training and
 * validation loss curves, the accuracy and the weights, streamed to the page as Server-Sent Events.
 *
 * <p>Finds activations, losses, optimizers and regularizers only by name, through the {@link io.sinapse.api.Plugins}
 * it is given, so plug-ins loaded from a folder appear on the page too. Uses no SPI of its own and provides none.
 */
module io.sinapse.playground {
    requires transitive io.sinapse.api;
    requires io.sinapse.core;
    requires io.sinapse.data;
    requires org.slf4j;
    requires jdk.httpserver;

    exports io.sinapse.playground;
}
