package io.sinapse.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.sinapse.activations.badfixture.ActivationReachingIntoLosses;
import io.sinapse.api.badfixture.ApiUsingCore;
import io.sinapse.api.badfixture.CycleBack;
import io.sinapse.core.badfixture.CoreUsingApi;
import io.sinapse.losses.badfixture.LossUsingApp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule, run on a small deliberately bad class set, reports the violation: the rules can fail. */
class RulesCatchViolationsTest {

    private static JavaClasses fixtures(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void assertViolation(EvaluationResult result, String expectedText) {
        assertTrue(result.hasViolation(), "expected a violation mentioning " + expectedText);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(expectedText), "report should mention " + expectedText + ":\n" + report);
    }

    @Test
    void apiRuleCatchesAnApiClassUsingTheCore() {
        assertViolation(LayerRules.API_USES_ONLY_JAVA.evaluate(fixtures(ApiUsingCore.class)), "io.sinapse.core.Dense");
    }

    @Test
    void laneRuleCatchesAnActivationUsingALoss() {
        assertViolation(LayerRules.implementationStaysInItsLane("io.sinapse.activations..")
                .evaluate(fixtures(ActivationReachingIntoLosses.class)), "io.sinapse.losses");
    }

    @Test
    void appRuleCatchesALossUsingTheApp() {
        assertViolation(LayerRules.NOTHING_DEPENDS_ON_APP.evaluate(fixtures(LossUsingApp.class)), "io.sinapse.app");
    }

    @Test
    void cycleRuleCatchesACycle() {
        assertViolation(LayerRules.NO_PACKAGE_CYCLES.evaluate(fixtures(ApiUsingCore.class, CycleBack.class, CoreUsingApi.class)),
                "Cycle");
    }
}
