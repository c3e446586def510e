package io.sinapse.testkit;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Regularizer;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The contracts accept correct plug-ins: they are strict, not impossible. The plug-ins here are not registered with
 * the lookup (this module cannot provide test classes), so each class overrides the two lookup tests without
 * {@code @Test}; the built-ins in nn-activations and nn-losses pass those for real.
 */
class CorrectPluginsPassTheContractsTest {

    @Nested
    class SmoothActivation implements ActivationContract {
        @Override
        public Activation activation() {
            return new Correct.Square();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class ActivationWithAKink implements ActivationContract {
        @Override
        public Activation activation() {
            return new Correct.PlainRelu();
        }

        @Override
        public List<Double> kinks() {
            return List.of(0.0);
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class RowWiseActivation implements ActivationContract {
        @Override
        public Activation activation() {
            return new Correct.RowSoftmax();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class SmoothLoss implements LossContract {
        @Override
        public Loss loss() {
            return new Correct.HalfSquaredError();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class LossWithAKink implements LossContract {
        @Override
        public Loss loss() {
            return new Correct.AbsoluteError();
        }

        @Override
        public double distanceToKink(double predicted, double target) {
            return Math.abs(predicted - target);
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class StatelessOptimizer implements OptimizerContract {
        @Override
        public Optimizer optimizer() {
            return new Correct.PlainSgd();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class StatefulOptimizer implements OptimizerContract {
        @Override
        public Optimizer optimizer() {
            return new Correct.Momentum();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class SmoothRegularizer implements RegularizerContract {
        @Override
        public Regularizer regularizer() {
            return new Correct.L2();
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }

    @Nested
    class RegularizerWithAKink implements RegularizerContract {
        @Override
        public Regularizer regularizer() {
            return new Correct.L1();
        }

        @Override
        public List<Double> kinks() {
            return List.of(0.0);
        }

        // Not registered with the lookup: these overrides, without @Test, take the two lookup tests out.
        @Override
        public void specRoundTripsThroughTheLookup() {
        }

        @Override
        public void isDiscoverableByName() {
        }
    }
}
