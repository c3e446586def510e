package io.sinapse.optimizers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Updates on the Vector API ({@code jdk.incubator.vector}), as many floats at a time as this CPU's widest vectors
 * hold. Each lane does what the scalar loop does for its element: the same float operations in the same order, and
 * no fused multiply-add, so the results are the same, bit for bit, whatever the vector width. Used only where
 * {@link Adam#VECTOR_API} holds; the scalar loops remain for the rest.
 */
final class VectorUpdates {

    private VectorUpdates() {
    }

    /** How many floats a vector holds here: loads the Vector API, so it fails without it. */
    static int lanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /**
     * {@link Adam#step}'s update of weights {@code first …}, whole vectors only; returns where it stopped, for the
     * scalar loop to finish. m is {@code state[i]}, v is {@code state[count + i]}.
     */
    static int adam(float[] params, float[] grads, float[] state, int count, int first, int end, float decay1,
                    float rest1, float decay2, float rest2, float correction2, float epsilon, float stepSize,
                    float shrink) {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        int lanes = species.length();
        int i = first;
        for (; i + lanes <= end; i += lanes) {
            FloatVector gradient = FloatVector.fromArray(species, grads, i);
            FloatVector mean = FloatVector.fromArray(species, state, i).mul(decay1).add(gradient.mul(rest1));
            FloatVector meanSquare = FloatVector.fromArray(species, state, count + i).mul(decay2)
                    .add(gradient.mul(rest2).mul(gradient));
            mean.intoArray(state, i);
            meanSquare.intoArray(state, count + i);
            FloatVector denominator = meanSquare.lanewise(VectorOperators.SQRT).div(correction2).add(epsilon);
            FloatVector.fromArray(species, params, i).mul(shrink).sub(mean.mul(stepSize).div(denominator))
                    .intoArray(params, i);
        }
        return i;
    }
}
