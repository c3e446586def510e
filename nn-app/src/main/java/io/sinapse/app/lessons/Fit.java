package io.sinapse.app.lessons;

import io.sinapse.core.Dataset;
import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.core.TrainingControl;
import io.sinapse.core.TrainingListener;

import java.util.ArrayList;
import java.util.List;

/** Training as the lessons do it: the context's plug-ins and seed, and runs that may blow up. */
final class Fit {

    /**
     * What a training run did: the training loss of every epoch it finished, and, when the loss became NaN or
     * infinite (the learning rate is too high), the trainer's message about it.
     */
    record Outcome(double[] losses, History history, String failure) {

        boolean diverged() {
            return failure != null;
        }

        /** The last epoch's loss; NaN when it diverged. */
        double finalLoss() {
            return diverged() || losses.length == 0 ? Double.NaN : losses[losses.length - 1];
        }

        /** The epochs finished (the last of them the one that blew up, when it diverged). */
        int epochs() {
            return losses.length;
        }
    }

    private Fit() {
    }

    static Network.Builder network(Lesson.Context c, int inputs) {
        return Network.builder(inputs).plugins(c.plugins()).seed(c.seed());
    }

    static Trainer.Builder trainer(Lesson.Context c, String loss, String optimizer, int epochs, int batchSize) {
        return Trainer.builder().plugins(c.plugins()).loss(loss).optimizer(optimizer).epochs(epochs)
                .batchSize(batchSize).seed(c.seed());
    }

    /** Trains; a loss that becomes NaN or infinite ends the run as an outcome rather than an error. */
    static Outcome run(Trainer.Builder trainer, Network network, Dataset data) {
        List<Double> seen = new ArrayList<>();
        trainer.listener(new TrainingListener() {
            @Override
            public void onEpochEnd(Epoch epoch, TrainingControl control) {
                seen.add(epoch.loss());
            }
        });
        try {
            History history = trainer.build().fit(network, data);
            return new Outcome(history.losses(), history, null);
        } catch (IllegalStateException e) {
            seen.add(Double.NaN);
            return new Outcome(seen.stream().mapToDouble(Double::doubleValue).toArray(), null, e.getMessage());
        }
    }
}
