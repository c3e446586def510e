package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.PluginChecks;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Module-path and class-path users find the same seven activations. */
class RegistrationTest {

    private static final Set<String> NAMES =
            Set.of("threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax");

    @Test
    void theLookupFindsEveryActivationOfTheCourse() {
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(Plugins.load().names(Activation.class)));
    }

    @Test
    void servicesFileListsTheSameClassesAsModuleInfo() {
        PluginChecks.registeredBothWays(Activation.class, Softmax.class);
    }

    @Test
    void exportsNothing() {
        assertEquals(Set.of(), Softmax.class.getModule().getDescriptor().exports(),
                "providers are reached by name through the lookup");
    }

    @Test
    void fixtureCoversEveryActivation() {
        List<String> missing = NAMES.stream().filter(name -> !PyTorchFixture.FIXTURE.subjects().contains(name))
                .sorted().toList();
        assertEquals(List.of(), missing, "activations without PyTorch reference values");
    }
}
