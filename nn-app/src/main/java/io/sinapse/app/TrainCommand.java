package io.sinapse.app;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import io.sinapse.app.report.Charts;
import io.sinapse.app.report.Report;
import io.sinapse.core.Dataset;
import io.sinapse.core.EarlyStopping;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.data.CsvLoader;
import io.sinapse.data.LabelEncoding;
import io.sinapse.data.LabeledDataset;
import io.sinapse.data.MissingValues;
import io.sinapse.data.Scaler;
import io.sinapse.data.Split;
import io.sinapse.data.Task;
import io.sinapse.persistence.InputScaler;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nn train}: a multilayer perceptron on a CSV file, measured on held-out data, optionally saved. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a multilayer perceptron on a CSV file (a header row, numeric features) and measure it"
                + " on held-out rows.",
                "The task follows the target column: text or classes → classification (softmax output,"
                + " cross-entropy), numbers → regression (linear output, mse)."},
        footer = {"", "Examples:",
                "  nn train --data iris.csv --target species --layers 16 --epochs 200 --save iris.sinapse",
                "  nn train --data houses.csv --target price --layers 64,32 --optimizer \"adam(lr=0.003)\" --l2 0.001",
                "  nn train --data builtin:moons --layers 16,16 --report moons.html --json"})
final class TrainCommand implements Callable<Integer> {

    /** Epochs without a lower validation loss before training stops, unless {@code --early-stopping} says. */
    static final int DEFAULT_PATIENCE = 20;
    /**
     * Early stopping is on by default only with at least this many validation rows: on fewer, the validation loss
     * is too noisy to tell when to stop, and stopping on it ends training too early (measured on iris, 12 rows:
     * see bench/defaults_vs_sklearn.py).
     */
    static final int DEFAULT_STOPPING_ROWS = 30;

    enum Scaling { STANDARD, MINMAX, NONE }

    enum TaskOption { CLASSIFICATION, REGRESSION }

