package io.sinapse.core;

import io.sinapse.api.Activation;

/** Applies an activation function to every row of its input; no parameters of its own. */
public final class ActivationLayer implements Layer {

    private final Activation activation;
    private final int size;
    private float[] output;
    private float[] gradInput;
    private float[] lastInput;

    public ActivationLayer(Activation activation, int size) {
        this.activation = activation;
        this.size = size;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public float[] forward(float[] input, int rows, boolean training) {
        Shapes.requireMatrix(this, "input (rows×size)", input, rows, size);
        output = Buffers.ensure(output, rows * size);
        lastInput = input;
        return infer(input, rows, output);
    }

    @Override
    public float[] infer(float[] input, int rows, float[] output) {
        Shapes.requireMatrix(this, "input (rows×size)", input, rows, size);
        Shapes.requireMatrix(this, "output (rows×size)", output, rows, size);
        activation.forward(input, output, rows, size);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
        Shapes.requireMatrix(this, "gradOutput (rows×size)", gradOutput, rows, size);
        Shapes.requireMatrix(this, "the input of the last forward pass (rows×size; call forward first)", lastInput,
                rows, size);
        gradInput = Buffers.ensure(gradInput, rows * size);
        activation.backward(lastInput, output, gradOutput, gradInput, rows, size);
        return gradInput;
    }

    @Override
    public String describe() {
        return "Activation(" + activation.spec() + ")";
    }
}
