package io.sinapse.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer rules hold on the real modules (their main classes, not tests). */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sinapse");
        for (String module : new String[]{"api", "core", "activations", "losses", "optimizers", "regularization", "data",
                "persistence", "playground", "app"}) {
            assertTrue(production.containPackage("io.sinapse." + module),
                    "expected classes of io.sinapse." + module + " on the test class path");
        }
    }

    @Test
    void apiDependsOnJavaOnly() {
        LayerRules.API_USES_ONLY_JAVA.check(production);
    }

    @Test
    void coreDependsOnApiAndSlf4jOnly() {
        LayerRules.CORE_USES_ONLY_API_AND_SLF4J.check(production);
    }

    @Test
    void nothingDependsOnTheApp() {
        LayerRules.NOTHING_DEPENDS_ON_APP.check(production);
    }

    @Test
    void noPackageCycles() {
        LayerRules.NO_PACKAGE_CYCLES.check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.sinapse.activations..", "io.sinapse.losses..", "io.sinapse.optimizers..",
            "io.sinapse.regularization..", "io.sinapse.data..", "io.sinapse.persistence.."})
    void implementationsNeverReachIntoEachOther(String module) {
        LayerRules.implementationStaysInItsLane(module).check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.sinapse.activations..", "io.sinapse.losses..", "io.sinapse.regularization.."})
    void spiImplementationsUseOnlyTheLowerLayers(String module) {
        LayerRules.implementationUsesOnlyLowerLayers(module).check(production);
    }

    /** The optimizers update whole vectors at a time where the JDK's incubating Vector API is there. */
    @Test
    void optimizersUseOnlyTheLowerLayersAndTheVectorApi() {
        LayerRules.implementationUsesOnlyLowerLayers("io.sinapse.optimizers..", "jdk.incubator.vector..")
                .check(production);
    }

    @Test
    void dataUsesOnlyTheLowerLayersAndItsParsers() {
        LayerRules.implementationUsesOnlyLowerLayers("io.sinapse.data..", "org.apache.commons.csv..", "org.slf4j..")
                .check(production);
    }

    @Test
    void persistenceUsesOnlyTheLowerLayersAndJackson() {
        LayerRules.implementationUsesOnlyLowerLayers("io.sinapse.persistence..", "com.fasterxml.jackson..")
                .check(production);
    }

    /**
     * The playground is not in the implementations' lane list: it sits above nn-data, whose datasets it trains on,
     * and below the app. Besides those it uses only the JDK's own HTTP server and SLF4J.
     */
    @Test
    void playgroundUsesOnlyTheLowerLayersTheDatasetsAndTheJdkHttpServer() {
        LayerRules.implementationUsesOnlyLowerLayers("io.sinapse.playground..", "io.sinapse.data..",
                "com.sun.net.httpserver..", "org.slf4j..").check(production);
    }
}
