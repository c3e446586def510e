package io.sinapse.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest {

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "train", "eval", "predict", "plugins"}) {
            Run run = Run.nn(command, "--help");
            assertEquals(0, run.status(), run.transcript());
            assertTrue(run.out().contains("Usage: nn " + command), run.transcript());
            assertTrue(run.out().contains("--plugin-path"), run.transcript());
        }
        Run root = Run.nn("--help");
        assertEquals(0, root.status(), root.transcript());
        for (String command : new String[]{"demo", "train", "eval", "predict", "plugins"}) {
            assertTrue(root.out().contains("  " + command), command + "\n" + root.transcript());
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesIt() {
        Run run = Run.nn("plugins", "--colour");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Unknown option: '--colour'"), run.transcript());
        assertTrue(run.err().contains("nn plugins --help"), run.transcript());
    }

    @Test
    void aMisspelledCommandGetsASuggestion() {
        Run run = Run.nn("plugin");
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Did you mean: nn plugins"), run.transcript());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = Run.nn();
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("Missing a command"), run.transcript());
    }

    @Test
    void versionNamesSinapseAndJava() {
        Run run = Run.nn("--version");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().startsWith("Sinapse "), run.transcript());
        assertTrue(run.out().contains("Java " + Runtime.version().feature()), run.transcript());
    }

    @Test
    void helpCommandShowsACommandsOptions() {
        Run run = Run.nn("help", "train");
        assertEquals(0, run.status(), run.transcript());
        for (String option : new String[]{"--dropout=P", "--early-stopping=PATIENCE", "--layers", "--validation"}) {
            assertTrue(run.out().contains(option), option + "\n" + run.transcript());
        }
    }

    @Test
    void badValuesAreUsageErrorsOnEveryCommand() {
        String[][] cases = {
            {"demo", "--seed", "seven"},
            {"demo", "xor", "perceptron"},
            {"predict", "--data", "x.csv"},
            {"eval", "--model", "m.sinapse"},
            {"plugins", "extra"},
            {"train", "--data", "builtin:moons", "--epochs", "-1"},
        };
        for (String[] args : cases) {
            Run run = Run.nn(args);
            assertEquals(2, run.status(), String.join(" ", args) + "\n" + run.transcript());
            assertTrue(run.err().contains("nn " + args[0] + ": ") && run.err().contains("nn " + args[0] + " --help"),
                    "names the command and where its options are\n" + run.transcript());
        }
    }
}
