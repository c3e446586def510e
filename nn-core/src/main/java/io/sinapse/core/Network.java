package io.sinapse.core;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import io.sinapse.api.WeightInit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A sequential network: layers applied one after another ("functions inside functions", as the course puts it).
 * {@link #forward} propagates a batch from the inputs to the outputs; {@link #backward} retro-propagates the
 * loss gradient from the outputs back, each layer applying its local derivative (the chain rule).
 *
 * <pre>{@code
 * Network xor = Network.builder(2).dense(4, "tanh").dense(1, "sigmoid").seed(1).build();
 * }</pre>
 */
public final class Network {

    /**
     * The most rows per pass through the layers in {@link #predict(float[], int)}: few enough that a part's
     * activations stay in its core's L2 cache between one layer and the next (256 rows of 256 floats are 256 KB).
     * With parts of 1,250 rows instead, in alternating runs on the 10,000 Fashion-MNIST test images (two threads),
     * the call took ~10% longer while the machine was busy (18–21 ms against 17.7–19.3), the same in quiet spells.
     */
    static final int PREDICT_CHUNK = 256;
    /**
     * With several threads, {@link #predict(float[], int)} cuts the rows into about this many parts per thread (a
     * thread that falls behind then delays the call by a small part), of at least {@value #MIN_PART_ROWS} rows;
     * below twice that, the threads share each product instead.
     */
    private static final int PARTS_PER_THREAD = 4;
    private static final int MIN_PART_ROWS = 32;

    private final int inputSize;
    private final List<Layer> layers;
    /**
     * Pairs of inference buffers kept between calls, at most eight, each marked with the thread that used it last:
     * a thread takes its own pair back when it can, so the buffers stay in the cache of the core that wrote them
     * (handed from one core to the other, they made the 10,000-image call slower).
     */
    private final AtomicReferenceArray<SpareBuffers> spareBuffers = new AtomicReferenceArray<>(8);
    /** The dense layers' weights as the last call packed them ({@link #packedWeights}), for the next call to reuse. */
    private final AtomicReference<float[][]> sparePacked = new AtomicReference<>();

    private record SpareBuffers(long thread, float[][] buffers) {
    }

    public Network(int inputSize, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least one layer");
        }
        int size = inputSize;
        for (Layer layer : layers) {
            if (layer.inputSize() != size) {
                throw new IllegalArgumentException(layer.describe() + " expects " + layer.inputSize()
                        + " inputs but the layer before it gives " + size);
            }
            size = layer.outputSize();
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
    }

    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable tensor, first layer first. */
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return Collections.unmodifiableList(all);
    }

    /** The activation of the last layer, if the network ends in one. */
    public Activation outputActivation() {
        Layer last = layers.get(layers.size() - 1);
        return last instanceof ActivationLayer a ? a.activation() : null;
    }

    /**
     * How many layers run before {@code loss} sees the output: all of them, or all but an output activation the
     * loss absorbs (softmax for cross-entropy, {@link Loss#fusedActivation()}), which then gets the logits.
     */
    public int layersBeforeLoss(Loss loss) {
        Activation output = outputActivation();
        boolean absorbed = loss != null && output != null
                && output.name().equals(loss.fusedActivation().orElse(null));
        return absorbed ? layers.size() - 1 : layers.size();
    }

    /** Propagates {@code rows} input rows through all layers; the result is the last layer's reused buffer. */
    public float[] forward(float[] input, int rows, boolean training) {
        return forward(input, rows, layers.size(), training);
    }

    /** Propagates through layers {@code 0 … end-1} only (the trainer stops before a softmax its loss absorbs). */
    public float[] forward(float[] input, int rows, int end, boolean training) {
        checkInput(input, rows);
        float[] signal = input;
        for (int i = 0; i < end; i++) {
            signal = layers.get(i).forward(signal, rows, training);
        }
        return signal;
    }

    /**
     * Retro-propagates {@code gradOutput} = ∂loss/∂(output of layer {@code end-1}) through layers
     * {@code end-1 … 0}, filling every tensor's gradient. The first layer's input gradient is not computed.
     */
    public void backward(float[] gradOutput, int rows, int end) {
        float[] grad = gradOutput;
        for (int i = end - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad, rows, i > 0);
        }
    }

    /**
     * The outputs for {@code rows} input rows, in a new array (inference: dropout and the like are off). The rows go
     * through in parts of at most {@value #PREDICT_CHUNK}, so the buffers stay small; with {@link Kernels#threads}
     * above 1 and enough rows, the threads take whole parts through every layer, each with its own buffers, so
     * nothing waits between layers. Every row's outputs are the same, bit for bit, as when it is predicted alone.
     */
    public float[] predict(float[] input, int rows) {
        checkInput(input, rows);
        int outputs = outputSize();
        float[] result = new float[rows * outputs];
        int partRows = partRows(rows, Kernels.threads());
        int parts = ceilDiv(rows, partRows);
        boolean shared = parts == 1; // else each part is one thread's share
        float[][] packed = shared ? null : packedWeights(partRows);
        ProductThreads.Parts part = p -> {
            int start = p * partRows;
            int count = Math.min(partRows, rows - start);
            float[][] buffers = buffers();
            float[] out = infer(input, start * inputSize, count, layers.size(), buffers, shared, packed);
            System.arraycopy(out, 0, result, start * outputs, count * outputs);
            spare(buffers);
        };
        ProductThreads pool = Kernels.pool();
        if (parts == 1 || pool == null || !pool.run(part, parts)) {
            for (int p = 0; p < parts; p++) {
                part.run(p);
            }
        }
        if (packed != null) {
            sparePacked.set(packed);
        }
        return result;
    }

    /**
     * The dense layers' weights packed for the products on parts of {@code rows} rows, once for all the parts of a
     * call (null for other layers, or where the products would not read them), in the arrays of the last call
     * unless another call is using them.
     */
    private float[][] packedWeights(int rows) {
        float[][] packed = sparePacked.getAndSet(null);
        if (packed == null) {
            packed = new float[layers.size()][];
        }
        for (int i = 0; i < packed.length; i++) {
            packed[i] = layers.get(i) instanceof Dense dense ? dense.packWeights(rows, packed[i]) : null;
        }
        return packed;
    }

    /**
     * Rows per part of {@link #predict(float[], int)}: on one thread, or for too few rows to share, all of them (up
     * to {@value #PREDICT_CHUNK}); else about {@value #PARTS_PER_THREAD} parts per thread, in whole 8-row tiles of
     * the kernels.
     */
    private static int partRows(int rows, int threads) {
        if (threads == 1 || rows < 2 * MIN_PART_ROWS) {
            return PREDICT_CHUNK;
        }
        int share = ceilDiv(rows, PARTS_PER_THREAD * threads);
        return Math.min(PREDICT_CHUNK, Math.max(MIN_PART_ROWS, ceilDiv(share, 8) * 8));
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /**
     * Inference through layers {@code 0 … end-1} on {@code rows} rows of {@code input} starting at index
     * {@code offset}, read in place when the first layer is dense (else copied), in the pair of {@code buffers},
     * which it grows as needed. Returns the array holding the result: one of the buffers, or the rows themselves
     * when {@code end} is 0 or no layer changes them. With {@code shared} false the dense layers' products run on
     * the calling thread only.
     */
    float[] infer(float[] input, int offset, int rows, int end, float[][] buffers, boolean shared) {
        return infer(input, offset, rows, end, buffers, shared, null);
    }

    /** {@link #infer(float[], int, int, int, float[][], boolean)} with the dense layers' weights packed, or null. */
    private float[] infer(float[] input, int offset, int rows, int end, float[][] buffers, boolean shared,
                          float[][] packed) {
        float[] signal = input;
        int from = offset; // where the rows start in signal
        if (offset != 0 && !(end > 0 && layers.get(0) instanceof Dense)) {
            signal = buffer(buffers, 0, rows * inputSize);
            System.arraycopy(input, offset, signal, 0, rows * inputSize);
            from = 0;
        }
        for (int i = 0; i < end; i++) {
            Layer layer = layers.get(i);
            int next = signal == buffers[0] ? 1 : 0;
            if (rows == 1 && shared && i + 2 < end
                    && OverlappedLayers.fits(layer, layers.get(i + 1), layers.get(i + 2))) {
                float[] out = OverlappedLayers.infer((Dense) layer, (ActivationLayer) layers.get(i + 1),
                        (Dense) layers.get(i + 2), signal, i == 0 ? from : 0, buffers, next);
                if (out != null) {
                    signal = out;
                    i += 2;
                    continue;
                }
            }
            float[] output = buffer(buffers, next, rows * layer.outputSize());
            signal = layer instanceof Dense dense
                    ? dense.infer(signal, i == 0 ? from : 0, rows, output, shared, packed == null ? null : packed[i])
                    : layer.infer(signal, rows, output);
        }
        return signal;
    }

    private static float[] buffer(float[][] buffers, int which, int size) {
        return buffers[which] = Buffers.ensure(buffers[which], size);
    }

    /** A pair of inference buffers no other thread is using: the one this thread used last, else a spare, else new. */
    float[][] buffers() {
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < spareBuffers.length(); i++) {
            SpareBuffers spare = spareBuffers.get(i);
            if (spare != null && spare.thread() == thread && spareBuffers.compareAndSet(i, spare, null)) {
                return spare.buffers();
            }
        }
        for (int i = 0; i < spareBuffers.length(); i++) {
            SpareBuffers spare = spareBuffers.getAndSet(i, null);
            if (spare != null) {
                return spare.buffers();
            }
        }
        return new float[4][]; // a pair, and two more for OverlappedLayers
    }

    /** Keeps a pair of inference buffers for a next call (or drops it when enough are kept). */
    void spare(float[][] buffers) {
        SpareBuffers spare = new SpareBuffers(Thread.currentThread().getId(), buffers);
        for (int i = 0; i < spareBuffers.length(); i++) {
            if (spareBuffers.compareAndSet(i, null, spare)) {
                return;
            }
        }
    }

    /** The output for one example. */
    public float[] predict(float... example) {
        return predict(example, 1);
    }

    private void checkInput(float[] input, int rows) {
        if (rows <= 0 || input.length < rows * inputSize) {
            throw new IllegalArgumentException("Expected " + rows + " rows of " + inputSize + " inputs ("
                    + (long) rows * inputSize + " values), got " + input.length + " values");
        }
    }

    /** One line per layer, e.g. for logs. */
    public String summary() {
        StringBuilder text = new StringBuilder("Network(" + inputSize + " inputs)");
        for (Layer layer : layers) {
            text.append("\n  ").append(layer.describe());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Builds a network layer by layer, resolving activations by name through the plug-in lookup. */
    public static final class Builder {

        private static final long DROPOUT_SALT = 0x5DEECE66DL;

        private final int inputs;
        private final List<Layer> layers = new ArrayList<>();
        private final List<WeightInit> inits = new ArrayList<>();
        private Plugins plugins;
        private long seed = 42;
        private int size;

        private Builder(int inputs) {
            if (inputs <= 0) {
                throw new IllegalArgumentException("A network needs at least one input, got " + inputs);
            }
            this.inputs = inputs;
            this.size = inputs;
        }

        /** The lookup that resolves activation names; {@link Plugins#load()} unless set. */
        public Builder plugins(Plugins plugins) {
            this.plugins = plugins;
            return this;
        }

        /** Seed for weight initialisation: the same seed gives the same initial weights. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A dense layer of {@code units} neurons with no activation (linear output). */
        public Builder dense(int units) {
            return addDense(units, WeightInit.GLOROT);
        }

        /** A dense layer of {@code units} neurons followed by the activation {@code spec}, e.g. "relu". */
        public Builder dense(int units, String activationSpec) {
            return dense(units, lookup().activation(activationSpec));
        }

        /** A dense layer of {@code units} neurons followed by {@code activation}. */
        public Builder dense(int units, Activation activation) {
            addDense(units, activation.preferredInit());
            return layer(new ActivationLayer(activation, units));
        }

        /**
         * Dropout of the previous layer's outputs with probability {@code rate} (in [0, 1)) while training, the
         * identity at inference. Its masks are seeded from the network's {@link #seed}, so the same seed gives the
         * same masks; each dropout layer gets its own stream.
         */
        public Builder dropout(double rate) {
            Dropout.checkRate(rate);
            return layer(new Dropout(size, rate, 0));
        }

        /** Any layer, e.g. one of your own. */
        public Builder layer(Layer layer) {
            layers.add(layer);
            inits.add(null);
            size = layer.outputSize();
            return this;
        }

        private Builder addDense(int units, WeightInit init) {
            layers.add(new Dense(size, units));
            inits.add(init);
            size = units;
            return this;
        }

        public Network build() {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof Dense dense) {
                    dense.initialize(inits.get(i) == null ? WeightInit.GLOROT : inits.get(i), random);
                }
            }
            // A stream of its own, so adding dropout does not change the initial weights of the dense layers.
            SplittableRandom dropoutSeeds = new SplittableRandom(seed ^ DROPOUT_SALT);
            for (Layer layer : layers) {
                if (layer instanceof Dropout dropout) {
                    dropout.reseed(dropoutSeeds.nextLong());
                }
            }
            return new Network(inputs, layers);
        }

        private Plugins lookup() {
            if (plugins == null) {
                plugins = Plugins.load();
            }
            return plugins;
        }
    }
}
