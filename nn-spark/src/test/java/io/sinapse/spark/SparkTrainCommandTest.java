package io.sinapse.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.data.LabeledDataset;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn-spark --spark-master local[2] …} writes a model that {@code nn eval} and {@code nn predict} read. */
class SparkTrainCommandTest {

    @TempDir
    static Path dir;
    private static Path train;
    private static Path test;

    @BeforeAll
    static void writeCsv() throws Exception {
        TestSpark.session();
        LabeledDataset moons = BuiltinDatasets.get("moons(samples=300, noise=0.1, seed=8)");
        train = dir.resolve("moons.csv");
        test = dir.resolve("moons-test.csv");
        write(moons, 0, 240, train);
        write(moons, 240, 300, test);
    }

    private static void write(LabeledDataset data, int from, int to, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("id,x1,x2,shape");
        float[] x = data.dataset().features();
        for (int r = from; r < to; r++) {
            lines.add(String.format(Locale.ROOT, "%d,%s,%s,%s", r, x[2 * r], x[2 * r + 1],
                    data.classOf(r) == 0 ? "upper" : "lower"));
        }
        Files.write(file, lines);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run sparkTrain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SparkTrain.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static Run nn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = io.sinapse.app.Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static JsonNode lastJson(String out) throws Exception {
        List<String> lines = out.lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void trainsOnSparkAndSavesAModelThatNnEvalAndNnPredictUse() throws Exception {
        Path model = dir.resolve("moons.sinapse");
        Run run = sparkTrain("--spark-master", "local[2]", "--data", train.toString(), "--target", "shape",
                "--drop", "id", "--layers", "16", "--activation", "tanh", "--optimizer", "adam(lr=0.02)",
                "--epochs", "12", "--batch-size", "16", "--test", test.toString(), "--save", model.toString(),
                "--json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("240 rows in 2 partitions"), run.out());
        JsonNode scores = lastJson(run.out());
        assertTrue(scores.get("accuracy").asDouble() >= 0.95, run.out());
        assertEquals(15 * 12, scores.get("rounds").asInt(), "240 rows in batches of 16, 12 epochs");

        Model saved = ModelFile.load(model);
        assertEquals(List.of("lower", "upper"), saved.labels());
        assertEquals("standard", saved.scaler().orElseThrow().method());
        assertEquals("x1", saved.metadata().get("feature.1"));

        Run eval = nn("eval", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, eval.status(), eval.err());
        assertEquals(scores.get("accuracy").asDouble(), lastJson(eval.out()).get("accuracy").asDouble(), 1e-9,
                "nn eval scores the saved model as nn-spark scored it");

        Path predictions = dir.resolve("predictions.csv");
        Run predict = nn("predict", "--model", model.toString(), "--data", test.toString(), "--out",
                predictions.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals(61, Files.readAllLines(predictions).size(), "a header and 60 predictions");
    }

    @Test
    void aTypoInANameFailsBeforeSparkStartsAndListsTheNames() {
        Run run = sparkTrain("--data", train.toString(), "--optimizer", "adamm");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("Unknown optimizer 'adamm'. Available:"), run.err());
    }
}
