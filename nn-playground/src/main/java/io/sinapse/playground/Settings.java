package io.sinapse.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the learner picked on the page, checked against the playground's bounds: a dataset, the hidden layers,
 * the activation, loss, optimizer and learning rate, batch size and epochs, the remedies against overfitting
 * (L1, L2, dropout, a validation split with early stopping), a seed and a speed. Names of plug-ins are checked
 * later, against the lookup ({@link Model}); everything else here.
 *
 * @param dataset         one of {@link #DATASETS}
 * @param noise           the noise of a generated dataset, or NaN for its default
 * @param samples         rows of a generated dataset (the course's tables always have four)
 * @param layers          units of each hidden layer, first to last; empty for none
 * @param activation      the hidden layers' activation, a plug-in spec such as {@code tanh}
 * @param loss            a loss name, or {@code auto}: the usual one for the task
 * @param optimizer       an optimizer name; its {@code lr} is {@code learningRate}
 * @param learningRate    in (0, 10]
 * @param batchSize       examples per update
 * @param epochs          the most epochs to train
 * @param l1              λ of an L1 penalty on the weights, 0 for none
 * @param l2              λ of an L2 penalty on the weights, 0 for none
 * @param dropout         the dropout rate after each hidden layer, 0 for none
 * @param validationSplit the share of rows held out for validation, 0 for none
 * @param earlyStopping   stop when the validation loss stops improving (needs a validation split)
 * @param patience        epochs without improvement before early stopping stops
 * @param seed            seeds the initial weights, the shuffles and the split
 * @param speed           at most this many epochs per second, 0 for as fast as the machine goes
 */
record Settings(String dataset, double noise, int samples, List<Integer> layers, String activation, String loss,
                String optimizer, double learningRate, int batchSize, int epochs, double l1, double l2,
                double dropout, double validationSplit, boolean earlyStopping, int patience, long seed, int speed) {

    /** The datasets on offer, with the label the page shows: the nn-data built-ins of the course. */
    static final Map<String, String> DATASETS = datasets();

    static final int MAX_UNITS = 64;
    static final int MAX_LAYERS = 4;
    static final int MAX_EPOCHS = 5000;
    static final int MAX_BATCH = 1024;
    static final double MAX_LEARNING_RATE = 10;
    static final int MIN_SAMPLES = 10;
    static final int MAX_SAMPLES = 2000;
    static final double MAX_NOISE = 1;
    static final double MAX_PENALTY = 1;
    static final double MAX_DROPOUT = 0.9;
    static final double MAX_VALIDATION_SPLIT = 0.5;
    static final int MAX_PATIENCE = 1000;
    static final int MAX_SPEED = 10_000;
    static final int MAX_SEED = Integer.MAX_VALUE;

    /** The settings a fresh page starts from: XOR on a 2-4-1 tanh network, as the course first draws it. */
    static final Settings DEFAULTS = new Settings("xor", Double.NaN, 300, List.of(4), "tanh", "auto", "adam",
            0.03, 10, 1000, 0, 0, 0, 0, false, 20, 1, 0);

    private static final Set<String> KEYS = new TreeSet<>(List.of("dataset", "noise", "samples", "layers",
            "activation", "loss", "optimizer", "learningRate", "batchSize", "epochs", "l1", "l2", "dropout",
            "validationSplit", "earlyStopping", "patience", "seed", "speed"));

    private static Map<String, String> datasets() {
        Map<String, String> datasets = new LinkedHashMap<>();
        datasets.put("xor", "XOR");
        datasets.put("and", "AND");
        datasets.put("or", "OR");
        datasets.put("moons", "Two moons");
        datasets.put("circles", "Circles");
        datasets.put("spirals", "Spirals (3 classes)");
        datasets.put("noisy_sine", "Noisy sine (regression)");
        return datasets;
    }

    /** Whether the dataset is generated (moons, circles, …), so that samples and noise apply. */
    boolean generated() {
        return !List.of("xor", "and", "or").contains(dataset);
    }

    /**
     * The settings {@code body} (the JSON object the page posts) gives, the defaults for what it leaves out.
     *
     * @throws HttpError 400 naming the first setting that is unknown, of the wrong type or out of bounds
     */
    static Settings parse(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw HttpError.badRequest("The settings must be a JSON object, such as {\"dataset\": \"xor\"}.");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw HttpError.badRequest("Unknown setting '" + key + "'. Known: " + String.join(", ", KEYS) + ".");
            }
        }
        Settings d = DEFAULTS;
        String dataset = text(map, "dataset", d.dataset);
        if (!DATASETS.containsKey(dataset)) {
            throw HttpError.badRequest("Unknown dataset '" + dataset + "'. Available: "
                    + String.join(", ", DATASETS.keySet()) + ".");
        }
        double noise = map.get("noise") == null ? Double.NaN : number(map, "noise", 0, true, MAX_NOISE, 0);
        int samples = whole(map, "samples", MIN_SAMPLES, MAX_SAMPLES, d.samples);
        List<Integer> layers = layers(map.containsKey("layers") ? map.get("layers") : d.layers);
        String activation = text(map, "activation", d.activation);
        String loss = text(map, "loss", d.loss);
        String optimizer = text(map, "optimizer", d.optimizer);
        double learningRate = number(map, "learningRate", 0, false, MAX_LEARNING_RATE, d.learningRate);
        int batchSize = whole(map, "batchSize", 1, MAX_BATCH, d.batchSize);
        int epochs = whole(map, "epochs", 1, MAX_EPOCHS, d.epochs);
        double l1 = number(map, "l1", 0, true, MAX_PENALTY, d.l1);
        double l2 = number(map, "l2", 0, true, MAX_PENALTY, d.l2);
        double dropout = number(map, "dropout", 0, true, MAX_DROPOUT, d.dropout);
        double validationSplit = number(map, "validationSplit", 0, true, MAX_VALIDATION_SPLIT, d.validationSplit);
        boolean earlyStopping = flag(map, "earlyStopping", d.earlyStopping);
        int patience = whole(map, "patience", 1, MAX_PATIENCE, d.patience);
        long seed = whole(map, "seed", 0, MAX_SEED, (int) d.seed);
        int speed = whole(map, "speed", 0, MAX_SPEED, d.speed);
        if (earlyStopping && validationSplit == 0) {
            throw HttpError.badRequest("Early stopping watches the validation loss: set a validation split"
                    + " above 0 (such as 0.2) to use it.");
        }
        return new Settings(dataset, noise, samples, layers, activation, loss, optimizer, learningRate, batchSize,
                epochs, l1, l2, dropout, validationSplit, earlyStopping, patience, seed, speed);
    }

    private static List<Integer> layers(Object value) {
        if (!(value instanceof List<?> list)) {
            throw HttpError.badRequest("'layers' must be a list of hidden layer sizes, such as [4] or [8, 8]"
                    + " ([] for none).");
        }
        if (list.size() > MAX_LAYERS) {
            throw HttpError.badRequest("At most " + MAX_LAYERS + " hidden layers, got " + list.size() + ".");
        }
        List<Integer> units = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw HttpError.badRequest("Each hidden layer size must be a whole number, got "
                        + Json.write(item) + ".");
            }
            double size = n.doubleValue();
            if (size < 1 || size > MAX_UNITS) {
                throw HttpError.badRequest("A hidden layer has 1 to " + MAX_UNITS + " units, got "
                        + Json.write(item) + ".");
            }
            units.add((int) size);
        }
        return List.copyOf(units);
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        if (!(map.get(key) instanceof String s) || s.isBlank() || s.length() > 200) {
            throw HttpError.badRequest("'" + key + "' must be a name (text of 1 to 200 characters), got "
                    + Json.write(map.get(key)) + ".");
        }
        return s.trim();
    }

    private static boolean flag(Map<?, ?> map, String key, boolean fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        if (!(map.get(key) instanceof Boolean b)) {
            throw HttpError.badRequest("'" + key + "' must be true or false, got " + Json.write(map.get(key)) + ".");
        }
        return b;
    }

    /** A number in [min, max], or (min, max] when {@code minIncluded} is false. */
    private static double number(Map<?, ?> map, String key, double min, boolean minIncluded, double max,
                                 double fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        Object value = map.get(key);
        if (!(value instanceof Double d)) {
            throw HttpError.badRequest("'" + key + "' must be a number, got " + Json.write(value) + ".");
        }
        boolean above = minIncluded ? d >= min : d > min;
        if (!above || d > max) {
            throw HttpError.badRequest("'" + key + "' must be in " + (minIncluded ? "[" : "(") + format(min) + ", "
                    + format(max) + "], got " + format(d) + ".");
        }
        return d;
    }

    private static int whole(Map<?, ?> map, String key, int min, int max, int fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        Object value = map.get(key);
        if (!(value instanceof Double d) || d != Math.rint(d)) {
            throw HttpError.badRequest("'" + key + "' must be a whole number, got " + Json.write(value) + ".");
        }
        if (d < min || d > max) {
            throw HttpError.badRequest("'" + key + "' must be from " + min + " to " + max + ", got " + format(d) + ".");
        }
        return d.intValue();
    }

    private static String format(double value) {
        return io.sinapse.api.Parameters.format(value);
    }

    /** The bounds the page enforces too, so that its inputs say what is allowed. */
    static Map<String, Object> limits() {
        return Json.object("units", List.of(1, MAX_UNITS), "layers", List.of(0, MAX_LAYERS),
                "epochs", List.of(1, MAX_EPOCHS), "batchSize", List.of(1, MAX_BATCH),
                "learningRate", List.of(0, MAX_LEARNING_RATE), "samples", List.of(MIN_SAMPLES, MAX_SAMPLES),
                "noise", List.of(0, MAX_NOISE), "l1", List.of(0, MAX_PENALTY), "l2", List.of(0, MAX_PENALTY),
                "dropout", List.of(0, MAX_DROPOUT), "validationSplit", List.of(0, MAX_VALIDATION_SPLIT),
                "patience", List.of(1, MAX_PATIENCE), "seed", List.of(0, MAX_SEED), "speed", List.of(0, MAX_SPEED));
    }

    /** These settings as the page posts them (NaN noise, the dataset's default, as null). */
    Map<String, Object> toJson() {
        return Json.object("dataset", dataset, "noise", Double.isNaN(noise) ? null : noise, "samples", samples,
                "layers", layers, "activation", activation, "loss", loss, "optimizer", optimizer,
                "learningRate", learningRate, "batchSize", batchSize, "epochs", epochs, "l1", l1, "l2", l2,
                "dropout", dropout, "validationSplit", validationSplit, "earlyStopping", earlyStopping,
                "patience", patience, "seed", seed, "speed", speed);
    }
}
