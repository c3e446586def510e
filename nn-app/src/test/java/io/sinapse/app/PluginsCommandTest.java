package io.sinapse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginsCommandTest {

    @TempDir
    Path temp;

    @Test
    void listsTheBuiltInProvidersByKindWithParametersAndModule() {
        Run run = Run.nn("plugins");
        assertEquals(0, run.status(), run.transcript());
        for (String kind : new String[]{"Activations (", "Losses (", "Optimizers (", "Regularizers ("}) {
            assertTrue(run.out().contains(kind), "a section " + kind + "\n" + run.transcript());
        }
        assertTrue(run.out().matches("(?s).*\\n  adam +lr=0\\.001, beta1=0\\.9, beta2=0\\.999, eps=1\\.0E-8 +module io\\.sinapse\\.optimizers\\n.*"),
                "adam with its defaults and module\n" + run.transcript());
        assertTrue(run.out().matches("(?s).*\\n  sgd +lr=0\\.01 +module io\\.sinapse\\.optimizers\\n.*"), run.transcript());
    }

    @Test
    void aPluginJarsActivationIsListedWithItsModuleAndJar() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().matches("(?s).*\\n  cube +— +module org\\.example\\.cube \\(cube\\.jar\\)\\n.*"),
                run.transcript());
        assertTrue(run.out().contains("Plug-in jars loaded: " + plugins.resolve("cube.jar")), run.transcript());
        assertEquals("", run.err(), run.transcript());
    }

    @Test
    void aCorruptJarIsReportedByNameAndTheRestStillWork() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.corrupt(plugins, "broken.jar");
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.err().contains("Plug-in jar " + plugins.resolve("broken.jar") + " was not loaded: "),
                run.transcript());
        assertTrue(run.err().toLowerCase().contains("zip") || run.err().contains("Error reading module"),
                "the reason\n" + run.transcript());
        assertTrue(run.out().contains("  cube "), "the good jar still loads\n" + run.transcript());
        assertTrue(run.out().contains("  adam "), "the built-ins still work\n" + run.transcript());
        assertFalse(run.out().contains("broken.jar was"), run.transcript());
    }

    @Test
    void aProviderThatCannotBeCreatedIsIsolated() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "angry.jar", "org.example.angry", "angry", "return z;",
                "throw new IllegalStateException(\"no mood today\");");
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.err().contains("angry.jar was not loaded") && run.err().contains("no mood today"),
                run.transcript());
        assertTrue(run.out().contains("  cube "), run.transcript());
        assertFalse(run.out().contains("  angry "), run.transcript());
    }

    @Test
    void twoJarsClaimingOneNameKeepTheFirstAndNameTheClash() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "a-cube.jar", "org.example.cube", "cube", "return z * z * z;");
        PluginJars.activation(plugins, "b-cube.jar", "org.example.othercube", "cube", "return z * z * z + 1;");
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.err().contains("b-cube.jar was not loaded") && run.err().contains("Two activation providers"),
                run.transcript());
        assertTrue(run.out().contains("module org.example.cube (a-cube.jar)"), run.transcript());
    }

    @Test
    void aCopyOfSinapsesOwnApiInThePluginFolderIsLeftOutWithAReasonAndThePluginStillWorks() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        PluginJars.apiCopy(plugins);
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.err().contains("nn-api.jar was not loaded: it holds module io.sinapse.api, which Sinapse"
                + " itself already has"), run.transcript());
        assertTrue(run.out().matches("(?s).*\\n  cube +— +module org\\.example\\.cube \\(cube\\.jar\\)\\n.*"),
                "the plug-in is still found\n" + run.transcript());
    }

    @Test
    void aPluginBuiltAgainstAnotherApiIsLeftOutWithBothVersionsAndTheRestStillWork() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        PluginJars.activationBuiltAgainst(plugins, "future.jar", "org.example.future", "future", "9.0.0");
        Run run = Run.nn("plugins", "--plugin-path", plugins.toString());
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.err().contains("Plug-in jar " + plugins.resolve("future.jar") + " was not loaded: The"
                + " activation provider org.example.future.PluginActivation (module org.example.future) was built"
                + " against nn-api 9.0.0, and this is nn-api "), run.transcript());
        assertTrue(run.out().contains("  cube "), "the other plug-in still loads\n" + run.transcript());
        assertTrue(run.out().contains("  relu "), "the built-ins still work\n" + run.transcript());
        assertFalse(run.out().contains("  future "), run.transcript());
    }

    @Test
    void aMissingPluginFolderIsAUsageError() {
        Run run = Run.nn("plugins", "--plugin-path", temp.resolve("nowhere").toString());
        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("nowhere") && run.err().contains("does not exist"), run.transcript());
    }

    @Test
    void pluginsAreUsableByNameThroughTheLookup() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.activation(plugins, "cube.jar", "org.example.cube", "cube", "return z * z * z;");
        var activation = PluginLoader.load(java.util.List.of(plugins)).plugins().activation("cube");
        double[] out = new double[1];
        activation.forward(new double[]{2}, out, 1, 1);
        assertEquals(8.0, out[0]);
    }
}
