package io.sinapse.api;

/**
 * A gradient-descent update rule: SGD, momentum, Adam and kin.
 *
 * <p>The optimizer itself is immutable and stateless; whatever it remembers between steps for one parameter
 * tensor (velocity, squared-gradient averages) lives in a {@code float[]} of {@link #stateSize} values that the
 * caller allocates zeroed, keeps with that tensor, and passes back on every step. That keeps one instance usable
 * for every tensor and thread, and makes the state easy to save with a model.
 */
public interface Optimizer extends Plugin<Optimizer> {

    /** The learning rate this optimizer was configured with (its {@code lr} parameter). */
    double learningRate();

    /** How many floats of state one tensor of {@code parameterCount} values needs (0 for plain SGD). */
    int stateSize(int parameterCount);

    /**
     * Updates the first {@code count} values of {@code params} in place from their gradients {@code grads}.
     *
     * @param state        this tensor's state, {@link #stateSize}{@code (count)} floats, zero before the first step
     * @param step         1 for the first update of this tensor, 2 for the second, … (Adam's bias correction)
     * @param learningRate the rate to use for this step: {@link #learningRate()} unless a schedule changes it
     */
    void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate);

    /**
     * Whether {@link #updatePart} may update a tensor a part at a time: true when each value's update depends only
     * on its own gradient and its own state, as in every optimizer of the course. A trainer then shares a large
     * tensor's update between threads. False unless an optimizer says otherwise; its tensors are updated whole.
     */
    default boolean updatesInParts() {
        return false;
    }

    /**
     * Updates values {@code from … to-1} of a tensor of {@code count} values, and their state, exactly as
     * {@link #update} would update them, leaving every other value and its state alone. The arguments are
     * {@link #update}'s, the state again {@link #stateSize}{@code (count)} floats for the whole tensor; one step of a
     * tensor is all its parts with the same {@code step}. Available when {@link #updatesInParts()} is true.
     *
     * @throws UnsupportedOperationException when {@link #updatesInParts()} is false
     */
    default void updatePart(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                            double learningRate) {
        throw new UnsupportedOperationException(name() + " updates whole tensors only (updatesInParts() is false)");
    }
}
