package io.sinapse.app;

import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.TrainingControl;
import io.sinapse.core.TrainingListener;

import java.io.PrintWriter;

/**
 * One progress line per epoch, on stderr: rewritten in place ({@code \r}) on a terminal, one plain line each
 * otherwise (logs, pipes, CI), so stdout keeps only the results.
 */
final class ProgressListener implements TrainingListener {

    private final PrintWriter err;
    private final boolean terminal;
    private int maxEpochs;
    private int width;

    ProgressListener(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether this JVM writes to a terminal (and may rewrite a line in place). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public void onTrainingStart(TrainingControl control) {
        maxEpochs = control.maxEpochs();
    }

    @Override
    public void onEpochEnd(Epoch epoch, TrainingControl control) {
        StringBuilder line = new StringBuilder("epoch ").append(epoch.number()).append('/').append(maxEpochs)
                .append("  loss ").append(Num.format(epoch.loss()));
        if (!Double.isNaN(epoch.accuracy())) {
            line.append("  accuracy ").append(Num.percent(epoch.accuracy()));
        }
        if (!Double.isNaN(epoch.validationLoss())) {
            line.append("  validation loss ").append(Num.format(epoch.validationLoss()));
        }
        if (!Double.isNaN(epoch.validationAccuracy())) {
            line.append("  validation accuracy ").append(Num.percent(epoch.validationAccuracy()));
        }
        line.append("  ").append(Num.format(epoch.seconds(), 2)).append(" s");
        if (terminal) {
            String text = line.toString();
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void onTrainingEnd(History history) {
        if (terminal && width > 0) {
            err.println();
        }
        err.flush();
    }
}
