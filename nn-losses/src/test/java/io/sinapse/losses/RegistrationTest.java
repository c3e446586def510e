package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Loss;
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

/** Module-path and class-path users find the same five losses. */
class RegistrationTest {

    private static final Set<String> NAMES = Set.of("mse", "mae", "huber", "binary_cross_entropy", "cross_entropy");

    @Test
    void theLookupFindsEveryLoss() {
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(Plugins.load().names(Loss.class)));
    }

    @Test
    void servicesFileListsTheSameClassesAsModuleInfo() throws IOException {
        Module module = CrossEntropy.class.getModule();
        assertTrue(module.isNamed(), "the tests run on the module path");
        ModuleDescriptor.Provides provides = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(Loss.class.getName())).findFirst().orElseThrow();
        Set<String> fromServicesFile;
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + Loss.class.getName());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            fromServicesFile = reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(provides.providers()), fromServicesFile,
                "META-INF/services/io.sinapse.api.Loss must list what module-info provides");
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
