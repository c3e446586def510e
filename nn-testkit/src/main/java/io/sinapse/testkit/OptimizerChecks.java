package io.sinapse.testkit;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import java.util.Arrays;
import java.util.Random;

/**
 * The properties every {@link Optimizer} must have. The test problem is the convex quadratic
 * {@code f(w) = ½ Σ a_i (w_i - c_i)²} with curvatures {@code a_i} in [0.5, 2), centres {@code c_i} in [-1, 1) and a
 * start {@code w_i} in [-3, 3): its gradient {@code a_i (w_i - c_i)} points away from the single minimum at
 * {@code c}, so any descent method with a sensible learning rate must bring {@code f} down.
 */
public final class OptimizerChecks {

    private OptimizerChecks() {
    }

    /** The quadratic above, in float like training. */
    static final class Quadratic {
        final float[] curvature;
        final float[] centre;

        Quadratic(Random random, int n) {
            curvature = Samples.toFloat(Samples.uniform(random, n, 0.5, 2));
            centre = Samples.toFloat(Samples.uniform(random, n, -1, 1));
        }

        double value(float[] w) {
            double sum = 0;
            for (int i = 0; i < centre.length; i++) {
                double d = w[i] - centre[i];
                sum += 0.5 * curvature[i] * d * d;
            }
            return sum;
        }

        void gradient(float[] w, float[] grads) {
            for (int i = 0; i < centre.length; i++) {
                grads[i] = curvature[i] * (w[i] - centre[i]);
            }
        }
    }

    /** A tensor being trained: its values, gradients, state and step count. */
    private static final class Tensor {
        final Quadratic problem;
        final float[] w;
        final float[] grads;
        final float[] state;
        long step;

        Tensor(Optimizer optimizer, Quadratic problem, float[] start) {
            this.problem = problem;
            this.w = start.clone();
            this.grads = new float[start.length];
            this.state = new float[optimizer.stateSize(start.length)];
        }

        void step(Optimizer optimizer, double learningRate) {
            problem.gradient(w, grads);
            optimizer.update(w, grads, state, w.length, ++step, learningRate);
        }
    }

    private static float[] start(Random random, int n) {
        return Samples.toFloat(Samples.uniform(random, n, -3, 3));
    }

    /** {@code steps} updates at the optimizer's own learning rate take {@code f} strictly below where it started. */
    public static void reducesConvexQuadratic(Optimizer optimizer, int steps, Random random) {
        int n = 8;
        Quadratic problem = new Quadratic(random, n);
        Tensor tensor = new Tensor(optimizer, problem, start(random, n));
        double initial = problem.value(tensor.w);
        StringBuilder trace = new StringBuilder("f = " + Report.num(initial) + " at the start");
        for (int k = 1; k <= steps; k++) {
            tensor.step(optimizer, optimizer.learningRate());
            if (k == 1 || k == 10 || k == 100 || k == steps) {
                trace.append(", ").append(Report.num(problem.value(tensor.w))).append(" after ").append(k);
            }
        }
        double last = problem.value(tensor.w);
        if (!(last < initial)) {
            throw new AssertionError(Report.describe(optimizer) + ": " + steps + " steps on the convex quadratic"
                    + " f(w) = ½ Σ a_i (w_i - c_i)² did not reduce f: " + trace
                    + ".\n  a = " + Arrays.toString(problem.curvature) + ", c = " + Arrays.toString(problem.centre)
                    + "\n  An update must move against the gradient (w -= lr · …).");
        }
    }

