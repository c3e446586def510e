package io.sinapse.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a check fails, and that its message says what it should. */
final class Failures {

    private Failures() {
    }

    /** Runs {@code check}, expects an {@link AssertionError}, and requires each fragment in its message. */
    static String assertFailsSaying(Executable check, String... fragments) {
        AssertionError error = assertThrows(AssertionError.class, check,
                "the check passed, but the plug-in is wrong and it should have failed");
        String message = error.getMessage();
        for (String fragment : fragments) {
            if (message == null || !message.contains(fragment)) {
                fail("the check failed as it should, but its message lacks '" + fragment + "':\n" + message);
            }
        }
        return message;
    }
}
