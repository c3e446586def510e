package io.sinapse.app;

import io.sinapse.api.Plugins;
import io.sinapse.core.Dataset;
import io.sinapse.data.CsvLoader;
import io.sinapse.data.LabelEncoding;
import io.sinapse.data.LabeledDataset;
import io.sinapse.data.MissingValues;
import io.sinapse.data.Task;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.ModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading a model saved by {@code nn train}, and data laid out the way it was trained on. */
final class SavedModels {

    private SavedModels() {
    }

    /** The model in {@code file}, its plug-ins resolved through {@code plugins}. */
    static Model load(Path file, Plugins plugins) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        return ModelFile.load(file, plugins);
    }

    /**
     * The rows of a CSV file with a target, as the model wants them: its feature columns in its order (other
     * columns ignored), its classes, and the inputs scaled as in training; targets as in the file.
     */
    static LabeledDataset labeledData(Model model, Path csv, MissingValues missing) {
        List<String> features = ModelMetadata.features(model);
        String target = ModelMetadata.target(model);
        List<String> header = CsvTable.header(csv);
        if (!header.contains(target)) {
            throw new UsageException(csv + " has no column '" + target + "', the target the model predicts, so there"
                    + " is nothing to score against; its columns: " + String.join(", ", header)
                    + ". To predict it, use 'nn predict'.");
        }
        List<String> extra = new ArrayList<>();
        for (String column : header) {
            if (!features.contains(column) && !column.equals(target)) {
                extra.add(column);
            }
        }
        CsvLoader.Builder loader = CsvLoader.builder().target(target).missingValues(missing)
                .drop(extra.toArray(String[]::new));
        if (model.task() == io.sinapse.persistence.Task.CLASSIFICATION) {
            loader.classes(LabelEncoding.of(model.labels()));
        } else {
            loader.task(Task.REGRESSION);
        }
        LabeledDataset loaded = loader.build().load(csv);
        if (loaded.task() == Task.CLASSIFICATION && loaded.dataset().targetCount() == 1
                && model.network().outputSize() == 2) {
            loaded = loaded.withOneHotTargets();
        }
        Dataset ordered = reorder(loaded.dataset(), loaded.featureNames(), features, csv);
        float[] x = scale(model, ordered.features(), ordered.rows());
        return loaded.withDataset(new Dataset(x, features.size(), ordered.targets(), ordered.targetCount()));
    }

    /** Applies the model's input scaling, if it has one. */
    static float[] scale(Model model, float[] features, int rows) {
        return model.scaler().map(s -> s.apply(features, rows)).orElse(features);
    }

    /** The features in the model's column order; a column the model needs and the file lacks is an error. */
    private static Dataset reorder(Dataset data, List<String> have, List<String> want, Path csv) {
        if (have.equals(want)) {
            return data;
        }
        int[] from = new int[want.size()];
        for (int c = 0; c < want.size(); c++) {
            from[c] = have.indexOf(want.get(c));
            if (from[c] < 0) {
                throw new UsageException(csv + " has no column '" + want.get(c) + "', which the model was trained on."
                        + " It needs: " + String.join(", ", want));
            }
        }
        int rows = data.rows();
        float[] x = new float[rows * want.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < from.length; c++) {
                x[r * from.length + c] = data.features()[r * data.featureCount() + from[c]];
            }
        }
        return new Dataset(x, want.size(), data.targets(), data.targetCount());
    }
}
