package io.sinapse.playground;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.data.DataException;
import io.sinapse.data.LabelEncoding;
import io.sinapse.data.LabeledDataset;
import io.sinapse.data.Split;
import io.sinapse.data.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link Settings} turn into, resolved through the plug-in lookup: the data (split into training and
 * validation rows), the untrained network, and the loss, optimizer and regularizer to train it with. Building one
 * either succeeds or fails with a 400 that says what to change, before any running training is touched.
 *
 * <p>The output layer follows the task, as {@code nn train} does: one sigmoid unit for two classes (the course's
 * picture), softmax for more classes or when the loss is the softmax cross-entropy, a linear unit for regression.
 */
final class Model {

    /** How far the pictures reach beyond the data, as a share of its extent. */
    private static final double MARGIN = 0.08;

    final Settings settings;
    final LabeledDataset data;
    final Dataset train;
    /** The held-out rows, or null without a validation split. */
    final Dataset validation;
    final boolean classification;
    final Network network;
    final Loss loss;
    final Optimizer optimizer;
    /** Null without L1 or L2. */
    final Regularizer regularizer;
    final String hiddenActivation;
    final String outputActivation;
    /** The area the pictures cover: xMin, xMax, yMin, yMax (for regression, y is the target). */
    final double[] extent;

    private Model(Settings settings, LabeledDataset data, Dataset train, Dataset validation, Network network,
                  Loss loss, Optimizer optimizer, Regularizer regularizer, String hiddenActivation,
                  String outputActivation) {
        this.settings = settings;
        this.data = data;
        this.train = train;
        this.validation = validation;
        this.classification = data.task() == Task.CLASSIFICATION;
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.regularizer = regularizer;
        this.hiddenActivation = hiddenActivation;
        this.outputActivation = outputActivation;
        this.extent = extent(data.dataset(), classification);
    }

