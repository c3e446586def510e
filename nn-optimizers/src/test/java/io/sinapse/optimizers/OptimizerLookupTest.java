package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.PluginChecks;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optimizers as users reach them: by name through {@link Plugins}. */
class OptimizerLookupTest {

    private final Plugins plugins = Plugins.load();

    @Test
    void adamWithALearningRateKeepsTheDefaultBetas() {
        Optimizer adam = plugins.optimizer("adam(lr=0.01)");
        assertInstanceOf(Adam.class, adam, "adam(lr=0.01)");
        assertEquals(0.01, adam.learningRate(), "lr");
        assertEquals(Parameters.of("lr", 0.01).and("beta1", 0.9).and("beta2", 0.999).and("eps", 1e-8),
                adam.parameters(), "parameters");
        assertEquals("adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1.0E-8)", adam.spec(), "spec");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sgd      | sgd(lr=0.01)
            momentum | momentum(lr=0.01, momentum=0.9)
            nesterov | nesterov(lr=0.01, momentum=0.9)
            rmsprop  | rmsprop(lr=0.01, alpha=0.99, eps=1.0E-8)
            adagrad  | adagrad(lr=0.01, eps=1.0E-10)
            adam     | adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)
            adamw    | adamw(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weight_decay=0.01)
            """)
    void defaults(String name, String spec) {
        Optimizer optimizer = plugins.optimizer(name);
        assertEquals(name, optimizer.name(), "name");
        assertEquals(spec, optimizer.spec(), "the defaults of " + name);
        assertEquals(optimizer.parameters().get("lr"), optimizer.learningRate(), "learningRate() is lr");
    }

    @Test
    void specOfAConfiguredOptimizerLooksUpAnEqualOne() {
        for (Optimizer optimizer : plugins.available(Optimizer.class)) {
            Optimizer configured = optimizer.withParameters(Parameters.of("lr", 0.125));
            assertEquals(configured, plugins.optimizer(configured.spec()), configured.spec());
        }
    }

    @Test
    void unknownParameterNamesTheAcceptedOnes() {
        var e = assertThrows(PluginException.class, () -> plugins.optimizer("adam(gamma=0.5)"));
        assertEquals("Unknown parameter 'gamma' for optimizer 'adam'. Accepted (with defaults): lr=0.001, beta1=0.9,"
                + " beta2=0.999, eps=1.0E-8.", e.getMessage());
    }

    @Test
    void unknownNameListsTheAvailableOptimizers() {
        var e = assertThrows(PluginException.class, () -> plugins.optimizer("adamx"));
        assertTrue(e.getMessage().startsWith("Unknown optimizer 'adamx'. Available: "), e.getMessage());
        for (String name : new String[] {"sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw"}) {
            assertTrue(e.getMessage().contains(name), "the message should list " + name + ": " + e.getMessage());
        }
    }

    @Test
    void nonNumericValueIsRefused() {
        var e = assertThrows(PluginException.class, () -> plugins.optimizer("sgd(lr=fast)"));
        assertEquals("Parameter 'lr' of optimizer 'sgd' must be a number, got 'fast'.", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sgd(lr=0)                     | lr must be > 0, got 0
            sgd(lr=-1)                    | lr must be > 0, got -1
            momentum(momentum=1)          | momentum must be in [0, 1), got 1
            momentum(momentum=-0.1)       | momentum must be in [0, 1), got -0.1
            nesterov(momentum=0)          | momentum must be > 0 for nesterov (with 0 it is sgd), got 0
            rmsprop(alpha=1)              | alpha must be in [0, 1), got 1
            rmsprop(eps=0)                | eps must be > 0, got 0
            adagrad(eps=-1e-10)           | eps must be > 0, got -1.0E-10
            adam(beta1=1)                 | beta1 must be in [0, 1), got 1
            adam(beta2=1.5)               | beta2 must be in [0, 1), got 1.5
            adam(lr=-0.001)               | lr must be > 0, got -0.001
            adamw(weight_decay=-0.01)     | weight_decay must be >= 0, got -0.01
            """)
    void outOfRangeValueGivesTheReason(String spec, String reason) {
        var e = assertThrows(PluginException.class, () -> plugins.optimizer(spec));
        assertEquals("Bad parameters for optimizer '" + spec + "': " + reason, e.getMessage());
    }

    @Test
    void zeroMomentumAndZeroWeightDecayAreAllowed() {
        assertEquals(0.0, plugins.optimizer("momentum(momentum=0)").parameters().get("momentum"), "momentum 0");
        assertEquals(0.0, plugins.optimizer("adamw(weight_decay=0)").parameters().get("weight_decay"), "decay 0");
    }

    @Test
    void withParametersMayChangeSomeAndRefusesUnknownOnes() {
        Optimizer adam = new Adam().withParameters(Parameters.of("beta2", 0.99));
        assertEquals(Parameters.of("lr", 0.001).and("beta1", 0.9).and("beta2", 0.99).and("eps", 1e-8),
                adam.parameters(), "the others keep their values");
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd().withParameters(Parameters.of("momentum", 0.9)));
        assertEquals("unknown parameter 'momentum' for sgd; it takes lr=0.01", e.getMessage());
    }

    @Test
    void everyOptimizerClassInThisModuleIsRegisteredBothWays() {
        PluginChecks.registeredBothWays(Optimizer.class, Adam.class);

        ModuleDescriptor descriptor = Adam.class.getModule().getDescriptor();
        Set<String> provided = descriptor.provides().stream()
                .filter(p -> p.service().equals(Optimizer.class.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(7, provided.size(), "optimizer classes provided: " + provided);
        Set<String> found = plugins.available(Optimizer.class).stream()
                .map(o -> o.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, found, "what the lookup finds");
        assertTrue(descriptor.exports().isEmpty(), "the module exports nothing, got " + descriptor.exports());
    }
}