    enum Missing { ERROR, MEAN, DROP_ROWS }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The training data: a CSV file with a header row, or a built-in dataset such as"
                    + " builtin:moons or \"builtin:spirals(classes=3)\".")
    String data;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict (required for a CSV file).")
    String target;

    @Option(names = "--drop", paramLabel = "COLUMN", split = ",",
            description = "Columns to ignore, such as ids, separated by commas.")
    List<String> drop = new ArrayList<>();

    @Option(names = "--task", paramLabel = "TASK",
            description = "classification or regression, instead of deciding from the target column"
                    + " (e.g. classes written as 0, 1, 2).")
    TaskOption task;

    @Option(names = "--layers", paramLabel = "N[,N…]", split = ",", defaultValue = "100",
            description = "Hidden layer sizes, first to last (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Activation of the hidden layers, e.g. relu, tanh, leaky_relu(alpha=0.02)"
                    + " (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Loss to minimise (default: cross_entropy for classification, mse for regression).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam(lr=0.003)",
            description = "Optimizer with its parameters (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "200",
            description = "Stop after N epochs at most (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "32",
            description = "Examples per update: 1 is stochastic, the data size is batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--min-error", paramLabel = "E", defaultValue = "0",
            description = "Also stop once the training loss is at most E (default: ${DEFAULT-VALUE}, off).")
    double minError;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0",
            description = "Dropout after each hidden layer while training: the probability of dropping each of its"
                    + " outputs, in [0, 1) (default: ${DEFAULT-VALUE}, none).")
    double dropout;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop once the validation loss has not improved for PATIENCE epochs, and keep the weights"
                    + " of its best epoch; 0 turns it off (default: " + DEFAULT_PATIENCE + " with at least "
                    + DEFAULT_STOPPING_ROWS + " validation rows, else off).")
    Integer earlyStopping;

    @Option(names = "--l1", paramLabel = "λ", description = "L1 (lasso) penalty on the weights.")
    Double l1;

    @Option(names = "--l2", paramLabel = "λ", description = "L2 (ridge) penalty on the weights.")
    Double l2;

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.1", converter = Holdout.Converter.class,
            description = "Validation data measured after every epoch: a share of the rows held out, or a CSV file"
                    + " (default: ${DEFAULT-VALUE}; 0 for none).")
    Holdout validation;

    @Option(names = "--test", paramLabel = "F", defaultValue = "0.2", converter = Holdout.Converter.class,
            description = "Test data for the final scores: a share of the rows held out (seeded, stratified for"
                    + " classes), or a CSV file (default: ${DEFAULT-VALUE}).")
    Holdout test;

    @Option(names = "--scaling", paramLabel = "KIND", defaultValue = "standard",
            description = "Input scaling fitted on the training rows: standard, minmax or none"
                    + " (default: ${DEFAULT-VALUE}).")
    Scaling scaling;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
            description = "Missing feature values: error, mean or drop_rows (default: ${DEFAULT-VALUE}).")
    Missing missing;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed for the split, the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "MODEL", description = "Save the trained model to this file.")
    Path save;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write an HTML report: loss curves, confusion matrix or residuals, settings.")
    Path report;

    @Option(names = "--json", description = "End stdout with one JSON line of the test scores.")
    boolean json;

    @Option(names = "--spark-master", paramLabel = "MASTER",
            description = "Train data-parallel on Apache Spark, e.g. local[2]: the ./nn launcher hands the command to"
                    + " nn-spark/bin/nn-spark (Spark runs on the class path, outside this module).")
    String sparkMaster;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plugins plugins = common.plugins();
        // Resolve every name before reading any data: a typo fails fast, with the names that exist.
        Activation hidden = plugins.activation(activation);
        Optimizer opt = plugins.optimizer(optimizer);
        Regularizer regularizer = regularizer(plugins);

        LabeledDataset all = load(data, null);
        boolean classification = all.task() == Task.CLASSIFICATION;
        if (classification && all.dataset().targetCount() == 1) {
            all = all.withOneHotTargets();
        }
        List<String> classes = classification ? all.classes().orElseThrow().names() : List.of();
        Loss lossFunction = plugins.loss(loss != null ? loss : classification ? "cross_entropy" : "mse");

        Parts parts = split(all);
        Scaler scaler = scaling == Scaling.NONE ? null
                : Scaler.fit(scaling == Scaling.STANDARD ? Scaler.Method.STANDARD : Scaler.Method.MIN_MAX,
                parts.train());
        ModelMetadata.TargetScaling targetScaling = classification || scaling == Scaling.NONE
                ? ModelMetadata.TargetScaling.NONE
                : ModelMetadata.TargetScaling.fit(parts.train().targets());
        Dataset train = prepare(parts.train(), scaler, targetScaling);
        Dataset validationData = parts.validation() == null ? null
                : prepare(parts.validation(), scaler, targetScaling);
        Dataset testFeatures = prepare(parts.test(), scaler, ModelMetadata.TargetScaling.NONE);
        int validationRows = validationData == null ? 0 : validationData.rows();
        int patience = patience(validationRows);
        EarlyStopping stopping = patience == 0 ? null : EarlyStopping.onValidationLoss().patience(patience);

        Network.Builder builder = Network.builder(train.featureCount()).plugins(plugins).seed(seed);
        for (int units : layers) {
            builder.dense(units, hidden);
            if (dropout > 0) {
                builder.dropout(dropout);
            }
        }
        if (classification) {
            builder.dense(train.targetCount(), "softmax");
        } else {
            builder.dense(train.targetCount());
        }
        Network network = builder.build();

        out.println("Data: " + all.name() + ", " + all.rows() + " rows, " + all.dataset().featureCount()
                + " features, target '" + targetColumn(all) + "'"
                + (classification ? " (classification, " + classes.size() + " classes: " + String.join(", ", classes)
                + ")" : " (regression)"));
        out.println("Split: " + train.rows() + " training, " + (validationData == null ? 0 : validationData.rows())
                + " validation, " + testFeatures.rows() + " test rows (seed " + seed + "); scaling " + scaling
                .name().toLowerCase(Locale.ROOT));
        out.println(network.summary());
        out.println("Loss " + lossFunction.spec() + ", optimizer " + opt.spec()
                + (regularizer == null ? "" : ", regularizer " + regularizer.spec()) + ", batch size " + batchSize
                + ", up to " + epochs + " epochs" + (stopping == null ? "" : ", early stopping after "
                + stopping.patience() + " epochs without a lower validation loss"));
        if (earlyStopping == null && validationRows > 0 && stopping == null) {
            out.println("No early stopping: " + validationRows + " validation rows are too few to tell when to stop"
                    + " (the default needs " + DEFAULT_STOPPING_ROWS + "; --early-stopping N asks for it anyway)");
        }
        out.flush();

        Trainer.Builder trainer = Trainer.builder().plugins(plugins).loss(lossFunction).optimizer(opt)
                .epochs(epochs).batchSize(batchSize).minError(minError).seed(seed)
                .listener(new ProgressListener(err, ProgressListener.onTerminal()));
        if (regularizer != null) {
            trainer.regularizer(regularizer);
        }
        if (validationData != null) {
            trainer.validation(validationData);
        }
        if (stopping != null) {
            trainer.listener(stopping);
        }
        long started = System.nanoTime();
        History history = trainer.build().fit(network, train);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println("Stopped after " + history.size() + " epochs (" + history.stopReason() + ") in "
                + Num.format(seconds, 3) + " s; final training loss " + Num.format(history.last().loss())
                + (validationData == null ? "" : ", validation loss " + Num.format(history.last().validationLoss())));
        if (stopping != null) {
            out.println("Kept the weights of epoch " + stopping.bestEpoch() + ", the lowest validation loss ("
                    + Num.format(stopping.bestValue()) + ")");
        }

        Evaluation evaluation = testFeatures.rows() == 0 ? null
                : Evaluation.of(network, testFeatures, classes, targetScaling);
        if (evaluation != null) {
            evaluation.print(out, "Test");
        } else {
            out.println("No test rows: give --test a share above 0 or a file to get test scores.");
        }

        if (save != null) {
            Model.Builder model = Model.builder(network, classification
                            ? io.sinapse.persistence.Task.CLASSIFICATION : io.sinapse.persistence.Task.REGRESSION)
                    .loss(lossFunction.spec()).optimizer(opt.spec()).history(history)
                    .metadata(ModelMetadata.of(all.featureNames(), targetColumn(all), targetScaling))
                    .metadata("data", all.name());
            if (classification) {
                model.labels(classes);
            }
            if (regularizer != null) {
                model.regularizer(regularizer.spec());
            }
            if (scaler != null) {
                model.scaler(new InputScaler(scaling == Scaling.STANDARD ? "standard" : "min_max", scaler.center(),
                        scaler.scale()));
            }
            ModelFile.save(save, model.build());
            out.println("Model saved to " + save);
        }
        if (report != null) {
            writeReport(all, network, history, evaluation, classes, lossFunction, opt, regularizer, stopping, train);
            out.println("Report written to " + report);
        }
        if (json) {
            Json line = evaluation == null ? new Json().put("task", classification ? "classification" : "regression")
                    : evaluation.json();
            line.put("epochs", history.size()).put("seconds", seconds).put("final_loss", history.last().loss());
            if (validationData != null) {
                line.put("best_epoch", stopping != null ? stopping.bestEpoch() : history.bestValidationEpoch())
                        .put("best_validation_loss", stopping != null ? stopping.bestValue()
                                : history.epochs().get(history.bestValidationEpoch() - 1).validationLoss());
            }
            if (stopping != null) {
                line.put("stopped_epoch", stopping.stopped() ? stopping.stoppedEpoch() : null)
                        .put("early_stopping", stopping.patience());
            }
            if (dropout > 0) {
                line.put("dropout", dropout);
            }
            out.println(line.put("stop_reason", history.stopReason()));
        }
        out.flush();
        return 0;
    }

    private void checkOptions() {
        if (sparkMaster != null) {
            throw new ParameterException(spec.commandLine(), "--spark-master runs on Spark, which this process cannot"
                    + " load: start it through the ./nn launcher, which hands it to nn-spark/bin/nn-spark, or run"
                    + " that script with the same options.");
        }
        for (int units : layers) {
            if (units <= 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--layers': every hidden"
                        + " layer needs at least 1 neuron, got " + units);
            }
        }
        if (epochs <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--epochs': at least 1, got "
                    + epochs);
        }
        if (batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--batch-size': at least 1,"
                    + " got " + batchSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--dropout': the probability of"
                    + " dropping an output, at least 0 and below 1, got " + Num.format(dropout));
        }
        if (earlyStopping != null && earlyStopping < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--early-stopping': a number of"
                    + " epochs, at least 1 (or 0 for none), got " + earlyStopping);
        }
        if (earlyStopping != null && earlyStopping > 0 && !validation.isFile() && validation.fraction() == 0) {
            throw new ParameterException(spec.commandLine(), "--early-stopping watches the validation loss, but"
                    + " --validation 0 holds out no rows: give --validation a share above 0 or a file");
        }
        if (minError < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--min-error': 0 or more,"
                    + " got " + Num.format(minError));
        }
        for (Double lambda : new Double[]{l1, l2}) {
            if (lambda != null && !(lambda >= 0 && Double.isFinite(lambda))) {
                throw new ParameterException(spec.commandLine(), "A penalty λ must be 0 or more, got " + lambda);
            }
        }
        double held = (validation.isFile() ? 0 : validation.fraction()) + (test.isFile() ? 0 : test.fraction());
        if (held >= 1) {
            throw new ParameterException(spec.commandLine(), "--validation " + validation + " and --test " + test
                    + " hold out all the rows; together they must stay below 1");
        }
    }

    /** The patience of early stopping, 0 for none: as given, or the default with enough validation rows. */
    private int patience(int validationRows) {
        if (earlyStopping != null) {
            if (earlyStopping > 0 && validationRows == 0) {
                throw new UsageException("--early-stopping watches the validation loss, but --validation " + validation
                        + " left no validation rows: give it a larger share or a file");
            }
            return earlyStopping;
        }
        return validationRows >= DEFAULT_STOPPING_ROWS ? DEFAULT_PATIENCE : 0;
    }

    /** {@code --l1} and {@code --l2} together are an elastic net with the same two strengths. */
    private Regularizer regularizer(Plugins plugins) {
        double a = l1 == null ? 0 : l1;
        double b = l2 == null ? 0 : l2;
        if (l1 != null && l2 != null && a + b > 0) {
            return plugins.regularizer("elastic_net(lambda=" + (a + b) + ", l1_ratio=" + (a / (a + b)) + ")");
        }
        if (l1 != null) {
            return plugins.regularizer("l1(lambda=" + a + ")");
        }
        if (l2 != null) {
            return plugins.regularizer("l2(lambda=" + b + ")");
        }
        return null;
    }

    /** Loads the training file, or a held-out file with the training file's classes. */
    private LabeledDataset load(String source, LabelEncoding classes) {
        if (source.startsWith("builtin:")) {
            return BuiltinDatasets.get(source.substring("builtin:".length()));
        }
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "Name the column to predict with --target COLUMN.");
        }
        Path file = Path.of(source);
        if (Files.isRegularFile(file)) {
            List<String> header = CsvTable.header(file);
            if (!header.contains(target)) {
                throw new UsageException(file + " has no column '" + target + "' to predict (--target); its columns: "
                        + String.join(", ", header));
            }
        }
        CsvLoader.Builder loader = CsvLoader.builder()
                .missingValues(MissingValues.valueOf(missing.name()));
        loader.target(target);
        if (!drop.isEmpty()) {
            loader.drop(drop.toArray(String[]::new));
        }
        if (classes != null) {
            loader.classes(classes);
        } else if (task != null) {
            loader.task(task == TaskOption.CLASSIFICATION ? Task.CLASSIFICATION : Task.REGRESSION);
        }
        return loader.build().load(file);
    }

    /** Training, validation (or null) and test rows, from shares of the data or from files. */
    private record Parts(Dataset train, Dataset validation, Dataset test) {
    }

    private Parts split(LabeledDataset all) {
        LabelEncoding classes = all.classes().orElse(null);
        double validationShare = validation.isFile() ? 0 : validation.fraction();
        double testShare = test.isFile() ? 0 : test.fraction();
        Dataset data = all.dataset();
        Split split = all.task() == Task.CLASSIFICATION
                ? Split.stratified(data, 1 - validationShare - testShare, validationShare, seed)
                : Split.of(data, 1 - validationShare - testShare, validationShare, seed);
        Dataset validationData = validation.isFile() ? heldOut(validation.file(), all, classes)
                : validationShare == 0 ? null : split.validation();
        Dataset testData = test.isFile() ? heldOut(test.file(), all, classes) : split.test();
        if (split.train().rows() == 0) {
            throw new UsageException("No training rows are left after holding out validation and test rows.");
        }
        return new Parts(split.train(), validationData, testData);
    }

    private Dataset heldOut(Path file, LabeledDataset training, LabelEncoding classes) {
        LabeledDataset held = load(file.toString(), classes);
        if (held.task() == Task.CLASSIFICATION && held.dataset().targetCount() == 1) {
            held = held.withOneHotTargets();
        }
        if (!held.featureNames().equals(training.featureNames())) {
            throw new UsageException(file + " has the feature columns " + held.featureNames()
                    + " but the training data has " + training.featureNames());
        }
        return held.dataset();
    }

    private static Dataset prepare(Dataset part, Scaler scaler, ModelMetadata.TargetScaling targetScaling) {
        Dataset scaled = scaler == null ? part : scaler.transform(part);
        if (targetScaling.equals(ModelMetadata.TargetScaling.NONE)) {
            return scaled;
        }
        return new Dataset(scaled.features(), scaled.featureCount(), targetScaling.apply(scaled.targets()),
                scaled.targetCount());
    }

    /** The target's column name: as given, or what a built-in dataset calls it. */
    private String targetColumn(LabeledDataset all) {
        if (target != null) {
            return target;
        }
        return all.task() == Task.REGRESSION ? all.targetNames().get(0) : "class";
    }

    private void writeReport(LabeledDataset all, Network network, History history, Evaluation evaluation,
                             List<String> classes, Loss lossFunction, Optimizer opt, Regularizer regularizer,
                             EarlyStopping stopping, Dataset train) throws IOException {
        Report page = Report.create("Sinapse: training on " + all.name());
        page.section("Settings");
        Table settings = new Table("setting", "value")
                .row("data", all.name() + " (" + all.rows() + " rows, " + all.dataset().featureCount() + " features)")
                .row("network", String.join(", ", network.layers().stream()
                        .map(io.sinapse.core.Layer::describe).toList()))
                .row("loss", lossFunction.spec())
                .row("optimizer", opt.spec())
                .row("regularizer", regularizer == null ? "none" : regularizer.spec())
                .row("batch size", batchSize)
                .row("dropout", dropout > 0 ? Num.format(dropout) + " after each hidden layer" : "none")
                .row("early stopping", stopping == null ? "none" : "patience " + stopping.patience()
                        + ", weights of epoch " + stopping.bestEpoch() + " kept")
                .row("epochs", history.size() + " (" + history.stopReason() + ")")
                .row("scaling", scaling.name().toLowerCase(Locale.ROOT))
                .row("seed", seed);
        page.table(settings);
        page.section("Loss per epoch");
        List<Charts.Series> curves = new ArrayList<>();
        curves.add(Charts.Series.perEpoch("training", history.losses()));
        double[] validationLosses = history.validationLosses();
        if (validationLosses.length > 0 && !Double.isNaN(validationLosses[0])) {
            curves.add(Charts.Series.perEpoch("validation", validationLosses));
        }
        int best = stopping != null ? stopping.bestEpoch() : history.bestValidationEpoch();
        page.chart(() -> {
            var chart = Charts.lines("Training and validation loss", "epoch", "loss (" + lossFunction.name() + ")",
                    curves, true);
            return best == 0 ? chart : Charts.marked(chart, best, "lowest validation loss, epoch " + best);
        });
        if (evaluation != null) {
            page.section("Test scores");
            if (evaluation.classification()) {
                page.paragraph("Accuracy " + Num.percent(evaluation.confusion().accuracy()) + ", macro F1 "
                        + Num.format(evaluation.confusion().macroF1()) + " on " + evaluation.rows() + " test rows.");
                page.confusionMatrix(classes, evaluation.counts());
            } else {
                page.paragraph("mse " + Num.format(evaluation.regression().meanSquaredError()) + ", mae "
                        + Num.format(evaluation.regression().meanAbsoluteError()) + ", r2 "
                        + Num.format(evaluation.regression().r2()) + " on " + evaluation.rows() + " test rows.");
            }
        }
        if (classes.size() == 2 && train.featureCount() == 2) {
            page.section("Decision boundary (scaled inputs)");
            double[] xs = new double[train.rows()];
            double[] ys = new double[train.rows()];
            int[] cs = new int[train.rows()];
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            double yMin = Double.POSITIVE_INFINITY;
            double yMax = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < train.rows(); r++) {
                xs[r] = train.features()[r * 2];
                ys[r] = train.features()[r * 2 + 1];
                cs[r] = train.targets()[r * 2 + 1] > 0.5f ? 1 : 0;
                xMin = Math.min(xMin, xs[r]);
                xMax = Math.max(xMax, xs[r]);
                yMin = Math.min(yMin, ys[r]);
                yMax = Math.max(yMax, ys[r]);
            }
            double padX = 0.1 * (xMax - xMin);
            double padY = 0.1 * (yMax - yMin);
            double x0 = xMin - padX;
            double x1 = xMax + padX;
            double y0 = yMin - padY;
            double y1 = yMax + padY;
            page.chart(() -> Charts.decisionBoundary("Probability of '" + classes.get(1) + "'",
                    (x, y) -> network.predict((float) x, (float) y)[1], x0, x1, y0, y1, xs, ys, cs), 520, 460);
        }
        page.write(report);
    }
}
