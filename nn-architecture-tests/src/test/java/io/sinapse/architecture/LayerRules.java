package io.sinapse.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of Sinapse, as rules: API ← math core ← implementations ← app. JPMS already refuses what a module
 * does not require; these add what it cannot say (no reaching sideways, no cycles, java.* only for the API).
 */
final class LayerRules {

    static final String API = "io.sinapse.api..";
    static final String CORE = "io.sinapse.core..";
    static final String APP = "io.sinapse.app..";
    static final String[] IMPLEMENTATIONS = {
            "io.sinapse.activations..", "io.sinapse.losses..", "io.sinapse.optimizers..",
            "io.sinapse.regularization..", "io.sinapse.data..", "io.sinapse.persistence..", "io.sinapse.playground.."};

    private LayerRules() {
    }

    static final ArchRule API_USES_ONLY_JAVA = classes().that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API)
            .because("nn-api is the contract every plug-in compiles against: java.base only");

    static final ArchRule CORE_USES_ONLY_API_AND_SLF4J = classes().that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API, CORE, "org.slf4j..", "jdk.incubator.vector..")
            .because("the core finds implementations through the SPI lookup, never by importing them");

    static final ArchRule NOTHING_DEPENDS_ON_APP = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the app is the top layer");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.sinapse.(*)..").should().beFreeOfCycles();

    /** An implementation module may use the API (and the core) but never another implementation module. */
    static ArchRule implementationStaysInItsLane(String own) {
        String[] others = java.util.Arrays.stream(IMPLEMENTATIONS).filter(p -> !p.equals(own)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("implementation modules are independent of each other");
    }

    /** What an implementation module may depend on at all. */
    static ArchRule implementationUsesOnlyLowerLayers(String own, String... libraries) {
        String[] allowed = new String[4 + libraries.length];
        allowed[0] = "java..";
        allowed[1] = API;
        allowed[2] = CORE;
        allowed[3] = own;
        System.arraycopy(libraries, 0, allowed, 4, libraries.length);
        return classes().that().resideInAPackage(own).should().onlyDependOnClassesThat().resideInAnyPackage(allowed);
    }
}
