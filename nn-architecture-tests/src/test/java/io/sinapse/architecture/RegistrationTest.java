package io.sinapse.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sinapse.api.Plugins;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every concrete class that implements an SPI is registered twice over: in its module-info ({@code provides}, for
 * module-path users) and in META-INF/services (for class-path users, which this test module is).
 */
class RegistrationTest {

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sinapse");

    @Test
    void everySpiImplementationIsRegistered() throws Exception {
        for (Class<?> kind : Plugins.KINDS) {
            Set<String> scanned = new TreeSet<>();
            for (JavaClass c : production.get(kind).getAllSubclasses()) {
                if (!c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT)) {
                    scanned.add(c.getName());
                }
            }
            assertFalse(scanned.isEmpty(), "found no " + kind.getSimpleName() + " implementations to check");

            Set<String> inServiceFiles = new TreeSet<>();
            ServiceLoader.load(kind).stream().forEach(p -> inServiceFiles.add(p.type().getName()));
            assertEquals(scanned, inServiceFiles, kind.getSimpleName()
                    + " implementations found by scanning vs listed in META-INF/services/" + kind.getName());

            Set<String> provided = new TreeSet<>();
            for (String name : scanned) {
                Path location = Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI());
                for (ModuleReference module : ModuleFinder.of(location).findAll()) {
                    for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
                        if (provides.service().equals(kind.getName())) {
                            provided.addAll(provides.providers());
                        }
                    }
                }
            }
            assertEquals(scanned, provided, kind.getSimpleName()
                    + " implementations found by scanning vs declared with 'provides' in module-info");
        }
    }
}
