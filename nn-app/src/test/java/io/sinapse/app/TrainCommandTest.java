package io.sinapse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn train}, {@code nn eval} and {@code nn predict} on small CSV files. */
class TrainCommandTest {

    @TempDir
    Path temp;

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.E]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainsAClassifierAndEndsWithOneJsonLine() throws IOException {
        Path csv = CsvFiles.flowers(temp, 240);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id",
                "--layers", "16", "--epochs", "40", "--optimizer", "adam(lr=0.01)", "--json");
        assertEquals(0, run.status(), run.transcript());
        String json = lastLine(run.out());
        assertTrue(json.startsWith("{\"task\": \"classification\""), json);
        assertTrue(number(json, "accuracy") >= 0.9, json);
        assertTrue(number(json, "macro_f1") >= 0.9, json);
        assertEquals(40, number(json, "epochs"), json);
        assertTrue(number(json, "seconds") > 0, json);
        assertTrue(run.out().contains("3 classes: setosa, versicolor, virginica"), run.transcript());
        assertTrue(run.out().contains("Confusion matrix"), run.transcript());
        // Not a terminal: one plain progress line per epoch, on stderr.
        assertTrue(run.err().contains("epoch 1/40  loss ") && run.err().contains("epoch 40/40  loss "),
                run.transcript());
        assertFalse(run.err().contains("\r"), run.transcript());
    }

    @Test
    void sparkMasterInProcessSaysToUseTheLauncher() throws IOException {
        Path csv = CsvFiles.flowers(temp, 30);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--spark-master", "local[2]");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("./nn launcher") && run.err().contains("nn-spark/bin/nn-spark"), run.transcript());
    }

    @Test
    void trainsARegressionAndReportsMseMaeAndR2InTheTargetsUnits() throws IOException {
        Path csv = CsvFiles.houses(temp, 300);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "price", "--layers", "16",
                "--epochs", "60", "--optimizer", "adam(lr=0.01)", "--json");
        assertEquals(0, run.status(), run.transcript());
        String json = lastLine(run.out());
        assertTrue(json.startsWith("{\"task\": \"regression\""), json);
        assertTrue(number(json, "r2") > 0.9, json);
        assertTrue(number(json, "mae") < 30_000, "prices are in the hundreds of thousands: " + json);
        assertTrue(number(json, "mse") > 0, json);
    }

    @Test
    void aSavedModelIsEvaluatedAndPredictsCsv() throws IOException {
        Path csv = CsvFiles.flowers(temp, 240);
        Path model = temp.resolve("flowers.sinapse");
        Run train = Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id",
                "--layers", "16", "--epochs", "40", "--optimizer", "adam(lr=0.01)", "--save", model.toString());
        assertEquals(0, train.status(), train.transcript());
        assertTrue(Files.size(model) > 0);

        Run eval = Run.nn("eval", "--model", model.toString(), "--data", csv.toString(), "--json");
        assertEquals(0, eval.status(), eval.transcript());
        assertTrue(number(lastLine(eval.out()), "accuracy") >= 0.9, eval.transcript());
        assertTrue(eval.out().contains("Evaluation on " + csv + " (240 rows)"), eval.transcript());

        Path predictions = temp.resolve("predictions.csv");
        Run predict = Run.nn("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", predictions.toString());
        assertEquals(0, predict.status(), predict.transcript());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("id,petal_length,petal_width,noise,species,predicted,p_setosa,p_versicolor,p_virginica",
                lines.get(0));
        assertEquals(241, lines.size());
        int right = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            right += cells[4].equals(cells[5]) ? 1 : 0;
            double sum = Double.parseDouble(cells[6]) + Double.parseDouble(cells[7]) + Double.parseDouble(cells[8]);
            assertEquals(1.0, sum, 1e-3, "probabilities of " + line);
        }
        assertTrue(right >= 216, right + " of 240 predicted right");
    }

    @Test
    void predictWritesRegressionValuesToStdout() throws IOException {
        Path csv = CsvFiles.houses(temp, 200);
        Path model = temp.resolve("houses.sinapse");
        assertEquals(0, Run.nn("train", "--data", csv.toString(), "--target", "price", "--layers", "8",
                "--epochs", "30", "--optimizer", "adam(lr=0.01)", "--save", model.toString()).status());
        Path input = Files.writeString(temp.resolve("new.csv"), "rooms,area,age\n3,100,10\n5,200,5\n");
        Run run = Run.nn("predict", "--model", model.toString(), "--data", input.toString());
        assertEquals(0, run.status(), run.transcript());
        String[] lines = run.out().strip().split("\n");
        assertEquals("rooms,area,age,predicted", lines[0]);
        double small = Double.parseDouble(lines[1].split(",")[3]);
        double big = Double.parseDouble(lines[2].split(",")[3]);
        assertTrue(small > 100_000 && big > small, run.transcript());
    }

    @Test
    void anUnknownActivationGivesTheLookupsMessageAndExit2() throws IOException {
        Path csv = CsvFiles.flowers(temp, 30);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--activation", "relux");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Unknown activation 'relux'. Available: leaky_relu, linear, relu, sigmoid,"
                + " softmax, tanh, threshold. Plug-ins are loaded from --plugin-path."), run.transcript());
    }

    @Test
    void aBadOptimizerParameterIsAUsageError() throws IOException {
        Path csv = CsvFiles.flowers(temp, 30);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--optimizer", "adam(rate=1)");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Unknown parameter 'rate' for optimizer 'adam'"), run.transcript());
    }

    @Test
    void badArgumentsAreUsageErrorsThatSayWhatWasWrong() throws IOException {
        Path csv = CsvFiles.flowers(temp, 30);
        String data = csv.toString();
        Object[][] cases = {
            {new String[]{"train", "--target", "species"}, "Missing required option: '--data=FILE'"},
            {new String[]{"train", "--data", data, "--target", "species", "--layers", "16,x"}, "--layers"},
            {new String[]{"train", "--data", data, "--target", "species", "--epochs", "0"}, "'--epochs': at least 1"},
            {new String[]{"train", "--data", data, "--target", "species", "--scaling", "log"}, "--scaling"},
            {new String[]{"train", "--data", data, "--target", "species", "--test", "0.6", "--validation", "0.5"},
                "together they must stay below 1"},
            {new String[]{"train", "--data", data}, "Name the column to predict with --target COLUMN"},
            {new String[]{"train", "--data", data, "--target", "species", "--dropout", "1"},
                "Invalid value for option '--dropout': the probability of dropping an output, at least 0 and below 1,"
                    + " got 1"},
            {new String[]{"train", "--data", data, "--target", "species", "--dropout", "-0.1"}, "'--dropout'"},
            {new String[]{"train", "--data", data, "--target", "species", "--early-stopping", "-3"},
                "Invalid value for option '--early-stopping': a number of epochs, at least 1 (or 0 for none), got -3"},
            {new String[]{"train", "--data", data, "--target", "species", "--early-stopping", "ten"},
                "'--early-stopping'"},
            {new String[]{"train", "--data", data, "--target", "species", "--validation", "0.001", "--early-stopping",
                "5"}, "--early-stopping watches the validation loss, but --validation 0.001 left no validation rows"},
            {new String[]{"eval", "--data", data}, "Missing required option: '--model=MODEL'"},
        };
        for (Object[] c : cases) {
            Run run = Run.nn((String[]) c[0]);
            assertEquals(2, run.status(), run.transcript());
            assertTrue(run.err().contains((String) c[1]), c[1] + "\n" + run.transcript());
        }
    }

    @Test
    void aMissingFileIsAFailureNotAUsageError() {
        Run run = Run.nn("train", "--data", temp.resolve("none.csv").toString(), "--target", "y");
        assertEquals(1, run.status(), run.transcript());
        assertTrue(run.err().contains("CSV file not found"), run.transcript());
    }

    @Test
    void aPluginActivationIsUsableByNameInTraining() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "softsign.jar", "org.example.softsign", "softsign",
                "return z / (1 + Math.abs(z));");
        Path csv = CsvFiles.flowers(temp, 120);
        Run run = Run.nn("train", "--plugin-path", plugins.toString(), "--data", csv.toString(), "--target",
                "species", "--drop", "id", "--activation", "softsign", "--epochs", "5", "--json");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("Activation(softsign)"), run.transcript());
    }

    @Test
    void aBuiltInDatasetTrainsWithAReportHoldingLossCurvesAndABoundary() throws IOException {
        Path report = temp.resolve("moons.html");
        Run run = Run.nn("train", "--data", "builtin:moons(samples=300, noise=0.15)", "--layers", "16",
                "--activation", "tanh", "--epochs", "30", "--optimizer", "adam(lr=0.02)", "--l2", "0.0001",
                "--report", report.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("regularizer l2(lambda=0.0001)"), run.transcript());
        String html = Files.readString(report);
        assertTrue(html.contains("Training and validation loss") || html.contains("Loss per epoch"), "loss curves");
        assertTrue(html.contains("Decision boundary"), "a 2-feature, 2-class dataset gets its boundary drawn");
        assertTrue(html.contains("class=\"confusion\""), "the confusion matrix");
        assertTrue(Pattern.compile("data:image/png;base64,").matcher(html).results().count() >= 2);
    }

    @Test
    void l1AndL2TogetherAreAnElasticNet() {
        Run run = Run.nn("train", "--data", "builtin:moons(samples=100)", "--epochs", "2", "--l1", "0.001",
                "--l2", "0.003");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("elastic_net(lambda=0.004, l1_ratio=0.25)"), run.transcript());
    }

    @Test
    void evalNamesAColumnTheFileLacks() throws IOException {
        Path csv = CsvFiles.flowers(temp, 60);
        Path model = temp.resolve("m.sinapse");
        assertEquals(0, Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id",
                "--epochs", "2", "--save", model.toString()).status());
        Path other = Files.writeString(temp.resolve("other.csv"), "petal_length,species\n1.4,setosa\n");
        Run run = Run.nn("eval", "--model", model.toString(), "--data", other.toString());
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("no column 'petal_width'"), run.transcript());
    }

    @Test
    void earlyStoppingStopsPatienceEpochsAfterTheBestAndReportsBothInJson() throws IOException {
        // A big network on few noisy points overfits quickly: the validation loss turns early.
        Run run = Run.nn("train", "--data", "builtin:moons(samples=80, noise=0.35)", "--layers", "64,64",
                "--activation", "tanh", "--optimizer", "adam(lr=0.01)", "--validation", "0.3", "--test", "0.2",
                "--batch-size", "40", "--epochs", "500", "--early-stopping", "15", "--json");
        assertEquals(0, run.status(), run.transcript());
        String json = lastLine(run.out());
        int epochs = (int) number(json, "epochs");
        int best = (int) number(json, "best_epoch");
        int stopped = (int) number(json, "stopped_epoch");
        assertEquals(15, (int) number(json, "early_stopping"), json);
        assertTrue(epochs < 500, "stopped early: " + json);
        assertEquals(epochs, stopped, json);
        assertEquals(best + 15, stopped, "stopped patience epochs after the best: " + json);
        assertTrue(run.out().contains("up to 500 epochs, early stopping after 15 epochs without a lower validation"
                + " loss"), run.transcript());
        assertTrue(run.out().contains("Kept the weights of epoch " + best + ", the lowest validation loss ("),
                run.transcript());
        // The progress lines on stderr agree: one per epoch run, and the best epoch's validation loss is the lowest.
        Matcher m = Pattern.compile("epoch (\\d+)/500 .*validation loss ([0-9.e-]+)").matcher(run.err());
        java.util.Map<Integer, String> printed = new java.util.HashMap<>();
        while (m.find()) {
            printed.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        assertEquals(stopped, printed.size(), run.transcript());
        assertEquals(Num.format(number(json, "best_validation_loss")), printed.get(best), run.transcript());
        double lowest = printed.values().stream().mapToDouble(Double::parseDouble).min().orElseThrow();
        assertEquals(lowest, Double.parseDouble(printed.get(best)), 0, run.transcript());
    }

    @Test
    void dropoutAddsALayerAfterEachHiddenLayerAndIsSavedWithTheModel() throws IOException {
        Path csv = CsvFiles.flowers(temp, 150);
        Path model = temp.resolve("dropout.sinapse");
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id", "--layers", "16,8",
                "--dropout", "0.25", "--epochs", "30", "--optimizer", "adam(lr=0.01)", "--early-stopping", "0",
                "--save", model.toString(), "--json");
        assertEquals(0, run.status(), run.transcript());
        assertEquals(2, Pattern.compile("Dropout\\(rate=0\\.25\\)").matcher(run.out()).results().count(),
                run.transcript());
        assertTrue(run.out().indexOf("Dense(4 → 16)") < run.out().indexOf("Dropout(rate=0.25)")
                && run.out().lastIndexOf("Dropout(rate=0.25)") < run.out().indexOf("Dense(8 → 3)"), run.transcript());
        String json = lastLine(run.out());
        assertEquals(0.25, number(json, "dropout"), json);
        assertEquals(30, (int) number(json, "epochs"), "--early-stopping 0 turns it off: " + json);
        assertFalse(json.contains("stopped_epoch"), json);
        assertTrue(number(json, "accuracy") >= 0.85, json);
        Run eval = Run.nn("eval", "--model", model.toString(), "--data", csv.toString(), "--json");
        assertEquals(0, eval.status(), eval.transcript());
        assertTrue(eval.out().contains("Dropout(rate=0.25)"), eval.transcript());
    }

    @Test
    void earlyStoppingNeedsValidationData() throws IOException {
        Path csv = CsvFiles.flowers(temp, 60);
        Run run = Run.nn("train", "--data", csv.toString(), "--target", "species", "--validation", "0",
                "--early-stopping", "5");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("--early-stopping watches the validation loss, but --validation 0 holds out no"
                + " rows: give --validation a share above 0 or a file"), run.transcript());
        // Without --early-stopping, no validation simply means no early stopping.
        Run plain = Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id", "--validation",
                "0", "--epochs", "3", "--json");
        assertEquals(0, plain.status(), plain.transcript());
        assertFalse(plain.out().contains("early stopping"), plain.transcript());
        assertFalse(lastLine(plain.out()).contains("best_epoch"), plain.transcript());
    }

    @Test
    void theDefaultsStopEarlyOnlyWithEnoughValidationRows() throws IOException {
        Run big = Run.nn("train", "--data", "builtin:moons(samples=400, noise=0.2)", "--json");
        assertEquals(0, big.status(), big.transcript());
        assertTrue(big.out().contains("Dense(2 → 100)"), "100 hidden units by default\n" + big.transcript());
        assertTrue(big.out().contains("up to 200 epochs, early stopping after 20 epochs without a lower validation"
                + " loss"), big.transcript());
        String json = lastLine(big.out());
        assertEquals(20, (int) number(json, "early_stopping"), json);
        assertTrue(number(json, "accuracy") >= 0.9, json);

        Path csv = CsvFiles.flowers(temp, 100);
        Run small = Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id", "--epochs", "5",
                "--json");
        assertEquals(0, small.status(), small.transcript());
        Matcher split = Pattern.compile("Split: \\d+ training, (\\d+) validation").matcher(small.out());
        assertTrue(split.find(), small.transcript());
        assertTrue(Integer.parseInt(split.group(1)) < 30, small.transcript());
        assertTrue(small.out().contains("No early stopping: " + split.group(1) + " validation rows are too few to tell"
                + " when to stop (the default needs 30; --early-stopping N asks for it anyway)"), small.transcript());
        assertFalse(lastLine(small.out()).contains("early_stopping"), small.transcript());
    }

    @Test
    void aTargetColumnTheFileLacksIsAUsageError() throws IOException {
        Path csv = CsvFiles.flowers(temp, 60);
        Run train = Run.nn("train", "--data", csv.toString(), "--target", "colour");
        assertEquals(2, train.status(), train.transcript());
        assertTrue(train.err().contains("has no column 'colour' to predict (--target); its columns: id, petal_length,"
                + " petal_width, noise, species"), train.transcript());

        Path model = temp.resolve("m.sinapse");
        assertEquals(0, Run.nn("train", "--data", csv.toString(), "--target", "species", "--drop", "id",
                "--epochs", "2", "--save", model.toString()).status());
        Path unlabelled = Files.writeString(temp.resolve("new.csv"), "petal_length,petal_width,noise\n1.4,0.2,5\n");
        Run eval = Run.nn("eval", "--model", model.toString(), "--data", unlabelled.toString());
        assertEquals(2, eval.status(), eval.transcript());
        assertTrue(eval.err().contains("has no column 'species', the target the model predicts"), eval.transcript());
        assertTrue(eval.err().contains("use 'nn predict'"), eval.transcript());
    }
}
