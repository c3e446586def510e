package io.sinapse.persistence;

import io.sinapse.core.History;
import io.sinapse.core.Network;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to use a trained network again: the network itself, its task, the class names its outputs
 * stand for, the input scaling it expects, how it was trained and what training measured, and free-form notes.
 *
 * <pre>{@code
 * Model model = Model.builder(network, Task.CLASSIFICATION)
 *         .labels(List.of("cat", "dog")).loss("cross_entropy").optimizer("adam(lr=0.001)")
 *         .history(history).metadata("dataset", "pets.csv").build();
 * ModelFile.save(Path.of("pets.sinapse"), model);
 * }</pre>
 */
public final class Model {

    private final Network network;
    private final Task task;
    private final List<String> labels;
    private final InputScaler scaler;
    private final String lossSpec;
    private final String optimizerSpec;
    private final String regularizerSpec;
    private final TrainingHistory history;
    private final Map<String, String> metadata;

    private Model(Builder b) {
        this.network = b.network;
        this.task = b.task;
        this.labels = List.copyOf(b.labels);
        this.scaler = b.scaler;
        this.lossSpec = b.lossSpec;
        this.optimizerSpec = b.optimizerSpec;
        this.regularizerSpec = b.regularizerSpec;
        this.history = b.history;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        check();
    }

    public static Builder builder(Network network, Task task) {
        return new Builder(network, task);
    }

    private void check() {
        if (!labels.isEmpty()) {
            if (task != Task.CLASSIFICATION) {
                throw new IllegalArgumentException("Class names only make sense for classification, but the task is "
                        + task.id());
            }
            int outputs = network.outputSize();
            boolean binary = outputs == 1 && labels.size() == 2;
            if (labels.size() != outputs && !binary) {
                throw new IllegalArgumentException("The network has " + outputs + " outputs but " + labels.size()
                        + " class names were given (" + labels + "); give one per output, or two for one 0/1 output");
            }
            if (new HashSet<>(labels).size() != labels.size()) {
                throw new IllegalArgumentException("Class names must be distinct, got " + labels);
            }
        }
        if (scaler != null && scaler.columns() != network.inputSize()) {
            throw new IllegalArgumentException("The scaler has " + scaler.columns() + " columns but the network takes "
                    + network.inputSize() + " inputs");
        }
    }

    public Network network() {
        return network;
    }

    public Task task() {
        return task;
    }

    /** The class names in output order (index i names output i; for one 0/1 output, classes 0 and 1); may be empty. */
    public List<String> labels() {
        return labels;
    }

    /** The scaling to apply to raw features before {@link Network#predict}, if the model was trained on scaled data. */
    public Optional<InputScaler> scaler() {
        return Optional.ofNullable(scaler);
    }

    /** The loss it was trained with, as a lookup spec, e.g. {@code cross_entropy}. */
    public Optional<String> lossSpec() {
        return Optional.ofNullable(lossSpec);
    }

    /** The optimizer it was trained with, as a lookup spec, e.g. {@code adam(lr=0.001, beta1=0.9, …)}. */
    public Optional<String> optimizerSpec() {
        return Optional.ofNullable(optimizerSpec);
    }

    /** The weight penalty it was trained with, if any, e.g. {@code l2(lambda=0.001)}. */
    public Optional<String> regularizerSpec() {
        return Optional.ofNullable(regularizerSpec);
    }

    public TrainingHistory history() {
        return history;
    }

    /** Free-form notes in insertion order, e.g. the dataset's name or the command that trained the model. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "Model(" + task.id() + ", " + network.summary().replace("\n  ", ", ") + ")";
    }

    /** Collects the optional parts; only the network and the task are required. */
    public static final class Builder {
        private final Network network;
        private final Task task;
        private List<String> labels = List.of();
        private InputScaler scaler;
        private String lossSpec;
        private String optimizerSpec;
        private String regularizerSpec;
        private TrainingHistory history = TrainingHistory.NONE;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(Network network, Task task) {
            this.network = Objects.requireNonNull(network, "network");
            this.task = Objects.requireNonNull(task, "task");
        }

        /** The class names in output order. */
        public Builder labels(List<String> labels) {
            this.labels = List.copyOf(labels);
            return this;
        }

        public Builder scaler(InputScaler scaler) {
            this.scaler = scaler;
            return this;
        }

        public Builder loss(String spec) {
            this.lossSpec = spec;
            return this;
        }

        public Builder optimizer(String spec) {
            this.optimizerSpec = spec;
            return this;
        }

        public Builder regularizer(String spec) {
            this.regularizerSpec = spec;
            return this;
        }

        public Builder history(TrainingHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        public Builder history(History history) {
            return history(TrainingHistory.of(history));
        }

        public Builder metadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder metadata(Map<String, String> entries) {
            entries.forEach(this::metadata);
            return this;
        }

        public Model build() {
            return new Model(this);
        }
    }
}
