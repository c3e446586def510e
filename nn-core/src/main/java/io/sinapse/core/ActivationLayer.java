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
        output = Buffers.ensure(output, rows * size);
        lastInput = input;
        return infer(input, rows, output);
    }

    @Override
    public float[] infer(float[] input, int rows, float[] output) {
        activation.forward(input, output, rows, size);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
        gradInput = Buffers.ensure(gradInput, rows * size);
        activation.backward(lastInput, output, gradOutput, gradInput, rows, size);
        return gradInput;
    }

    @Override
    public String describe() {
        return "Activation(" + activation.spec() + ")";
    }
}
