package io.sinapse.core;

import java.util.Arrays;

/**
 * Decides, step by step, whether a training step shares its work with the helper threads or runs alone on the
 * training thread. Sharing is the rule. But on a shared host the two vCPUs are sometimes slow together (as when they
 * land on one physical core): two-thread Fashion-MNIST epochs then took 0.71–0.87 s against their usual 0.40–0.51,
 * while one thread kept its 0.60–0.66. So a window of steps is tried alone now and then, and whenever shared windows
 * run much slower than the best one seen; training stays alone while that is faster, and tries sharing again after
 * a pause. Steps give the same bits on any number of threads, so the choice changes no result, only the time.
 *
 * <p>Windows are compared by their median step, so an odd slow step (a collection, an interrupt) does not count.
 * Only {@value #SLOW_WINDOWS} slow windows in a row bring a trial, and a trial alone that wins is confirmed by one
 * more shared window before training goes alone: after an evaluation the JIT may recompile the product dispatch, and
 * a few windows then run about twice as slow. During the first {@value #WARM_UP} steps one step in eight runs alone
 * and nothing is measured: C2 then compiles both ways while it compiles the rest, and neither is new to it later.
 * (Taken first in mid-training, the way alone cost a recompilation each time: calm epochs ran ~5% slower.)
 */
class ThreadChoice {

    /** Steps per window. */
    static final int WINDOW = 16;
    /** Shared windows this many times slower than the best one, {@value #SLOW_WINDOWS} in a row, bring a trial. */
    static final double SLOW = 1.25;
    static final int SLOW_WINDOWS = 3;
    /** A trial wins when its median is below this fraction of the window it is compared with. */
    static final double GAIN = 0.9;
    /**
     * Steps alone before sharing is tried again: {@value #PAUSE} at first, so a short spell costs little; twice as
     * many after each trial of sharing that lost, up to {@value #LONGEST_PAUSE}, so a long one is seldom interrupted.
     */
    static final int PAUSE = 32;
    static final int LONGEST_PAUSE = 512;
    /**
     * Shared windows between trials alone that no slowdown brought (2,048 steps, about four Fashion-MNIST epochs;
     * the first comes right after the warm-up): a spell that began before training leaves no faster shared window
     * to compare with.
     */
    static final int TRIAL_EVERY = 128;
    /** Steps at the start that are not measured (a first Fashion-MNIST epoch has 469). */
    static final int WARM_UP = 512;

    private enum Phase { SHARED, TRIAL_ALONE, CONFIRM_SHARED, ALONE, TRIAL_SHARED }

    private final long[] window = new long[WINDOW];
    private final long[] sorted = new long[WINDOW];
    private int filled;
    private Phase phase = Phase.SHARED;
    private boolean warmingUp = true;
    /** Steps still to go before the next window is measured. */
    private int pause = WARM_UP;
    private int pauseAlone = PAUSE;
    private int untilTrial = 1;
    /** The median of the window a trial is compared with. */
    private long before;
    /** The fastest shared window's median, or, after a trial alone lost, the shared pace that trial met. */
    private long bestShared = Long.MAX_VALUE;
    private int slowWindows;

    /** Whether the next step runs alone. */
    boolean alone() {
        if (warmingUp) {
            return pause > 0 && pause % 8 == 0;
        }
        return phase == Phase.ALONE || phase == Phase.TRIAL_ALONE;
    }

    /** Counts one full step of {@code nanos}, taken the way {@link #alone} said. */
    void record(long nanos) {
        if (pause > 0) {
            pause--;
            return;
        }
        warmingUp = false;
        window[filled++] = nanos;
        if (filled < WINDOW) {
            return;
        }
        filled = 0;
        long median = median();
        switch (phase) {
            case SHARED -> {
                bestShared = Math.min(bestShared, median);
                slowWindows = median > bestShared * SLOW ? slowWindows + 1 : 0;
                if (slowWindows == SLOW_WINDOWS || --untilTrial <= 0) {
                    slowWindows = 0;
                    untilTrial = TRIAL_EVERY;
                    trial(Phase.TRIAL_ALONE, median);
                }
            }
            case TRIAL_ALONE -> {
                if (median < before * GAIN) {
                    trial(Phase.CONFIRM_SHARED, median); // one slow shared window may have been a passing one
                } else {
                    phase = Phase.SHARED;
                    bestShared = before; // the pace to beat now
                }
            }
            case CONFIRM_SHARED -> {
                if (before < median * GAIN) {
                    phase = Phase.ALONE;
                    pauseAlone = PAUSE;
                    pause = PAUSE;
                } else {
                    phase = Phase.SHARED;
                    bestShared = Math.min(bestShared, median);
                }
            }
            case ALONE -> trial(Phase.TRIAL_SHARED, median);
            case TRIAL_SHARED -> {
                if (median < before * GAIN) {
                    phase = Phase.SHARED;
                    bestShared = Math.min(bestShared, median);
                } else {
                    phase = Phase.ALONE;
                    pauseAlone = Math.min(2 * pauseAlone, LONGEST_PAUSE);
                    pause = pauseAlone;
                }
            }
        }
    }

    private void trial(Phase next, long median) {
        phase = next;
        before = median;
    }

    private long median() {
        System.arraycopy(window, 0, sorted, 0, WINDOW);
        Arrays.sort(sorted);
        return sorted[WINDOW / 2];
    }
}
