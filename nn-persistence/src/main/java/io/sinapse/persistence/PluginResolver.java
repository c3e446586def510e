package io.sinapse.persistence;

import io.sinapse.api.Plugin;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;

/**
 * Resolves the specs a model file names through the caller's lookup. The lookup's own message already lists the
 * providers it has and points at --plugin-path; this adds where in the file the name came from.
 */
final class PluginResolver {

    private final Plugins plugins;

    PluginResolver(Plugins plugins) {
        this.plugins = plugins;
    }

    <P extends Plugin<P>> P resolve(Class<P> kind, String spec, String where) throws ModelFormatException {
        try {
            return plugins.get(kind, spec);
        } catch (PluginException e) {
            throw new ModelFormatException("the model needs the " + Plugins.kindName(kind) + " '" + spec + "' ("
                    + where + "): " + e.getMessage(), e);
        }
    }
}
