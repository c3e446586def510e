package io.sinapse.app;

import io.sinapse.persistence.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code nn train} writes into a model's metadata so that {@code nn eval} and {@code nn predict} can read a
 * CSV file the way training did: the feature columns in order, the target column, and for regression the
 * standardisation of the target ({@code value = output · target_scale + target_offset}).
 */
final class ModelMetadata {

    static final String TARGET = "target";
    static final String FEATURE = "feature.";
    static final String FEATURE_COUNT = "feature_count";
    static final String TARGET_OFFSET = "target_offset";
    static final String TARGET_SCALE = "target_scale";

    /** A regression target's standardisation; {@link #NONE} leaves values as they are. */
    record TargetScaling(float offset, float scale) {
        static final TargetScaling NONE = new TargetScaling(0, 1);

        /** Mean and (population) standard deviation of {@code values}; scale 1 for a constant column. */
        static TargetScaling fit(float[] values) {
            double sum = 0;
            for (float v : values) {
                sum += v;
            }
            double mean = sum / values.length;
            double squares = 0;
            for (float v : values) {
                squares += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(squares / values.length);
            return new TargetScaling((float) mean, std > 0 ? (float) std : 1f);
        }

        float[] apply(float[] values) {
            float[] scaled = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                scaled[i] = (values[i] - offset) / scale;
            }
            return scaled;
        }

        float[] invert(float[] outputs) {
            float[] values = new float[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                values[i] = outputs[i] * scale + offset;
            }
            return values;
        }
    }

    private ModelMetadata() {
    }

    static Map<String, String> of(List<String> features, String target, TargetScaling scaling) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(TARGET, target);
        entries.put(FEATURE_COUNT, Integer.toString(features.size()));
        for (int i = 0; i < features.size(); i++) {
            entries.put(FEATURE + (i + 1), features.get(i));
        }
        if (!scaling.equals(TargetScaling.NONE)) {
            entries.put(TARGET_OFFSET, Float.toString(scaling.offset()));
            entries.put(TARGET_SCALE, Float.toString(scaling.scale()));
        }
        return entries;
    }

    /** The feature columns the model was trained on, in order. */
    static List<String> features(Model model) {
        Map<String, String> metadata = model.metadata();
        String count = metadata.get(FEATURE_COUNT);
        if (count == null) {
            throw new IllegalStateException("The model does not say which CSV columns it takes (no '"
                    + FEATURE_COUNT + "' in its metadata); was it saved by 'nn train'?");
        }
        List<String> features = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(count); i++) {
            features.add(metadata.get(FEATURE + i));
        }
        return features;
    }

    static String target(Model model) {
        String target = model.metadata().get(TARGET);
        if (target == null) {
            throw new IllegalStateException("The model does not name its target column (no '" + TARGET
                    + "' in its metadata); was it saved by 'nn train'?");
        }
        return target;
    }

    static TargetScaling targetScaling(Model model) {
        String offset = model.metadata().get(TARGET_OFFSET);
        String scale = model.metadata().get(TARGET_SCALE);
        return offset == null || scale == null ? TargetScaling.NONE
                : new TargetScaling(Float.parseFloat(offset), Float.parseFloat(scale));
    }
}