    /**
     * Resolves {@code settings} against {@code plugins}.
     *
     * @throws HttpError 400 for a name the lookup does not know, a loss that does not fit the task, or a
     *                   validation split that leaves a part empty
     */
    static Model build(Settings settings, Plugins plugins) {
        try {
            return resolve(settings, plugins);
        } catch (HttpError e) {
            throw e;
        } catch (IllegalArgumentException | DataException e) {
            // PluginException is an IllegalArgumentException: unknown names list the available ones.
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static Model resolve(Settings s, Plugins plugins) {
        Activation hidden = plugins.activation(s.activation());
        Optimizer optimizer = optimizer(s, plugins);
        Regularizer regularizer = regularizer(s, plugins);
        LabeledDataset data = BuiltinDatasets.get(datasetSpec(s));
        boolean classification = data.task() == Task.CLASSIFICATION;
        Loss loss = plugins.loss(lossName(s, data));
        boolean softmaxLoss = loss.fusedActivation().filter("softmax"::equals).isPresent();
        if (!classification && (softmaxLoss || loss.name().contains("cross_entropy"))) {
            throw HttpError.badRequest("The loss '" + loss.name() + "' compares class probabilities, but "
                    + s.dataset() + " is a regression: pick mse, mae or huber (or auto).");
        }
        String output;
        if (!classification) {
            output = "linear";
        } else if (softmaxLoss || data.classes().orElseThrow().size() > 2) {
            data = data.withOneHotTargets();
            output = "softmax";
        } else {
            data = singleColumn(data);
            output = "sigmoid";
        }

        Dataset train = data.dataset();
        Dataset validation = null;
        if (s.validationSplit() > 0) {
            double v = s.validationSplit();
            Split split = classification ? Split.stratified(data.dataset(), 1 - v, v, s.seed())
                    : Split.of(data.dataset(), 1 - v, v, s.seed());
            if (split.train().rows() == 0 || split.validation().rows() == 0) {
                throw HttpError.badRequest("A validation split of " + Parameters.format(v) + " of " + data.rows()
                        + " rows leaves " + split.train().rows() + " for training and " + split.validation().rows()
                        + " for validation; each needs at least one row. Choose another split"
                        + (s.generated() ? " or more samples." : " (0 for none)."));
            }
            train = split.train();
            validation = split.validation();
        }

        Network.Builder builder = Network.builder(train.featureCount()).plugins(plugins).seed(s.seed());
        for (int units : s.layers()) {
            builder.dense(units, hidden);
            if (s.dropout() > 0) {
                builder.dropout(s.dropout());
            }
        }
        if (classification) {
            builder.dense(train.targetCount(), output);
        } else {
            builder.dense(train.targetCount());
        }
        return new Model(s, data, train, validation, builder.build(), loss, optimizer, regularizer,
                hidden.spec(), output);
    }

    private static String datasetSpec(Settings s) {
        if (!s.generated()) {
            return s.dataset();
        }
        return s.dataset() + "(samples=" + s.samples()
                + (Double.isNaN(s.noise()) ? "" : ", noise=" + Parameters.format(s.noise())) + ")";
    }

    private static String lossName(Settings s, LabeledDataset data) {
        if (!s.loss().equals("auto")) {
            return s.loss();
        }
        if (data.task() == Task.REGRESSION) {
            return "mse";
        }
        return data.classes().orElseThrow().size() > 2 ? "cross_entropy" : "binary_cross_entropy";
    }

    private static Optimizer optimizer(Settings s, Plugins plugins) {
        if (s.optimizer().contains("(")) {
            throw HttpError.badRequest("Give the optimizer by name only, such as 'adam'; the learning rate has its"
                    + " own setting.");
        }
        Optimizer defaults = plugins.optimizer(s.optimizer());
        if (!defaults.parameters().has("lr")) {
            throw HttpError.badRequest("The optimizer '" + defaults.name() + "' has no learning rate parameter"
                    + " 'lr' for the playground to set (it takes: " + defaults.parameters() + ").");
        }
        return plugins.optimizer(defaults.name() + "(lr=" + Parameters.format(s.learningRate()) + ")");
    }

    /** L1, L2, or both as the elastic net with the same two penalties: λ = l1 + l2, l1_ratio = l1 / λ. */
    private static Regularizer regularizer(Settings s, Plugins plugins) {
        double l1 = s.l1();
        double l2 = s.l2();
        if (l1 > 0 && l2 > 0) {
            return plugins.regularizer("elastic_net(lambda=" + Parameters.format(l1 + l2) + ", l1_ratio="
                    + Parameters.format(l1 / (l1 + l2)) + ")");
        }
        if (l1 > 0) {
            return plugins.regularizer("l1(lambda=" + Parameters.format(l1) + ")");
        }
        if (l2 > 0) {
            return plugins.regularizer("l2(lambda=" + Parameters.format(l2) + ")");
        }
        return null;
    }

    /** Two classes as one 0/1 column (class 1 is 1), what a single sigmoid unit predicts. */
    private static LabeledDataset singleColumn(LabeledDataset data) {
        Dataset d = data.dataset();
        if (d.targetCount() == 1) {
            return data;
        }
        float[] y = new float[d.rows()];
        for (int r = 0; r < d.rows(); r++) {
            y[r] = data.classOf(r);
        }
        LabelEncoding classes = data.classes().orElseThrow();
        return new LabeledDataset(data.name(), new Dataset(d.features(), d.featureCount(), y, 1),
                data.featureNames(), List.of("class"), Task.CLASSIFICATION, classes);
    }

    /**
     * A square around the points for two features (so circles look round), with a margin; for one feature, its
     * range across and the target's range up.
     */
    private static double[] extent(Dataset data, boolean classification) {
        float[] x = data.features();
        int cols = data.featureCount();
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int r = 0; r < data.rows(); r++) {
            for (int axis = 0; axis < 2; axis++) {
                double v = axis < cols ? x[r * cols + axis] : data.targets()[r * data.targetCount()];
                min[axis] = Math.min(min[axis], v);
                max[axis] = Math.max(max[axis], v);
            }
        }
        if (classification && cols == 2) {
            double span = Math.max(Math.max(max[0] - min[0], max[1] - min[1]), 1e-3) * (1 + 2 * MARGIN);
            double cx = (min[0] + max[0]) / 2;
            double cy = (min[1] + max[1]) / 2;
            return new double[]{cx - span / 2, cx + span / 2, cy - span / 2, cy + span / 2};
        }
        double[] extent = new double[4];
        for (int axis = 0; axis < 2; axis++) {
            double pad = Math.max(max[axis] - min[axis], 1e-3) * MARGIN;
            extent[2 * axis] = min[axis] - pad;
            extent[2 * axis + 1] = max[axis] + pad;
        }
        return extent;
    }

    /** The network in the course's words: {@code 2 → 4 tanh → 1 sigmoid}. */
    String describe() {
        StringBuilder text = new StringBuilder().append(train.featureCount());
        for (int units : settings.layers()) {
            text.append(" → ").append(units).append(' ').append(hiddenActivation);
        }
        return text.append(" → ").append(train.targetCount()).append(' ').append(outputActivation).toString();
    }

    /** The points to draw: the training rows, and the validation rows apart. */
    Map<String, Object> points() {
        return Json.object("train", points(train), "validation", validation == null ? null : points(validation));
    }

    private Map<String, Object> points(Dataset d) {
        int rows = d.rows();
        float[] x = new float[rows];
        float[] y = new float[rows];
        int[] c = new int[rows];
        int cols = d.featureCount();
        for (int r = 0; r < rows; r++) {
            x[r] = d.features()[r * cols];
            if (classification) {
                y[r] = d.features()[r * cols + 1];
                c[r] = classOf(d, r);
            } else {
                y[r] = d.targets()[r];
            }
        }
        return classification ? Json.object("x", x, "y", y, "c", c) : Json.object("x", x, "y", y);
    }

    private static int classOf(Dataset d, int row) {
        int k = d.targetCount();
        if (k == 1) {
            return d.targets()[row] > 0.5f ? 1 : 0;
        }
        return Accuracy.argmax(d.targets(), row * k, k);
    }

    /** The sizes of the dense layers' inputs and outputs, inputs first: {@code [2, 4, 1]}. */
    List<Integer> widths() {
        List<Integer> widths = new ArrayList<>();
        widths.add(train.featureCount());
        widths.addAll(settings.layers());
        widths.add(train.targetCount());
        return widths;
    }
}
