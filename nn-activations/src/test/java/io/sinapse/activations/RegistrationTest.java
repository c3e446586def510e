package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
    void servicesFileListsTheSameClassesAsModuleInfo() throws IOException {
        Module module = Softmax.class.getModule();
        assertTrue(module.isNamed(), "the tests run on the module path");
        ModuleDescriptor.Provides provides = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(Activation.class.getName())).findFirst().orElseThrow();
        Set<String> fromServicesFile;
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + Activation.class.getName());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            fromServicesFile = reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(provides.providers()), fromServicesFile,
                "META-INF/services/io.sinapse.api.Activation must list what module-info provides");
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
