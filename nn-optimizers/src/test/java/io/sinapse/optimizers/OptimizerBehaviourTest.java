package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.api.Plugins;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer must do, whatever its formula. */
class OptimizerBehaviourTest {

    /** Curvatures, minimum and start of the quadratic bowl f(w) = ½ Σ aᵢ (wᵢ − cᵢ)². */
    private static final double[] CURVATURE = {1, 3, 0.5, 2};
    private static final double[] MINIMUM = {1, -2, 0.5, 0};
    private static final float[] START = {-1, 1, 2.5f, -1.5f};

    static List<Optimizer> optimizers() {
        return Plugins.load().available(Optimizer.class);
    }

    private static double loss(float[] w) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += 0.5 * CURVATURE[i] * (w[i] - MINIMUM[i]) * (w[i] - MINIMUM[i]);
        }
        return sum;
    }

    private static void gradient(float[] w, float[] grads) {
        for (int i = 0; i < w.length; i++) {
            grads[i] = (float) (CURVATURE[i] * (w[i] - MINIMUM[i]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void reducesTheLossOfAConvexQuadraticWithItsDefaults(Optimizer optimizer) {
        float[] w = START.clone();
        float[] grads = new float[w.length];
        float[] state = new float[optimizer.stateSize(w.length)];
        for (int step = 1; step <= 300; step++) {
            gradient(w, grads);
            optimizer.update(w, grads, state, w.length, step, optimizer.learningRate());
        }
        double before = loss(START);
        double after = loss(w);
        assertTrue(after < 0.9 * before, optimizer + ": 300 steps should cut the loss by at least 10%, from "
                + before + " to " + after);
        for (int i = 0; i < w.length; i++) {
            assertTrue(Math.abs(w[i] - MINIMUM[i]) < Math.abs(START[i] - MINIMUM[i]),
                    optimizer + ": weight " + i + " should end nearer its minimum " + MINIMUM[i] + ", went from "
                            + START[i] + " to " + w[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void learningRateArgumentOverridesTheConfiguredOne(Optimizer optimizer) {
        double scheduled = optimizer.learningRate() * 5;
        Optimizer configured = optimizer.withParameters(Parameters.of("lr", scheduled));
        assertEquals(scheduled, configured.learningRate(), optimizer + ": the lr parameter");

        float[] overridden = runThreeSteps(optimizer, scheduled);
        assertArrayEquals(runThreeSteps(configured, scheduled), overridden,
                optimizer + " with lr " + scheduled + " passed to update must step like one configured with it");
        assertFalse(Arrays.equals(runThreeSteps(optimizer, optimizer.learningRate()), overridden),
                optimizer + ": a different learning rate passed to update must change the steps");
    }

    private static float[] runThreeSteps(Optimizer optimizer, double learningRate) {
        float[] w = START.clone();
        float[] grads = new float[w.length];
        float[] state = new float[optimizer.stateSize(w.length)];
        for (int step = 1; step <= 3; step++) {
            gradient(w, grads);
            optimizer.update(w, grads, state, w.length, step, learningRate);
        }
        return w;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void theStatesOfTwoTensorsAreIndependent(Optimizer optimizer) {
        float[] a = {0.5f, -1, 2, 0.25f, 3};
        float[] b = {-2, 1.5f, 0.75f};
        float[][] gradsA = {{0.1f, -0.2f, 0.3f, 0, 1}, {0.4f, 0.1f, -0.3f, 0.2f, -1}, {-0.1f, 0.5f, 0, 0.1f, 2}};
        float[][] gradsB = {{3, -1, 0.5f}, {-2, 0.25f, 1}, {1, 1, -1}};

        // one optimizer instance, the two tensors' steps interleaved, each with its own state
        float[] wa = a.clone();
        float[] wb = b.clone();
        float[] stateA = new float[optimizer.stateSize(wa.length)];
        float[] stateB = new float[optimizer.stateSize(wb.length)];
        for (int step = 1; step <= 3; step++) {
            optimizer.update(wa, gradsA[step - 1], stateA, wa.length, step, optimizer.learningRate());
            optimizer.update(wb, gradsB[step - 1], stateB, wb.length, step, optimizer.learningRate());
        }
        assertArrayEquals(Steps.run(optimizer, a, gradsA), wa, optimizer + ": tensor A as if alone");
        assertArrayEquals(Steps.run(optimizer, b, gradsB), wb, optimizer + ": tensor B as if alone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void touchesOnlyTheFirstCountValuesAndItsState(Optimizer optimizer) {
        int count = 3;
        float[] w = {1, -1, 0.5f, 7, 7};
        float[] grads = {0.5f, 0.5f, -0.5f, Float.NaN, Float.NaN};
        float[] state = new float[optimizer.stateSize(count) + 2];
        state[state.length - 2] = 9;
        state[state.length - 1] = 9;
        for (int step = 1; step <= 2; step++) {
            optimizer.update(w, grads, state, count, step, optimizer.learningRate());
        }
        assertEquals(7f, w[3], optimizer + ": weight past count changed");
        assertEquals(7f, w[4], optimizer + ": weight past count changed");
        assertEquals(9f, state[state.length - 2], optimizer + ": state past stateSize(count) changed");
        assertEquals(9f, state[state.length - 1], optimizer + ": state past stateSize(count) changed");
        for (int i = 0; i < count; i++) {
            assertTrue(Float.isFinite(w[i]), optimizer + ": weight " + i + " is " + w[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void rejectsBadUpdateArguments(Optimizer optimizer) {
        float[] w = {1, 2};
        float[] g = {0.1f, 0.2f};
        float[] state = new float[optimizer.stateSize(2)];
        double lr = optimizer.learningRate();
        assertThrows(IllegalArgumentException.class, () -> optimizer.update(w, g, state, 2, 0, lr), "step 0");
        assertThrows(IllegalArgumentException.class, () -> optimizer.update(w, g, state, 2, 1, -0.01), "lr < 0");
        assertThrows(IllegalArgumentException.class, () -> optimizer.update(w, g, state, 2, 1, Double.NaN), "lr NaN");
        assertThrows(IllegalArgumentException.class, () -> optimizer.update(w, g, state, 3, 1, lr), "count > length");
        if (optimizer.stateSize(2) > 0) {
            float[] shortState = new float[optimizer.stateSize(2) - 1];
            var e = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.update(w, g, shortState, 2, 1, lr), "state too short");
            assertTrue(e.getMessage().contains("stateSize(2)"), "the message names stateSize: " + e.getMessage());
        }
        assertArrayEquals(new float[] {1, 2}, w, optimizer + ": a rejected update must not change the weights");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void updateAllocatesNothing(Optimizer optimizer) throws Exception {
        AllocationMeter meter = AllocationMeter.forCurrentThread();
        float[] w = new float[64];
        float[] grads = new float[64];
        Arrays.fill(grads, 0.25f);
        float[] state = new float[optimizer.stateSize(64)];
        for (int step = 1; step <= 20_000; step++) { // warm up, so the JIT has compiled update
            optimizer.update(w, grads, state, 64, step, optimizer.learningRate());
        }
        long baseline = meter.bytesAllocatedBy(() -> { });
        long used = meter.bytesAllocatedBy(() -> {
            for (int step = 20_001; step <= 30_000; step++) {
                optimizer.update(w, grads, state, 64, step, optimizer.learningRate());
            }
        });
        assertTrue(used - baseline < 1024, optimizer + ": 10,000 updates allocated " + (used - baseline)
                + " bytes; update must allocate nothing");
    }
}
