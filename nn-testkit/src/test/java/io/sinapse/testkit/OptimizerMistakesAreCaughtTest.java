package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;

import io.sinapse.api.Parameters;
import org.junit.jupiter.api.Test;

/** Each optimizer here has one deliberate mistake, and the contract test meant for it must fail and say so. */
class OptimizerMistakesAreCaughtTest {

    @Test
    void gradientAscentFailsToReduceTheQuadratic() {
        OptimizerContract contract = GradientAscent::new;
        assertFailsSaying(contract::reducesAConvexQuadratic, "optimizer 'plain_sgd(lr=0.1)'",
                "did not reduce f", "at the start", "after 300", "against the gradient");
    }

    @Test
    void velocityKeptInAFieldFailsThePerTensorStateCheck() {
        OptimizerContract contract = MomentumKeptInAField::new;
        assertFailsSaying(contract::keepsSeparateStatePerTensor, "stepped in turn with tensor B",
                "tensor A stepped alone", "keep no state of its own");
    }

    @Test
    void stepCountKeptInAFieldFailsReproducibility() {
        OptimizerContract contract = CountsStepsItself::new;
        assertFailsSaying(contract::isReproducible, "a second run", "the first run");
    }

    @Test
    void negativeStateSizeIsReported() {
        OptimizerContract contract = NegativeStateSize::new;
        assertFailsSaying(contract::stateSizeIsNonNegative, "stateSize(0) = -1", "must be 0 or more");
    }

    @Test
    void ignoringTheGivenLearningRateIsReported() {
        OptimizerContract contract = IgnoresTheGivenRate::new;
        assertFailsSaying(contract::usesTheGivenLearningRate, "a first step at learning rate 0");
    }

    @Test
    void learningRateThatIsNotTheLrParameterIsReported() {
        OptimizerContract contract = MisreportedRate::new;
        assertFailsSaying(contract::learningRateIsTheLrParameter, "learningRate() is 0.5 but the lr parameter is 0.1");
    }

    @Test
    void updatingPastCountFailsTheTailCheck() {
        OptimizerContract contract = UpdatesWholeArray::new;
        assertFailsSaying(contract::leavesArrayTailsUntouched, "changed params[5]");
    }

    @Test
    void aPartThatStartsAtZeroFailsThePartsCheck() {
        OptimizerContract contract = PartFromZero::new;
        assertFailsSaying(contract::updatesInPartsAsWhole, "updatePart over the parts", "update of the whole tensor",
                "exactly as update does");
    }

    @Test
    void aPartPastCountThatIsAcceptedIsReported() {
        OptimizerContract contract = PartClampedSilently::new;
        assertFailsSaying(contract::updatesInPartsAsWhole, "accepted a part ending past count");
    }

    // ---- the mistakes ----

    /** Updates 0 … to-1 whatever from is: values before the part are stepped again. */
    static final class PartFromZero extends Correct.Momentum {
        @Override
        public void updatePart(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                               double learningRate) {
            super.updatePart(params, grads, state, count, 0, to, step, learningRate);
        }
    }

    /** Cuts a part that runs past the tensor down to size instead of refusing it. */
    static final class PartClampedSilently extends Correct.Momentum {
        @Override
        public void updatePart(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                               double learningRate) {
            super.updatePart(params, grads, state, count, from, Math.min(to, count), step, learningRate);
        }
    }

    static final class GradientAscent extends Correct.PlainSgd {
        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            for (int i = 0; i < count; i++) {
                params[i] += (float) (learningRate * grads[i]);
            }
        }
    }

    /** One velocity array for every tensor: the state of one leaks into the next. */
    static final class MomentumKeptInAField extends Correct.Momentum {
        private float[] velocity = new float[0];

        @Override
        public int stateSize(int parameterCount) {
            return 0;
        }

        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            if (velocity.length < count) {
                velocity = java.util.Arrays.copyOf(velocity, count);
            }
            for (int i = 0; i < count; i++) {
                velocity[i] = 0.9f * velocity[i] + grads[i];
                params[i] -= (float) (learningRate * velocity[i]);
            }
        }
    }

    /** Decays its rate by its own count of calls instead of the step it is given. */
    static final class CountsStepsItself extends Correct.PlainSgd {
        private long calls;

        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            calls++;
            super.update(params, grads, state, count, step, learningRate / Math.sqrt(calls));
        }
    }

    static final class NegativeStateSize extends Correct.PlainSgd {
        @Override
        public int stateSize(int parameterCount) {
            return -1;
        }
    }

    static final class IgnoresTheGivenRate extends Correct.PlainSgd {
        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            super.update(params, grads, state, count, step, learningRate());
        }
    }

    static final class MisreportedRate extends Correct.PlainSgd {
        @Override
        public double learningRate() {
            return 0.5;
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("lr", 0.1);
        }
    }

    static final class UpdatesWholeArray extends Correct.PlainSgd {
        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= (float) (learningRate * grads[i]);
            }
        }
    }
}
