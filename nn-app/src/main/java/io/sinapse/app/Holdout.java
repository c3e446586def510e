package io.sinapse.app;

import picocli.CommandLine.ITypeConverter;

import java.nio.file.Path;

/**
 * Held-out data for {@code --validation} and {@code --test}: a share of the training file ({@code 0.2}) or a file
 * of its own.
 */
record Holdout(double fraction, Path file) {

    static Holdout share(double fraction) {
        return new Holdout(fraction, null);
    }

    boolean isFile() {
        return file != null;
    }

    /** A number is a share of the rows, in [0, 1); anything else is a file name. */
    static final class Converter implements ITypeConverter<Holdout> {
        @Override
        public Holdout convert(String value) {
            try {
                double fraction = Double.parseDouble(value);
                if (!(fraction >= 0 && fraction < 1)) {
                    throw new IllegalArgumentException("a share of the rows must be at least 0 and below 1, got "
                            + value);
                }
                return share(fraction);
            } catch (NumberFormatException e) {
                return new Holdout(Double.NaN, Path.of(value));
            }
        }
    }

    @Override
    public String toString() {
        return isFile() ? file.toString() : Num.format(fraction);
    }
}
