package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Dataset} with the names that give it meaning: where it came from, what each feature and target column
 * is, whether the task is classification or regression and, for classification, the {@link LabelEncoding} that
 * turns predictions back into labels. Immutable apart from the dataset's own arrays.
 */
public final class LabeledDataset {

    private final String name;
    private final Dataset dataset;
    private final List<String> featureNames;
    private final List<String> targetNames;
    private final Task task;
    private final LabelEncoding classes;

    /**
     * @param classes the class names for {@link Task#CLASSIFICATION} (one target column per class, or a single
     *                0/1 column with two classes); {@code null} for {@link Task#REGRESSION}
     */
    public LabeledDataset(String name, Dataset dataset, List<String> featureNames, List<String> targetNames,
                          Task task, LabelEncoding classes) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.task = Objects.requireNonNull(task, "task");
        if (featureNames.size() != dataset.featureCount() || targetNames.size() != dataset.targetCount()) {
            throw new IllegalArgumentException(name + ": " + featureNames.size() + " feature names and "
                    + targetNames.size() + " target names for " + dataset.featureCount() + " feature and "
                    + dataset.targetCount() + " target columns");
        }
        if (task == Task.CLASSIFICATION) {
            Objects.requireNonNull(classes, "classification needs its class names");
            boolean oneHot = dataset.targetCount() == classes.size();
            boolean binaryColumn = dataset.targetCount() == 1 && classes.size() == 2;
            if (!oneHot && !binaryColumn) {
                throw new IllegalArgumentException(name + ": " + dataset.targetCount() + " target columns for "
                        + classes.size() + " classes; expected one column per class, or one 0/1 column for two");
            }
        } else if (classes != null) {
            throw new IllegalArgumentException(name + ": a regression dataset has no classes, got " + classes);
        }
        this.featureNames = List.copyOf(featureNames);
        this.targetNames = List.copyOf(targetNames);
        this.classes = classes;
    }

    /** Where the data came from: a file name, or the built-in's name. */
    public String name() {
        return name;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int rows() {
        return dataset.rows();
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** The target column names: the class names for one-hot targets, the column's name otherwise. */
    public List<String> targetNames() {
        return targetNames;
    }

    public Task task() {
        return task;
    }

    /** The class names; empty for regression. */
    public Optional<LabelEncoding> classes() {
        return Optional.ofNullable(classes);
    }

    /** The same names and classes around other examples of the same shape (a split, a scaled copy). */
    public LabeledDataset withDataset(Dataset other) {
        return new LabeledDataset(name, other, featureNames, targetNames, task, classes);
    }

    /** The class of example {@code row}, read from its target. */
    public int classOf(int row) {
        return requireClasses().classOf(dataset.targets(), row, dataset.targetCount());
    }

    /** The label a row of network outputs (as many columns as the targets) stands for. */
    public String predictedLabel(float[] outputs, int row) {
        return requireClasses().labelOf(outputs, row, dataset.targetCount());
    }

    /**
     * For a two-class table with a single 0/1 target column (the course's AND, OR, XOR), the same examples with
     * one-hot targets {@code [1,0]} / {@code [0,1]}, as a softmax output layer wants them. Other datasets are
     * returned as they are.
     */
    public LabeledDataset withOneHotTargets() {
        if (task != Task.CLASSIFICATION || dataset.targetCount() != 1) {
            return this;
        }
        int rows = dataset.rows();
        float[] oneHot = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            oneHot[r * 2 + classOf(r)] = 1f;
        }
        return new LabeledDataset(name, new Dataset(dataset.features(), dataset.featureCount(), oneHot, 2),
                featureNames, new ArrayList<>(classes.names()), task, classes);
    }

    private LabelEncoding requireClasses() {
        if (classes == null) {
            throw new IllegalStateException(name + " is a regression dataset: its targets are not classes");
        }
        return classes;
    }

    @Override
    public String toString() {
        return name + " (" + task.name().toLowerCase(Locale.ROOT) + ", " + dataset.rows() + " rows, "
                + dataset.featureCount() + " features, " + dataset.targetCount() + " targets"
                + (classes == null ? "" : ", classes " + classes) + ")";
    }
}
