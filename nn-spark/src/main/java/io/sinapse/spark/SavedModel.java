package io.sinapse.spark;

import io.sinapse.core.Network;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.ModelFile;
import io.sinapse.persistence.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model file of a distributed run, the same as {@code nn train} writes: network, task, class names, input
 * scaling, loss/optimizer/regularizer specs, history, and the metadata {@code nn eval} and {@code nn predict} read
 * to lay out a CSV file ({@code target}, {@code feature_count}, {@code feature.1 …}, and for a standardised
 * regression target {@code target_offset}, {@code target_scale}).
 */
public final class SavedModel {

    /** Metadata keys shared with {@code nn train} (nn-app's {@code ModelMetadata}). */
    static final String TARGET = "target";
    static final String FEATURE = "feature.";
    static final String FEATURE_COUNT = "feature_count";
    static final String TARGET_OFFSET = "target_offset";
    static final String TARGET_SCALE = "target_scale";

    private SavedModel() {
    }

    /** The model of {@code network} trained by {@code trainer} on {@code data}, with {@code notes} appended. */
    public static Model of(Network network, DistributedData data, SparkTrainer trainer, SparkTrainer.Result result,
                           Map<String, String> notes) {
        Model.Builder model = Model.builder(network, data.task())
                .loss(trainer.loss().spec()).optimizer(trainer.optimizer().spec())
                .history(result.history())
                .metadata(metadata(data));
        if (data.task() == Task.CLASSIFICATION) {
            model.labels(data.classes());
        }
        if (trainer.regularizer() != null) {
            model.regularizer(trainer.regularizer().spec());
        }
        if (data.scaler() != null) {
            model.scaler(data.scaler());
        }
        model.metadata("trained_with", "spark, " + result.partitions() + " partitions, " + result.mode());
        model.metadata(notes);
        return model.build();
    }

    /** Writes the model atomically: a failure leaves any previous file as it was. */
    public static void save(Path file, Model model) throws IOException {
        ModelFile.save(file, model);
    }

    static Map<String, String> metadata(DistributedData data) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(TARGET, data.targetName());
        entries.put(FEATURE_COUNT, Integer.toString(data.featureNames().size()));
        for (int i = 0; i < data.featureNames().size(); i++) {
            entries.put(FEATURE + (i + 1), data.featureNames().get(i));
        }
        if (data.task() == Task.REGRESSION && (data.targetOffset() != 0f || data.targetScale() != 1f)) {
            entries.put(TARGET_OFFSET, Float.toString(data.targetOffset()));
            entries.put(TARGET_SCALE, Float.toString(data.targetScale()));
        }
        return entries;
    }
}
