package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.function.LongBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ThreadChoice} against simulated step times: steady sharing, a spell that slows only shared steps (from the
 * start, or for a while), passing slowdowns, and sharing that slows but still beats going alone.
 */
class ThreadChoiceTest {

    private static final int W = ThreadChoice.WINDOW;
    /** The first step of the window after the warm-up's and the trial alone that follows it. */
    private static final int SETTLED = ThreadChoice.WARM_UP + 2 * W;

    /**
     * Runs {@code steps} steps, step s taking {@code time.applyAsLong(s, alone ? 1 : 0)} nanoseconds, and returns
     * for each step whether it ran alone.
     */
    private static boolean[] run(int steps, LongBinaryOperator time) {
        ThreadChoice choice = new ThreadChoice();
        boolean[] alone = new boolean[steps];
        for (int s = 0; s < steps; s++) {
            alone[s] = choice.alone();
            choice.record(time.applyAsLong(s, alone[s] ? 1 : 0));
        }
        return alone;
    }

    private static int count(boolean[] alone, int from, int to) {
        int n = 0;
        for (int s = from; s < to; s++) {
            n += alone[s] ? 1 : 0;
        }
        return n;
    }

    @Test
    void theWarmUpRunsOneStepInEightAloneAndThenAWindowIsTriedAlone() {
        boolean[] alone = run(SETTLED, (s, a) -> a == 1 ? 620_000 : 400_000);
        assertEquals(ThreadChoice.WARM_UP / 8, count(alone, 0, ThreadChoice.WARM_UP));
        assertEquals(0, count(alone, ThreadChoice.WARM_UP, ThreadChoice.WARM_UP + W), "a shared window first");
        assertEquals(W, count(alone, ThreadChoice.WARM_UP + W, SETTLED), "then one alone");
    }

    @Test
    void steadySharingIsTriedAloneOnlyEveryFewThousandSteps() {
        int steps = 6_000;
        // Noisy but calm: shared steps of 380-480 µs, an odd step of 5 ms (a collection) now and then.
        boolean[] alone = run(steps, (s, a) -> a == 1 ? 620_000
                : s % 97 == 0 ? 5_000_000 : 380_000 + (s * 7919 % 100) * 1_000);
        int trials = (steps - SETTLED) / ((ThreadChoice.TRIAL_EVERY + 1) * W); // each after 128 shared windows
        assertEquals(trials * W, count(alone, SETTLED, steps), trials + " trials alone of a window each");
    }

    @Test
    void aSpellThatSlowsOnlySharedStepsSendsTheStepsAloneUntilItEnds() {
        int spell = 1_000;
        int end = 3_000;
        // Shared 400 µs, alone 620 µs; from step 1,000 to 3,000 shared steps take 800 µs.
        boolean[] alone = run(4_000, (s, a) -> a == 1 ? 620_000 : s >= spell && s < end ? 800_000 : 400_000);
        assertEquals(0, count(alone, SETTLED, spell), "before the spell");
        int from = spell + (ThreadChoice.SLOW_WINDOWS + 3) * W;
        int during = count(alone, from, end);
        assertTrue(during > (end - from) * 0.85, during + " of " + (end - from) + " steps in the spell alone");
        int after = end + ThreadChoice.LONGEST_PAUSE + 3 * W;
        assertEquals(0, count(alone, after, alone.length), "shared again once a trial finds the spell over");
    }

    @Test
    void aSpellThatBeganBeforeTrainingIsFoundByTheFirstTrial() {
        // Shared steps 800 µs from the start, alone 620 µs: no faster shared window ever to compare with.
        boolean[] alone = run(3_000, (s, a) -> a == 1 ? 620_000 : 800_000);
        int during = count(alone, SETTLED + W, alone.length);
        assertTrue(during > (alone.length - SETTLED - W) * 0.85, during + " steps alone");
    }

    @Test
    void twoSlowSharedWindowsBringNoTrial() {
        // Shared 400 µs but two windows of 1,000 µs (say, the JIT recompiling after an evaluation); alone 620 µs.
        int from = ThreadChoice.WARM_UP + 30 * W; // windows start there
        boolean[] alone = run(2_500, (s, a) -> a == 1 ? 620_000 : s >= from && s < from + 2 * W ? 1_000_000 : 400_000);
        assertEquals(0, count(alone, SETTLED, alone.length));
    }

    @Test
    void aTrialAloneThatWinsIsConfirmedBeforeTheStepsGoAlone() {
        // Shared 400 µs but three windows of 1,000 µs; alone 620 µs: the trial wins, sharing is fast again.
        int from = ThreadChoice.WARM_UP + 30 * W;
        boolean[] alone = run(2_500, (s, a) -> a == 1 ? 620_000 : s >= from && s < from + 3 * W ? 1_000_000 : 400_000);
        assertEquals(W, count(alone, SETTLED, alone.length), "one window tried alone, then no more");
    }

    @Test
    void sharingSlowerThanBeforeButFasterThanAloneStaysShared() {
        // Shared steps slow from 400 to 600 µs for good; alone they take 1,000 µs.
        boolean[] alone = run(2_500, (s, a) -> a == 1 ? 1_000_000 : s >= 1_000 ? 600_000 : 400_000);
        assertEquals(W, count(alone, SETTLED, alone.length), "one window tried alone, then no more");
    }
}
