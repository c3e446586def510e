package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.PluginChecks;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Module-path and class-path users find the same five losses. */
class RegistrationTest {

    private static final Set<String> NAMES = Set.of("mse", "mae", "huber", "binary_cross_entropy", "cross_entropy");

    @Test
    void theLookupFindsEveryLoss() {
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(Plugins.load().names(Loss.class)));
    }

    @Test
    void servicesFileListsTheSameClassesAsModuleInfo() {
        PluginChecks.registeredBothWays(Loss.class, CrossEntropy.class);
    }

    @Test
    void exportsNothing() {
        assertEquals(Set.of(), CrossEntropy.class.getModule().getDescriptor().exports(),
                "providers are reached by name through the lookup");
    }

    @Test
    void fixtureCoversEveryLoss() {
        List<String> missing = NAMES.stream().filter(name -> !PyTorchFixture.FIXTURE.subjects().contains(name))
                .sorted().toList();
        assertEquals(List.of(), missing, "losses without PyTorch reference values");
    }
}
