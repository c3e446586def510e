package com.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Module-path users (module-info's {@code provides}) and class-path users ({@code META-INF/services}) find the same
 * providers. The contracts' {@code isDiscoverableByName} tests check the module path; this keeps the services files
 * from drifting away from it.
 */
class RegistrationTest {

    @Test
    void servicesFilesListWhatModuleInfoProvides() throws IOException {
        Module module = Swish.class.getModule();
        assertTrue(module.isNamed(), "the tests run on the module path");
        for (Class<?> service : List.of(Activation.class, Loss.class)) {
            Set<String> provided = module.getDescriptor().provides().stream()
                    .filter(p -> p.service().equals(service.getName()))
                    .flatMap(p -> p.providers().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(provided, servicesFile(module, service),
                    "META-INF/services/" + service.getName() + " must list what module-info provides");
        }
    }

    @Test
    void exportsNothing() {
        assertEquals(Set.of(), Swish.class.getModule().getDescriptor().exports(),
                "users reach the providers by name, through the lookup");
    }

    @Test
    void requiresOnlyTheSinapseApi() {
        Set<String> requires = Swish.class.getModule().getDescriptor().requires().stream()
                .map(r -> r.name()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("io.sinapse.api", "java.base")), requires);
    }

    private static Set<String> servicesFile(Module module, Class<?> service) throws IOException {
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + service.getName())) {
            if (in == null) {
                return Set.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
