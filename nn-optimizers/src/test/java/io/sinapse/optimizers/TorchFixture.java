package io.sinapse.optimizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch reference runs in {@code fixtures/torch-optimizers.txt}, written by {@code make_fixtures.py} beside
 * it: for each case, a Sinapse spec, the starting weights, and the gradient and resulting weights of every step.
 */
final class TorchFixture {

    static final String RESOURCE = "/fixtures/torch-optimizers.txt";

    /** One optimizer run: {@code weights[0]} are the starting weights, {@code weights[k]} those after step k. */
    record Case(String spec, List<float[]> grads, List<float[]> weights) {

        int steps() {
            return grads.size();
        }

        /** The gradient of step {@code k}, 1-based. */
        float[] grad(int k) {
            return grads.get(k - 1);
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    private TorchFixture() {
    }

    static List<Case> cases() {
        try (InputStream in = TorchFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing; regenerate it with make_fixtures.py");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> parse(BufferedReader reader) throws IOException {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            switch (fields[0]) {
                case "case" -> {
                    current = new Case(fields[1], new ArrayList<>(), new ArrayList<>());
                    cases.add(current);
                }
                case "grad" -> add(current.grads(), fields, lineNumber);
                case "weights" -> add(current.weights(), fields, lineNumber);
                default -> throw new IllegalStateException(
                        RESOURCE + ":" + lineNumber + ": unknown record " + fields[0]);
            }
        }
        return cases;
    }

    /** Adds the values of a {@code grad k …} or {@code weights k …} line, checking k is the next index. */
    private static void add(List<float[]> list, String[] fields, int lineNumber) {
        int index = Integer.parseInt(fields[1]);
        int expected = fields[0].equals("grad") ? list.size() + 1 : list.size();
        if (index != expected) {
            throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": record " + fields[0] + " " + index
                    + " out of order, expected " + expected);
        }
        float[] values = new float[fields.length - 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(fields[i + 2]);
        }
        list.add(values);
    }
}
