package io.sinapse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each lesson, checked on what it prints. */
class DemoCommandTest {

    @TempDir
    Path temp;

    /** Runs a lesson and returns its stdout; fails with the transcript if it did not exit 0. */
    private static String lesson(String... args) {
        List<String> all = new ArrayList<>(List.of("demo"));
        all.addAll(List.of(args));
        Run run = Run.nn(all.toArray(String[]::new));
        assertEquals(0, run.status(), run.transcript());
        return run.out();
    }

    /** Paragraphs wrap on the terminal; compare text with its whitespace folded. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void theWholeTourWritesAPageByDefaultAndASingleLessonOnlyWhenAsked() {
        assertEquals(Path.of(DemoCommand.TOUR_REPORT), DemoCommand.reportPath(null, false, true));
        assertEquals(null, DemoCommand.reportPath(null, true, true));
        assertEquals(null, DemoCommand.reportPath(null, false, false));
        assertEquals(temp, DemoCommand.reportPath(temp, false, false));
        assertEquals(null, DemoCommand.reportPath(temp, true, true), "--no-report wins");
    }

    @Test
    void listShowsTheLessonsInCourseOrder() {
        String out = lesson("--list");
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^ +\\d+\\. ([a-z-]+) ").matcher(out);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(List.of("neuron", "perceptron", "xor", "activations", "customer", "gradient-descent",
                "learning-rate", "scaling", "regularization", "overfitting"), names, out);
    }

    @Test
    void neuronLessonComputesThePotentialAndTheMatrixProduct() {
        String out = lesson("neuron");
        assertTrue(out.contains("u = w₁·x₁ + w₂·x₂ + … + wₙ·xₙ − θ"), out);
        // AND with weights 1, 1 and θ = 1.5: only (1, 1) fires, with potential 0.5.
        assertTrue(out.matches("(?s).*\\n +1 +1 +2 +0\\.5 +1\\n.*"), out);
        assertTrue(out.matches("(?s).*\\[1  1  1] +\\[ *0\\.5] +\\[1].*"), "the last row of Xw\n" + out);
        assertTrue(flat(out).contains("Row by row, Xw equals the AND neuron's activation potential"), out);
    }

    @Test
    void perceptronLessonPrintsTheEightRowConcertTableWithDecisionEqualToMoney() {
        String out = lesson("perceptron");
        Pattern row = Pattern.compile("(?m)^ +([01]) +([01]) +([01]) +3·\\1 \\+ 2·\\2 \\+ 6·\\3 = (\\d+) +(-?\\d+) +([01]) (go|stay)$");
        Matcher m = row.matcher(out);
        int rows = 0;
        while (m.find()) {
            rows++;
            int x1 = Integer.parseInt(m.group(1));
            int x2 = Integer.parseInt(m.group(2));
            int x3 = Integer.parseInt(m.group(3));
            assertEquals(3 * x1 + 2 * x2 + 6 * x3, Integer.parseInt(m.group(4)), m.group());
            assertEquals(3 * x1 + 2 * x2 + 6 * x3 - 5, Integer.parseInt(m.group(5)), m.group());
            assertEquals(x3, Integer.parseInt(m.group(6)), "decision = x3 in " + m.group());
        }
        assertEquals(8, rows, "the full truth table\n" + out);
        assertTrue(flat(out).contains("decision = x3 in all 8 rows: you go exactly when you have money"), out);
        assertTrue(flat(out).contains("3, 2, 6; θ = 2: you go in 6 of 8 cases"), out);
        assertTrue(flat(out).contains("right in 8 of 8 cases"), "the perceptron rule learns it\n" + out);
    }

    @Test
    void xorLessonShowsThePerceptronFailingAndTheMlpSucceeding() {
        String out = lesson("xor");
        Matcher m = Pattern.compile("Perceptron: (\\d+)% right\\. MLP 2-4-1: (\\d+)% right\\.").matcher(flat(out));
        assertTrue(m.find(), out);
        assertTrue(Integer.parseInt(m.group(1)) < 100, "the perceptron is below 100%\n" + out);
        assertEquals("100", m.group(2), out);
        assertTrue(out.contains("│") && out.contains("#") && out.contains("·"), "ASCII decision grids\n" + out);
    }

    @Test
    void customerLessonWritesOutTheWeightedSumsAndEveryGradient() {
        String out = lesson("customer");
        assertTrue(out.contains("50·0.5 + 20·0.4 + 20·0.7 + 1 = 25 + 8 + 14 + 1 = 48"), out);
        assertTrue(out.contains("relu(48) = 48"), out);
        assertTrue(flat(out).contains("All 11 gradients agree"), out);
        for (String gradient : new String[]{"∂L/∂w_out1", "∂L/∂w_out2", "∂L/∂b_out", "∂L/∂w11", "∂L/∂w32", "∂L/∂b2"}) {
            assertTrue(out.contains(gradient), gradient + "\n" + out);
        }
        assertTrue(flat(out).contains("one step closer to 47%"), "the step lowers the loss\n" + out);
    }

    @Test
    void activationsLessonTabulatesEveryFunctionAndItsDerivative() {
        String out = lesson("activations");
        for (String name : new String[]{"relu", "sigmoid", "tanh", "leaky_relu(alpha=0.01)", "linear", "threshold"}) {
            assertTrue(out.matches("(?s).*\\n  " + Pattern.quote(name) + " +f\\(z\\).*"), name + "\n" + out);
        }
        // sigmoid(0) = 0.5 and sigmoid'(0) = 0.25, in the column z = 0.
        assertTrue(out.matches("(?s).*\\n  sigmoid +f\\(z\\)( +\\S+){4} +0\\.5 .*\\n +f'\\(z\\)( +\\S+){4} +0\\.25 .*"), out);
        assertTrue(flat(out).contains("softmax(1, 2, 3) = (0.09003, 0.2447, 0.6652), which sum to 1"), out);
        assertTrue(flat(out).contains("threshold: on [-6, 6] f runs from 0 to 1; f' is 0 everywhere"), out);
    }

    @Test
    void activationsLessonIncludesPluginActivations() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "softsign.jar", "org.example.softsign", "softsign",
                "return z / (1 + Math.abs(z));");
        String out = lesson("activations", "--plugin-path", plugins.toString());
        // softsign(1) = 0.5, softsign(-3) = -0.75.
        assertTrue(out.matches("(?s).*\\n  softsign +f\\(z\\) +-0\\.75 .* 0\\.5 .*"), out);
    }

    @Test
    void gradientDescentLessonComparesFiveMethodsOnOneProblem() {
        String out = lesson("gradient-descent");
        for (String method : new String[]{"batch", "stochastic", "mini-batch", "momentum", "adam"}) {
            assertTrue(out.matches("(?s).*\\n  " + method + " +\\S+.* +\\d+ +\\d+ +[0-9.e-]+ +[0-9.]+% .*"),
                    method + " with its final loss\n" + out);
        }
        assertTrue(flat(out).contains("Lowest final loss: "), out);
    }

    @Test
    void learningRateLessonSweepsTheCourseRatesAndNamesTheBest() {
        String out = lesson("learning-rate");
        for (String rate : new String[]{"0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"}) {
            assertTrue(out.matches("(?s).*\\n +" + Pattern.quote(rate) + "  .*"), rate + "\n" + out);
        }
        Matcher best = Pattern.compile("(?m)^ +([0-9.]+) +([0-9.e-]+) +← best").matcher(out);
        assertTrue(best.find(), out);
        assertTrue(flat(out).contains("Best rate: " + best.group(1) + " (final loss " + best.group(2) + ")"), out);
    }

    @Test
    void scalingLessonShowsStandardisationHelping() {
        String out = lesson("scaling");
        Matcher raw = Pattern.compile("(?m)^  raw inputs +([0-9.e-]+) +([0-9.]+)%").matcher(out);
        Matcher scaled = Pattern.compile("(?m)^  standardised +([0-9.e-]+) +([0-9.]+)%").matcher(out);
        assertTrue(raw.find() && scaled.find(), out);
        assertTrue(Double.parseDouble(scaled.group(1)) < Double.parseDouble(raw.group(1)), out);
        assertTrue(Double.parseDouble(scaled.group(2)) > Double.parseDouble(raw.group(2)), out);
    }

    @Test
    void regularizationLessonShowsL1ZeroingAndL2ShrinkingWeights() {
        String out = lesson("regularization");
        Pattern row = Pattern.compile("(?m)^  (none|L1 \\(lasso\\)|L2 \\(ridge\\)) +\\S+ +([0-9.]+)% +([0-9.]+)% +([0-9.e-]+)"
                + " +([0-9.e-]+) +([0-9.e-]+)%");
        Matcher m = row.matcher(out);
        double[][] values = new double[3][];
        int i = 0;
        while (m.find()) {
            values[i++] = new double[]{Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))};
        }
        assertEquals(3, i, "none, L1, L2\n" + out);
        double[] none = values[0];
        double[] l1 = values[1];
        double[] l2 = values[2];
        assertTrue(none[0] > none[1], "without a penalty, better on the training points than on new ones\n" + out);
        assertTrue(l1[4] > 10 * none[4], "L1 pushes many weights to 0\n" + out);
        assertTrue(l2[3] < none[3] && l2[2] < none[2], "L2 shrinks the weights\n" + out);
    }

    @Test
    void theTourRunsEveryLessonInOrderAndWritesOneReport() throws IOException {
        Path report = temp.resolve("tour.html");
        String out = lesson("--report", report.toString());
        int previous = -1;
        for (int i = 1; i <= 10; i++) {
            int at = out.indexOf("Lesson " + i + " of 10 · ");
            assertTrue(at > previous, "lesson " + i + " in order\n" + out);
            previous = at;
        }
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 100));
        long charts = Pattern.compile("<img alt=\"chart\"[^>]*src=\"data:image/png;base64,").matcher(html)
                .results().count();
        assertTrue(charts >= 12, "xor boundaries, activation plots, loss curves, the sweep, overfitting: " + charts);
        assertTrue(html.contains("Overfitting: the validation curve turns"), "the overfitting lesson's section");
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained: no links to fetch");
        assertTrue(html.contains("Learning-rate") || html.contains("learning rate"), "the sweep section");
    }

    @Test
    void anUnknownLessonIsAUsageErrorListingTheLessons() {
        Run run = Run.nn("demo", "backprop");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Unknown lesson 'backprop'. Available: neuron, perceptron, xor"), run.transcript());
    }

    /** A number as the lessons print it (4 significant digits), parsed back. */
    private static double num(String text) {
        return Double.parseDouble(text);
    }