    /**
     * Everything an optimizer remembers lives in the state array of each tensor: two tensors stepped in turn, each
     * with its own state, end bit for bit where each ends when stepped alone.
     */
    public static void keepsStatePerTensor(Optimizer optimizer, int steps, Random random) {
        Quadratic problemA = new Quadratic(random, 5);
        Quadratic problemB = new Quadratic(random, 3);
        float[] startA = start(random, 5);
        float[] startB = start(random, 3);

        Tensor aloneA = new Tensor(optimizer, problemA, startA);
        for (int k = 0; k < steps; k++) {
            aloneA.step(optimizer, optimizer.learningRate());
        }
        Tensor aloneB = new Tensor(optimizer, problemB, startB);
        for (int k = 0; k < steps; k++) {
            aloneB.step(optimizer, optimizer.learningRate());
        }
        Tensor a = new Tensor(optimizer, problemA, startA);
        Tensor b = new Tensor(optimizer, problemB, startB);
        for (int k = 0; k < steps; k++) {
            a.step(optimizer, optimizer.learningRate());
            b.step(optimizer, optimizer.learningRate());
        }
        requireSame(optimizer, "tensor A (5 values) stepped in turn with tensor B", a.w,
                "tensor A stepped alone", aloneA.w, steps, OWN_STATE);
        requireSame(optimizer, "tensor B (3 values) stepped in turn with tensor A", b.w,
                "tensor B stepped alone", aloneB.w, steps, OWN_STATE);
    }

    /** The same inputs give the same bits, and the optimizer's parameters do not change while it works. */
    public static void isReproducible(Optimizer optimizer, int steps, Random random) {
        Parameters before = optimizer.parameters();
        Quadratic problem = new Quadratic(random, 6);
        float[] start = start(random, 6);
        Tensor first = new Tensor(optimizer, problem, start);
        Tensor second = new Tensor(optimizer, problem, start);
        for (int k = 0; k < steps; k++) {
            first.step(optimizer, optimizer.learningRate());
        }
        for (int k = 0; k < steps; k++) {
            second.step(optimizer, optimizer.learningRate());
        }
        requireSame(optimizer, "a second run", second.w, "the first run", first.w, steps, OWN_STATE);
        if (!before.equals(optimizer.parameters())) {
            throw new AssertionError(Report.describe(optimizer) + ": its parameters changed from (" + before
                    + ") to (" + optimizer.parameters() + ") while it worked. Optimizers are immutable.");
        }
    }

    private static final String OWN_STATE = "An optimizer must keep no state of its own: whatever it remembers"
            + " between steps belongs in the state array of the tensor, and the same inputs must give the same bits.";

    private static void requireSame(Optimizer optimizer, String what, float[] actual, String reference,
                                    float[] expected, int steps, String hint) {
        for (int i = 0; i < expected.length; i++) {
            if (!Report.same(actual[i], expected[i])) {
                throw new AssertionError(Report.describe(optimizer) + ": after " + steps
                        + (steps == 1 ? " step, " : " steps, ") + what + " gives w[" + i + "] = " + actual[i]
                        + " where " + reference + " gives " + expected[i] + ".\n  " + hint);
            }
        }
    }

    /** {@code stateSize} is never negative. */
    public static void stateSizeIsNonNegative(Optimizer optimizer) {
        for (int count : new int[] {0, 1, 2, 7, 1000}) {
            int size = optimizer.stateSize(count);
            if (size < 0) {
                throw new AssertionError(Report.describe(optimizer) + ": stateSize(" + count + ") = " + size
                        + "; it must be 0 or more.");
            }
        }
    }

    /** {@code learningRate()} is the value of the {@code lr} parameter, when there is one. */
    public static void learningRateIsTheLrParameter(Optimizer optimizer) {
        Parameters parameters = optimizer.parameters();
        if (parameters.has("lr") && parameters.get("lr") != optimizer.learningRate()) {
            throw new AssertionError(Report.describe(optimizer) + ": learningRate() is " + optimizer.learningRate()
                    + " but the lr parameter is " + Parameters.format(parameters.get("lr")) + ".");
        }
    }

    /**
     * {@code update} uses the learning rate it is given (a schedule's), not its own: a first step at rate 0 leaves
     * the values as they were. Assumes, as SGD, momentum and Adam do, that every change is scaled by the rate.
     */
    public static void usesTheGivenLearningRate(Optimizer optimizer, Random random) {
        Quadratic problem = new Quadratic(random, 6);
        float[] start = start(random, 6);
        Tensor tensor = new Tensor(optimizer, problem, start);
        tensor.step(optimizer, 0.0);
        requireSame(optimizer, "a first step at learning rate 0", tensor.w, "the start", start, 1,
                "update must scale its change by the learningRate argument (a schedule's), not by learningRate().");
    }

