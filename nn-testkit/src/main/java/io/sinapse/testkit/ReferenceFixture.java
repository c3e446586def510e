package io.sinapse.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reference values made by an outside oracle (PyTorch, say) and committed with the script that made them, in a text
 * format that needs no library to read. One tensor per line:
 * <pre>
 * # a comment
 * subject tensor rows cols v1 v2 … v(rows*cols)
 * </pre>
 * separated by spaces, values row-major in any form {@link Double#parseDouble} reads. The subject names what made
 * the tensor and has no spaces, e.g. the spec {@code leaky_relu(alpha=0.2)}; the tensor is e.g. {@code z},
 * {@code out}, {@code grad_z}.
 *
 * <p>Resources in a named module are visible to that module alone, so the test opens the stream itself:
 * {@code ReferenceFixture.parse(getClass().getResourceAsStream("/fixtures/activations.txt"))}.
 */
public final class ReferenceFixture {

    /**
     * Agreement required between a double path and an oracle that also computed in float64: a few units in the
     * last place (2.2e-16 each), since the oracle's exp, log and tanh round differently from Java's.
     */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    /** Absolute floor for values that are 0 in one and rounding noise in the other. */
    public static final double ABSOLUTE_TOLERANCE = 1e-15;

    /** One tensor of the fixture. */
    public record Tensor(int rows, int cols, double[] values) {
    }

    private final Map<String, Map<String, Tensor>> subjects;

    private ReferenceFixture(Map<String, Map<String, Tensor>> subjects) {
        this.subjects = subjects;
    }

    /** Reads a fixture and closes the stream; an error names the line. */
    public static ReferenceFixture parse(InputStream in) {
        if (in == null) {
            throw new IllegalArgumentException("Fixture not found: the stream is null. Is the resource path right,"
                    + " and was it opened by a class in the module that holds it?");
        }
        Map<String, Map<String, Tensor>> subjects = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                if (fields.length < 4) {
                    throw new IllegalArgumentException("Fixture line " + number + ": expected 'subject tensor rows"
                            + " cols values…', got '" + text + "'");
                }
                int rows = Integer.parseInt(fields[2]);
                int cols = Integer.parseInt(fields[3]);
                if (fields.length - 4 != rows * cols) {
                    throw new IllegalArgumentException("Fixture line " + number + ": " + fields[0] + " " + fields[1]
                            + " is " + rows + "×" + cols + " but has " + (fields.length - 4) + " values");
                }
                double[] values = new double[rows * cols];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(fields[4 + i]);
                }
                subjects.computeIfAbsent(fields[0], k -> new LinkedHashMap<>())
                        .put(fields[1], new Tensor(rows, cols, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceFixture(subjects);
    }

    /** The subjects, in file order. */
    public Set<String> subjects() {
        return Collections.unmodifiableSet(subjects.keySet());
    }

    public boolean has(String subject, String tensor) {
        return subjects.containsKey(subject) && subjects.get(subject).containsKey(tensor);
    }

    /** The tensor; an {@link AssertionError} naming what the fixture has if it is missing. */
    public Tensor tensor(String subject, String tensor) {
        Map<String, Tensor> tensors = subjects.get(subject);
        if (tensors == null) {
            throw new AssertionError("The fixture has no subject '" + subject + "'; it has " + subjects.keySet()
                    + ". Regenerate it with the script next to it.");
        }
        Tensor found = tensors.get(tensor);
        if (found == null) {
            throw new AssertionError("The fixture has no tensor '" + tensor + "' for '" + subject + "'; it has "
                    + tensors.keySet() + ".");
        }
        return found;
    }

    /** Fails unless a double-path result matches the oracle within {@link #RELATIVE_TOLERANCE}. */
    public static void assertMatches(String what, double[] actual, Tensor expected) {
        for (int i = 0; i < expected.values().length; i++) {
            double e = expected.values()[i];
            double tolerance = RELATIVE_TOLERANCE * Math.abs(e) + ABSOLUTE_TOLERANCE;
            if (!(Math.abs(actual[i] - e) <= tolerance) && !(Double.isNaN(e) && Double.isNaN(actual[i]))) {
                throw new AssertionError(what + " (double path) differs from the reference at "
                        + Report.position(i, expected.rows(), expected.cols()) + ": expected " + Report.num(e)
                        + ", got " + Report.num(actual[i]) + ", |difference| = " + Report.num(Math.abs(actual[i] - e))
                        + " > tolerance " + Report.num(tolerance));
            }
        }
    }

    /** Fails unless a float-path result matches the oracle within {@link FloatAgreement}. */
    public static void assertMatches(String what, float[] actual, Tensor expected) {
        FloatAgreement.assertRows(what + " (float path) against the reference", actual, expected.values(),
                expected.rows(), expected.cols(), i -> "expected " + Report.num(expected.values()[i]));
    }

    /** Fails unless a double-path scalar matches the oracle within {@link #RELATIVE_TOLERANCE}. */
    public static void assertMatches(String what, double actual, double expected) {
        double tolerance = RELATIVE_TOLERANCE * Math.abs(expected) + ABSOLUTE_TOLERANCE;
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(what + " differs from the reference: expected " + Report.num(expected)
                    + ", got " + Report.num(actual) + ", |difference| = " + Report.num(Math.abs(actual - expected))
                    + " > tolerance " + Report.num(tolerance));
        }
    }
}
