package io.sinapse.core;

import io.sinapse.api.Activation;
import io.sinapse.api.ElementwiseActivation;

/**
 * One example through a dense layer, an element-wise activation and a second dense layer, with the helper threads.
 * The first layer's product is shared out in blocks of {@value #BLOCK} columns, as any one-row product is; but the
 * caller, once it has its block (columns 0 … 127, bias and activation included), does not wait idle for the helpers'
 * blocks: it starts the second layer's sums over those 128 inputs, and finishes them over the rest once the
 * helpers are done. Layer by layer, the caller waited ~0.85 µs after its block of a 784→256 product for the
 * helper's (medians of a probe), then the second layer (256→128) took 0.9–1.0 µs.
 *
 * <p>The numbers are those of layer by layer, bit for bit: each value of the first layer and its activation is
 * computed whole by one thread, and each sum of the second is one chain of fma over the nonzero inputs in order,
 * stopped after input 127 and taken up again ({@link VectorKernels#rowTimesRows}).
 */
final class OverlappedLayers {

    /** The caller's block of the first layer, which the second layer's sums start on: the row kernel's widest pass. */
    private static final int BLOCK = ProductThreads.SINGLE_ROW_COLUMNS;

    private OverlappedLayers() {
    }

    /**
     * Whether {@link #infer} can take one example through these three layers: dense layers whose one-row products
     * run on the vector kernels, the first shared with the helpers in more than one block and the second computed
     * by the caller alone, around an element-wise activation (each value's result depends on that value alone, so
     * computing the caller's block early gives the same bits).
     */
    static boolean fits(Layer first, Layer activation, Layer second) {
        return first instanceof Dense d1 && activation instanceof ActivationLayer a
                && a.activation() instanceof ElementwiseActivation && second instanceof Dense d2
                && d1.outputSize() > BLOCK && Kernels.sharesOneRow(d1.inputSize(), d1.outputSize())
                && Kernels.vectorOneRowAlone(d2.inputSize(), d2.outputSize());
    }

    /**
     * The second dense layer's output for one example, {@code input[offset …]}, through the three layers
     * {@link #fits} accepted, computed in {@code buffers[2]} and {@code buffers[3]} (for the first layer and its
     * activation) and in {@code buffers[result]}, which it grows as needed; or null, having done nothing, when the
     * helpers are busy with another caller's work.
     */
    static float[] infer(Dense first, ActivationLayer activationLayer, Dense second, float[] input, int offset,
                         float[][] buffers, int result) {
        int k = first.inputSize();
        int hidden = first.outputSize();
        int n = second.outputSize();
        float[] z = buffers[2] = Buffers.ensure(buffers[2], hidden);
        float[] h = buffers[3] = Buffers.ensure(buffers[3], hidden);
        float[] out = buffers[result] = Buffers.ensure(buffers[result], n);
        float[] w1 = first.weights().value();
        float[] b1 = first.bias().value();
        float[] w2 = second.weights().value();
        Activation activation = activationLayer.activation();
        Runnable ownBlock = () -> {
            VectorKernels.add(z, 0, b1, 0, BLOCK);
            activation.forward(z, h, 1, BLOCK);
            VectorKernels.rowTimesRows(h, w2, out, n, 0, BLOCK, false);
        };
        ProductThreads pool = Kernels.pool();
        if (pool == null || !pool.run(ProductThreads.MULTIPLY, input, offset, w1, z, 1, k, hidden, ownBlock)) {
            return null;
        }
        VectorKernels.add(z, 0, b1, BLOCK, hidden);
        activation.forward(z, h, 1, hidden);
        VectorKernels.rowTimesRows(h, w2, out, n, BLOCK, hidden, true);
        VectorKernels.addRowVector(out, second.bias().value(), 1, n);
        return out;
    }
}
