package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Parameters;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.PluginChecks;
import io.sinapse.api.Regularizer;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The regularizers as users reach them: by name through {@link Plugins}. */
class RegularizerLookupTest {

    private final Plugins plugins = Plugins.load();

    @Test
    void l1WithALambda() {
        Regularizer l1 = plugins.regularizer("l1(lambda=0.5)");
        assertInstanceOf(L1.class, l1, "l1(lambda=0.5)");
        assertEquals(Parameters.of("lambda", 0.5), l1.parameters(), "parameters");
        assertEquals(1.5, l1.penalty(new double[] {1, -2, 0}, 3), 1e-15, "penalty of the configured l1");
    }

    @Test
    void elasticNetWithARatioKeepsTheDefaultLambda() {
        Regularizer net = plugins.regularizer("elastic_net(l1_ratio=0.8)");
        assertEquals("elastic_net(lambda=0.01, l1_ratio=0.8)", net.spec(), "spec");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            l1          | l1(lambda=0.01)
            l2          | l2(lambda=0.01)
            elastic_net | elastic_net(lambda=0.01, l1_ratio=0.5)
            """)
    void defaults(String name, String spec) {
        Regularizer regularizer = plugins.regularizer(name);
        assertEquals(name, regularizer.name(), "name");
        assertEquals(spec, regularizer.spec(), "the defaults of " + name);
        assertEquals(regularizer, plugins.regularizer(spec), "looking up the spec gives an equal regularizer");
    }

    @Test
    void unknownParameterNamesTheAcceptedOnes() {
        var e = assertThrows(PluginException.class, () -> plugins.regularizer("l2(alpha=0.1)"));
        assertEquals("Unknown parameter 'alpha' for regularizer 'l2'. Accepted (with defaults): lambda=0.01.",
                e.getMessage());
    }

    @Test
    void unknownNameListsTheAvailableRegularizers() {
        var e = assertThrows(PluginException.class, () -> plugins.regularizer("l3"));
        assertTrue(e.getMessage().startsWith("Unknown regularizer 'l3'. Available: "), e.getMessage());
        for (String name : new String[] {"elastic_net", "l1", "l2"}) {
            assertTrue(e.getMessage().contains(name), "the message should list " + name + ": " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            l1(lambda=-0.1)               | lambda must be >= 0, got -0.1
            l2(lambda=-1)                 | lambda must be >= 0, got -1
            elastic_net(lambda=-0.01)     | lambda must be >= 0, got -0.01
            elastic_net(l1_ratio=1.5)     | l1_ratio must be in [0, 1] (1 is l1, 0 is l2), got 1.5
            elastic_net(l1_ratio=-0.5)    | l1_ratio must be in [0, 1] (1 is l1, 0 is l2), got -0.5
            """)
    void outOfRangeValueGivesTheReason(String spec, String reason) {
        var e = assertThrows(PluginException.class, () -> plugins.regularizer(spec));
        assertEquals("Bad parameters for regularizer '" + spec + "': " + reason, e.getMessage());
    }

    @Test
    void zeroLambdaTurnsThePenaltyOff() {
        Regularizer off = plugins.regularizer("l2(lambda=0)");
        assertEquals(0.0, off.penalty(new double[] {3, -4}, 2), "penalty");
        double[] grads = {1, 1};
        off.addGradient(new double[] {3, -4}, grads, 2);
        assertEquals(1.0, grads[0], "gradient unchanged");
    }

    @Test
    void withParametersRefusesUnknownOnes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new L1().withParameters(Parameters.of("l1_ratio", 1)));
        assertEquals("unknown parameter 'l1_ratio' for l1; it takes lambda=0.01", e.getMessage());
    }

    @Test
    void everyRegularizerClassInThisModuleIsRegisteredBothWays() {
        PluginChecks.registeredBothWays(Regularizer.class, L1.class);

        ModuleDescriptor descriptor = L1.class.getModule().getDescriptor();
        Set<String> provided = descriptor.provides().stream()
                .filter(p -> p.service().equals(Regularizer.class.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(3, provided.size(), "regularizer classes provided: " + provided);
        Set<String> found = plugins.available(Regularizer.class).stream()
                .map(o -> o.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, found, "what the lookup finds");
        assertTrue(descriptor.exports().isEmpty(), "the module exports nothing, got " + descriptor.exports());
    }
}
