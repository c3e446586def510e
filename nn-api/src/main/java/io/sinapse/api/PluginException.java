package io.sinapse.api;

/** A plug-in could not be found, configured or loaded. The message names the place and the fix. */
public class PluginException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
