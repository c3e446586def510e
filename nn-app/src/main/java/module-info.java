/**
 * The {@code nn} command: the course's lessons run on the library ({@code nn demo}), the plug-ins it finds
 * ({@code nn plugins}), and training, evaluating and predicting on real data ({@code nn train}, {@code nn eval},
 * {@code nn predict}), with a self-contained HTML report.
 *
 * <p>Finds activations, losses, optimizers and regularizers only by name, through {@link io.sinapse.api.Plugins}:
 * the built-in providers on the module path, plus modular jars from a folder ({@code --plugin-path}) loaded into a
 * child {@link java.lang.ModuleLayer}. The only module that binds a logging backend (slf4j-simple, to stderr).
 */
module io.sinapse.app {
    requires io.sinapse.api;
    requires io.sinapse.core;
    requires io.sinapse.data;
    requires io.sinapse.persistence;
    requires io.sinapse.playground;
    requires org.apache.commons.csv;
    requires info.picocli;
    requires org.slf4j;
    requires org.jfree.jfreechart;
    requires java.desktop;

    opens io.sinapse.app to info.picocli;
}
