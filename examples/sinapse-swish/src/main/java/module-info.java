/**
 * An example Sinapse plug-in from outside the project: the swish activation and the log_cosh loss.
 *
 * <p>It requires only the Sinapse API and exports nothing: users ask for {@code swish} or {@code log_cosh} by name,
 * and the lookup finds them through the {@code provides} lines below (module path, e.g. {@code nn --plugin-path})
 * or through {@code META-INF/services} (class path).
 *
 * @provides io.sinapse.api.Activation swish
 * @provides io.sinapse.api.Loss log_cosh
 */
module com.example.swish {
    requires io.sinapse.api;

    provides io.sinapse.api.Activation with com.example.swish.Swish;
    provides io.sinapse.api.Loss with com.example.swish.LogCosh;
}