    @Test
    void overfittingLessonFindsTheTurnStopsNearItAndDropoutNarrowsTheGap() {
        String out = lesson("overfitting");
        String text = flat(out);
        // The curve table: epoch, training loss, validation loss, accuracies; the minimum marked.
        Matcher row = Pattern.compile("(?m)^ +(\\d+) +([0-9.e-]+) +([0-9.e-]+) +([0-9.]+)% +([0-9.]+)%( +← validation"
                + " minimum)?$").matcher(out);
        List<double[]> rows = new ArrayList<>();
        int marked = -1;
        while (row.find()) {
            rows.add(new double[]{num(row.group(1)), num(row.group(2)), num(row.group(3))});
            if (row.group(6) != null) {
                marked = Integer.parseInt(row.group(1));
            }
        }
        assertTrue(rows.size() >= 10, "epochs 1 … 600 and the minimum\n" + out);
        Matcher minimum = Pattern.compile("Validation minimum: ([0-9.e-]+) in epoch (\\d+) \\(training loss ([0-9.e-]+)"
                + " then\\)").matcher(text);
        assertTrue(minimum.find(), out);
        double lowest = num(minimum.group(1));
        int turn = Integer.parseInt(minimum.group(2));
        assertEquals(turn, marked, "the table marks the epoch the text names\n" + out);
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        for (double[] r : rows) {
            assertTrue(r[2] >= lowest, "no row below the validation minimum: epoch " + (int) r[0] + "\n" + out);
            if ((int) r[0] == turn) {
                assertEquals(lowest, r[2], 0, out);
                assertEquals(num(minimum.group(3)), r[1], 0, out);
            }
        }
        assertEquals(600, (int) last[0], out);
        assertTrue(last[1] < first[1] / 100, "the training loss keeps falling\n" + out);
        assertTrue(last[2] > 1.5 * lowest, "the validation loss rises after its minimum\n" + out);
        assertTrue(turn < 600, out);
        assertTrue(text.contains("the network is overfitting from epoch " + turn + " on"), out);

        Matcher stop = Pattern.compile("stopped in epoch (\\d+) = best epoch (\\d+) \\+ patience (\\d+) .*? The restored"
                + " network scores a validation loss of ([0-9.e-]+) \\(its best was ([0-9.e-]+)\\)").matcher(text);
        assertTrue(stop.find(), out);
        int stopped = Integer.parseInt(stop.group(1));
        int best = Integer.parseInt(stop.group(2));
        int patience = Integer.parseInt(stop.group(3));
        assertEquals(best + patience, stopped, out);
        assertTrue(best <= turn && stopped <= turn + patience, "early stopping stops by minimum + patience\n" + out);
        assertEquals(num(stop.group(5)), num(stop.group(4)), 0, "the best weights are back\n" + out);
        if (best == turn) {
            assertEquals(lowest, num(stop.group(4)), 0, "restored: the minimum's validation loss\n" + out);
        }

        Matcher gap = Pattern.compile("(?m)^  (no dropout|dropout 0\\.3) +([0-9.e-]+) +([0-9.e-]+) +(-?[0-9.e-]+) ").matcher(out);
        double[] gaps = new double[2];
        int found = 0;
        while (gap.find()) {
            double train = num(gap.group(2));
            double validation = num(gap.group(3));
            double g = num(gap.group(4));
            assertEquals(validation - train, g, 1e-3 * Math.max(1, Math.abs(validation)), "gap = validation − training\n"
                    + out);
            gaps[found++] = g;
        }
        assertEquals(2, found, out);
        assertTrue(gaps[1] < gaps[0], "dropout narrows the gap\n" + out);
        assertTrue(text.contains("The gap between validation and training loss shrank from " + gap(out, 0)), out);
    }

    private static String gap(String out, int which) {
        Matcher m = Pattern.compile("(?m)^  (?:no dropout|dropout 0\\.3) +\\S+ +\\S+ +(\\S+) ").matcher(out);
        for (int i = 0; i <= which; i++) {
            assertTrue(m.find(), out);
        }
        return m.group(1);
    }

    @Test
    void overfittingLessonTellsAnEarlyStopBeforeTheMinimum() {
        // Seed 3: the validation loss rests for more than the patience after epoch 8, then falls to its minimum.
        String text = flat(lesson("overfitting", "--seed", "3"));
        Matcher m = Pattern.compile("stopped in epoch (\\d+) = best epoch (\\d+) \\+ patience (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        Matcher minimum = Pattern.compile("Validation minimum: \\S+ in epoch (\\d+)").matcher(text);
        assertTrue(minimum.find(), text);
        int best = Integer.parseInt(m.group(2));
        int turn = Integer.parseInt(minimum.group(1));
        assertTrue(Integer.parseInt(m.group(1)) <= turn + Integer.parseInt(m.group(3)), text);
        assertEquals(best != turn, text.contains("Its best epoch is not the full run's minimum (epoch " + turn + ")"),
                text);
    }
}