    /**
     * Only the first {@code count} values are read or written: longer arrays, with NaN gradients and
     * {@link Tails#SENTINEL} values past the end, give the same values and keep their tails.
     */
    public static void leavesArrayTailsUntouched(Optimizer optimizer, int steps, Random random) {
        int count = 5;
        Quadratic problem = new Quadratic(random, count);
        float[] start = start(random, count);
        Tensor exact = new Tensor(optimizer, problem, start);
        for (int k = 0; k < steps; k++) {
            exact.step(optimizer, optimizer.learningRate());
        }

        float[] w = Arrays.copyOf(start, count + Tails.LENGTH);
        Arrays.fill(w, count, w.length, (float) Tails.SENTINEL);
        float[] grads = new float[count + Tails.LENGTH];
        float[] state = new float[optimizer.stateSize(count) + Tails.LENGTH];
        Arrays.fill(state, optimizer.stateSize(count), state.length, (float) Tails.SENTINEL);
        for (int k = 1; k <= steps; k++) {
            problem.gradient(w, grads);
            Arrays.fill(grads, count, grads.length, Float.NaN);
            optimizer.update(w, grads, state, count, k, optimizer.learningRate());
        }
        String who = Report.describe(optimizer) + ": update with arrays longer than count = " + count;
        for (int i = count; i < w.length; i++) {
            if (w[i] != (float) Tails.SENTINEL) {
                throw new AssertionError(who + " changed params[" + i + "] from " + Tails.SENTINEL + " to " + w[i]
                        + ". Only the first count values belong to the call.");
            }
        }
        for (int i = optimizer.stateSize(count); i < state.length; i++) {
            if (state[i] != (float) Tails.SENTINEL) {
                throw new AssertionError(who + " changed state[" + i + "], past stateSize(" + count + ") = "
                        + optimizer.stateSize(count) + ", from " + Tails.SENTINEL + " to " + state[i] + ".");
            }
        }
        requireSame(optimizer, "a tensor with longer arrays (NaN gradients past count)",
                Arrays.copyOf(w, count), "one with exact-length arrays", exact.w, steps,
                "Read only the first count gradients, and use only stateSize(count) values of state.");
    }

    /**
     * When {@link Optimizer#updatesInParts()}, updating a tensor part by part (parts of odd sizes, in a different
     * order every step, as threads would take them) gives the same values and state, bit for bit, as updating it
     * whole; a part outside the tensor is refused. {@code steps} should pass 256, where Adam tidies its state.
     */
    public static void updatesInPartsAsWhole(Optimizer optimizer, int steps, Random random) {
        int count = 1300;
        int[] cuts = {0, 1, 513, 700, 1024, 1300};
        Quadratic problem = new Quadratic(random, count);
        float[] start = start(random, count);
        Tensor whole = new Tensor(optimizer, problem, start);
        Tensor parts = new Tensor(optimizer, problem, start);
        Random order = new Random(random.nextLong());
        for (int k = 1; k <= steps; k++) {
            whole.step(optimizer, optimizer.learningRate());
            problem.gradient(parts.w, parts.grads);
            parts.step++;
            int first = order.nextInt(cuts.length - 1);
            for (int j = 0; j < cuts.length - 1; j++) {
                int part = (first + j) % (cuts.length - 1);
                optimizer.updatePart(parts.w, parts.grads, parts.state, count, cuts[part], cuts[part + 1], parts.step,
                        optimizer.learningRate());
            }
            requireSame(optimizer, "updatePart over the parts " + java.util.Arrays.toString(cuts), parts.w,
                    "update of the whole tensor", whole.w, k,
                    "updatePart must update values from … to-1 exactly as update does, reading only their gradients"
                            + " and state.");
            requireSame(optimizer, "the state after updatePart", parts.state, "the state after update", whole.state,
                    k, "updatePart must leave the state of values outside the part alone and update the rest as"
                            + " update does.");
        }
        try {
            optimizer.updatePart(parts.w, parts.grads, parts.state, count, 1000, count + 1, steps + 1,
                    optimizer.learningRate());
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError(Report.describe(optimizer) + ": updatePart accepted a part ending past count.");
    }
}
