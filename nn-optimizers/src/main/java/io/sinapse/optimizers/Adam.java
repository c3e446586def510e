package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code adam}: adaptive moment estimation, momentum and RMSprop together, as
 * {@code torch.optim.Adam(lr, betas=(beta1, beta2), eps)}. At step t (1-based):
 *
 * <pre>
 *   m = β₁·m + (1 − β₁)·g          moving mean of the gradients
 *   v = β₂·v + (1 − β₂)·g²         moving mean of their squares
 *   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   bias corrections: m and v start at 0
 *   w = w − lr·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>So the first step moves each weight by about {@code lr} against the sign of its gradient, whatever the
 * gradient's size. The update is computed in float like PyTorch's (see {@link #step}); the bias corrections in
 * double with {@link Math#pow}.
 *
 * <p>Parameters: {@code lr} (default 0.001, the course's value, &gt; 0), {@code beta1} (default 0.9, in [0, 1)),
 * {@code beta2} (default 0.999, in [0, 1)), {@code eps} (default 1e-8, &gt; 0). State: {@code 2·n} floats,
 * {@code m} in the first n and {@code v} in the next n.
 */
public final class Adam extends AbstractOptimizer {

    /**
     * Whether {@link #step} takes whole vectors at a time: where the Vector API's module is resolved (on the class
     * path, {@code --add-modules jdk.incubator.vector}) and not turned off with {@code -Dsinapse.kernels=scalar}, as
     * for the core's kernels. Decided here, not in {@link VectorUpdates}: checking that class's code needs the API.
     */
    static final boolean VECTOR_API = vectorApi();

    private static boolean vectorApi() {
        if ("scalar".equals(System.getProperty("sinapse.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorUpdates.lanes() > 1;
        } catch (LinkageError e) {
            return false;
        }
    }

    static final Parameters DEFAULTS =
            Parameters.of("lr", 0.001).and("beta1", 0.9).and("beta2", 0.999).and("eps", 1e-8);

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** Adam with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public Adam() {
        this(DEFAULTS);
    }

    private Adam(Parameters parameters) {
        super("adam", parameters);
        this.beta1 = fraction("beta1");
        this.beta2 = fraction("beta2");
        this.eps = positive("eps");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new Adam(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return 2 * parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        step(params, grads, state, count, from, to, step, learningRate, beta1, beta2, eps, 1);
    }

    /**
     * One Adam step, shared with {@link AdamW}: each weight is first multiplied by {@code keep} (1 for Adam,
     * {@code 1 − lr·weight_decay} for AdamW), then moved by the Adam update.
     *
     * <p>In float, in the order of PyTorch's float32 kernels ({@code m·β₁ + (1−β₁)·g}, {@code v·β₂ + (1−β₂)·g·g},
     * {@code √v / √(1−β₂ᵗ) + ε}, {@code w − (lr/(1−β₁ᵗ))·m / denominator}), with the per-step constants computed
     * in double and rounded once; every 256 steps, means that have decayed below the smallest normal float are set to
     * 0 (see {@link #FLUSH_INTERVAL}). With the Vector API ({@link VectorUpdates}) the update takes whole vectors at
     * a time; the scalar loop below does the last few weights, and all of them where the API is missing. HotSpot's
     * C2 does not vectorise that loop itself: it reads m and v, the two halves of one state array, at {@code i} and
     * {@code count + i}, and C2 vectorises only loops that read every array at the same index. (Copying each block
     * of v beside the weights let it, at 113 µs per step on 200,704 weights; the Vector API takes 51–58 µs.) Every
     * element is computed the same way whatever its path, so results do not depend on the vector width, nor on how
     * a tensor is cut into parts ({@code first … end-1} is the part updated).
     */
    static void step(float[] params, float[] grads, float[] state, int count, int first, int end, long step,
                     double learningRate, double beta1, double beta2, double eps, double keep) {
        step(params, grads, state, count, first, end, step, learningRate, beta1, beta2, eps, keep, VECTOR_API);
    }

    /** {@link #step}, on whole vectors first or not at all: both give the same numbers (for tests). */
    static void step(float[] params, float[] grads, float[] state, int count, int first, int end, long step,
                     double learningRate, double beta1, double beta2, double eps, double keep, boolean vectors) {
        float decay1 = (float) beta1;
        float decay2 = (float) beta2;
        float rest1 = (float) (1 - beta1);
        float rest2 = (float) (1 - beta2);
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, step)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(beta2, step));
        float epsilon = (float) eps;
        float shrink = (float) keep;
        int scalarFrom = vectors ? VectorUpdates.adam(params, grads, state, count, first, end, decay1, rest1,
                decay2, rest2, correction2, epsilon, stepSize, shrink) : first;
        for (int i = scalarFrom; i < end; i++) {
            float gradient = grads[i];
            float mean = decay1 * state[i] + rest1 * gradient;
            float meanSquare = decay2 * state[count + i] + rest2 * gradient * gradient;
            state[i] = mean;
            state[count + i] = meanSquare;
            float denominator = (float) Math.sqrt(meanSquare) / correction2 + epsilon;
            params[i] = params[i] * shrink - stepSize * mean / denominator;
        }
        if (step % FLUSH_INTERVAL == 0) {
            for (int i = first; i < end; i++) {
                state[i] = normalOrZero(state[i]);
            }
        }
    }

    /**
     * Every this many steps, the moving means that have become subnormal are set to 0. A weight whose gradient
     * stays 0 (a pixel that is background in every image, a unit the relu keeps off) has its {@code m} multiplied by
     * β₁ every step until it sticks at the smallest subnormal float, 2⁻¹⁴⁹ (0.9·2⁻¹⁴⁹ rounds back up), and
     * arithmetic on subnormals is slow: half the weights stuck there made the whole update 1.5 times slower
     * (measured on 200,704 weights). Once 0, such an m stays 0 until a gradient arrives. It moved no weight anyway:
     * its step, {@code lr·m / (√v̂ + ε)}, is below 10⁻³⁴, far under a float ulp of any weight above 10⁻²⁷. Doing it in
     * a separate pass every 256 steps costs next to nothing; doing it in the update loop cost a third more per step.
     */
    private static final int FLUSH_INTERVAL = 256;

    /**
     * {@code m} if it is a normal float, else 0, without a branch (so the loop vectorises): {@code |m|·2¹²⁶} is at
     * least 1 exactly when m is normal (at most 1 − 2⁻²³ otherwise); subtracting the float just below 1 and scaling by
     * 2²⁵ gives at least 2 or less than 0, which {@code [0, 1]} clamps to the factor 1 or 0. NaN stays NaN.
     */
    static float normalOrZero(float m) {
        float excess = Math.abs(m) * 0x1p126f - 0x1.fffffep-1f;
        return m * Math.min(Math.max(excess * 0x1p25f, 0f), 1f);
    }
}
