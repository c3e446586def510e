package io.sinapse.core;

import io.sinapse.api.WeightInit;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected layer: each output neuron's weighted sum of the inputs plus its bias,
 * {@code z = x · W + b}, for a whole batch at once. {@code W} is {@code inputs × outputs}: column j holds the
 * weights into neuron j, so the course's customer neuron {@code 50·0.5 + 20·0.4 + 20·0.7 + 1 = 48} is one column.
 *
 * <p>Backpropagation by the chain rule, given {@code dZ = ∂loss/∂z}:
 * {@code ∂loss/∂W = xᵀ · dZ}, {@code ∂loss/∂b = Σ_rows dZ}, {@code ∂loss/∂x = dZ · Wᵀ}.
 */
public final class Dense implements Layer {

    private final int inputs;
    private final int outputs;
    private final Tensor weights;
    private final Tensor bias;
    private float[] output;
    private float[] gradInput;
    private float[] lastInput;

    /**
     * The two products of a backward pass, {@code xᵀ·dZ} (with the bias's gradient) and {@code dZ·Wᵀ}: as many
     * multiply-adds each, and neither needs the other, so with two threads each takes one whole, on one core, where
     * cutting each product in two made both threads wait for each other twice. Bits are the same either way.
     */
    private final ProductThreads.Parts gradients = this::gradientPart;
    private float[] pendingGradOutput;
    private int pendingRows;

    public Dense(int inputs, int outputs) {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("A dense layer needs at least one input and one output, got "
                    + inputs + " → " + outputs);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = new Tensor("weights", inputs, outputs, true);
        this.bias = new Tensor("bias", 1, outputs, false);
    }

    /**
     * Draws the weights uniformly from ±limit (Glorot: sqrt(6 / (in + out)), He: sqrt(6 / in)) and zeroes the bias.
     */
    public void initialize(WeightInit init, SplittableRandom random) {
        double limit = init == WeightInit.HE
                ? Math.sqrt(6.0 / inputs)
                : Math.sqrt(6.0 / (inputs + outputs));
        float[] w = weights.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        java.util.Arrays.fill(bias.value(), 0f);
    }

    public Tensor weights() {
        return weights;
    }

    public Tensor bias() {
        return bias;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    @Override
    public float[] forward(float[] input, int rows, boolean training) {
        Shapes.requireMatrix(this, "input (rows×inputs)", input, rows, inputs);
        output = Buffers.ensure(output, rows * outputs);
        lastInput = input;
        return infer(input, 0, rows, output, true, null);
    }

    @Override
    public float[] infer(float[] input, int rows, float[] output) {
        Shapes.requireMatrix(this, "input (rows×inputs)", input, rows, inputs);
        Shapes.requireMatrix(this, "output (rows×outputs)", output, rows, outputs);
        return infer(input, 0, rows, output, true, null);
    }

    /**
     * {@link #infer(float[], int, float[]) Inference} on {@code rows} input rows starting at {@code input[offset]},
     * read in place: how {@link Network#predict(float[], int)} feeds a large input through a part at a time. With
     * {@code shared} false the product runs on the calling thread only (the part is already one thread's share),
     * reading the weights from {@code packedWeights} when that is not null ({@link #packWeights}).
     */
    float[] infer(float[] input, int offset, int rows, float[] output, boolean shared, float[] packedWeights) {
        if (shared) {
            Kernels.multiply(input, offset, weights.value(), output, rows, inputs, outputs);
        } else {
            Kernels.multiplyAlone(input, offset, weights.value(), packedWeights, output, rows, inputs, outputs);
        }
        Kernels.addRowVector(output, bias.value(), rows, outputs);
        return output;
    }

    /**
     * The weights packed for the products of {@link #infer(float[], int, int, float[], boolean, float[])} on parts of
     * {@code rows} rows (in {@code reuse} if it is large enough), or null where those products would not read them.
     * Packed once per call of {@link Network#predict(float[], int)} and read by every part, rather than packed
     * again for each.
     */
    float[] packWeights(int rows, float[] reuse) {
        return Kernels.pack(weights.value(), inputs, outputs, rows, reuse);
    }

    @Override
    public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
        Shapes.requireMatrix(this, "gradOutput (rows×outputs)", gradOutput, rows, outputs);
        Shapes.requireMatrix(this, "the input of the last forward pass (rows×inputs; call forward first)", lastInput,
                rows, inputs);
        if (!needInputGradient) {
            parameterGradients(gradOutput, rows);
            return null;
        }
        gradInput = Buffers.ensure(gradInput, rows * inputs);
        pendingGradOutput = gradOutput;
        pendingRows = rows;
        Kernels.runParts(gradients, 2, (long) rows * inputs * outputs);
        pendingGradOutput = null;
        return gradInput;
    }

    private void gradientPart(int part) {
        if (part == 0) {
            parameterGradients(pendingGradOutput, pendingRows);
        } else {
            Kernels.multiplyTransposedRight(pendingGradOutput, weights.value(), gradInput, pendingRows, outputs,
                    inputs);
        }
    }

    private void parameterGradients(float[] gradOutput, int rows) {
        Kernels.multiplyTransposedLeft(lastInput, gradOutput, weights.gradient(), rows, inputs, outputs);
        Kernels.sumColumns(gradOutput, bias.gradient(), rows, outputs);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public String describe() {
        return "Dense(" + inputs + " → " + outputs + ")";
    }
}
