package io.sinapse.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup's rules, on stand-in providers so each case (clash, broken constructor) can be staged. */
class PluginsTest {

    /** f(z) = scale·z: one parameter with a default and a range. */
    public static final class Scaled extends ElementwiseActivation {
        private final double scale;

        public Scaled() {
            this(1.0);
        }

        private Scaled(double scale) {
            if (scale <= 0) {
                throw new IllegalArgumentException("scale must be > 0, got " + Parameters.format(scale));
            }
            this.scale = scale;
        }

        @Override
        public String name() {
            return "scaled";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("scale", scale);
        }

        @Override
        public Activation withParameters(Parameters values) {
            return new Scaled(values.get("scale"));
        }

        @Override
        public double apply(double z) {
            return scale * z;
        }

        @Override
        public double derivative(double z, double out) {
            return scale;
        }
    }

    /** Another class claiming the name "scaled". */
    public static final class Impostor extends ElementwiseActivation {
        @Override
        public String name() {
            return "scaled";
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double out) {
            return 1;
        }
    }

    public static final class Plain extends ElementwiseActivation {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double out) {
            return 1;
        }
    }

    private record Candidate(Class<? extends Activation> type, Supplier<Activation> factory)
            implements ServiceLoader.Provider<Activation> {
        @Override
        public Activation get() {
            return factory.get();
        }
    }

    private static Plugins activations(Candidate... candidates) {
        return new Plugins(kind -> kind == Activation.class ? Stream.of(candidates) : Stream.empty());
    }

    private static final Plugins TWO = activations(new Candidate(Scaled.class, Scaled::new),
            new Candidate(Plain.class, Plain::new));

    @Test
    void findsByNameWithDefaults() {
        Activation scaled = TWO.activation("scaled");
        assertEquals(1.0, scaled.parameters().get("scale"));
        assertEquals("scaled(scale=1)", scaled.spec());
        assertSame(scaled, TWO.activation(" scaled ( ) "), "no parameters given: the discovered instance");
    }

    @Test
    void configuresByKeyValue() {
        Activation scaled = TWO.activation("scaled(scale=2.5)");
        assertEquals(5.0, ((ElementwiseActivation) scaled).apply(2));
        assertEquals("scaled(scale=2.5)", scaled.spec());
        assertEquals(scaled.spec(), TWO.activation(scaled.spec()).spec(), "a spec asks for an equal provider");
    }

    @Test
    void unknownNameListsTheAvailableOnes() {
        PluginException e = assertThrows(PluginException.class, () -> TWO.activation("relux"));
        assertEquals("Unknown activation 'relux'. Available: plain, scaled. Plug-ins are loaded from --plugin-path.",
                e.getMessage());
    }

    @Test
    void unknownParameterListsTheAcceptedOnes() {
        PluginException e = assertThrows(PluginException.class, () -> TWO.activation("scaled(alpha=2)"));
        assertEquals("Unknown parameter 'alpha' for activation 'scaled'. Accepted (with defaults): scale=1.",
                e.getMessage());
        PluginException none = assertThrows(PluginException.class, () -> TWO.activation("plain(alpha=2)"));
        assertTrue(none.getMessage().endsWith("It takes no parameters."), none.getMessage());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("Parameter 'scale' of activation 'scaled' must be a number, got 'big'.",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=big)")).getMessage());
        assertEquals("Parameter 'scale' of activation 'scaled' must be a finite number, got 'NaN'.",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=NaN)")).getMessage());
        assertEquals("Bad parameters for activation 'scaled(scale=-1)': scale must be > 0, got -1",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=-1)")).getMessage());
        assertTrue(assertThrows(PluginException.class, () -> TWO.activation("scaled(scale)")).getMessage()
                .contains("write key=value"));
        assertTrue(assertThrows(PluginException.class, () -> TWO.activation("scaled(")).getMessage()
                .contains("Cannot read activation 'scaled('"));
    }

    @Test
    void twoProvidersWithOneNameAreRefusedNamingBoth() {
        Plugins clash = activations(new Candidate(Scaled.class, Scaled::new), new Candidate(Impostor.class, Impostor::new));
        PluginException e = assertThrows(PluginException.class, () -> clash.activation("plain"));
        assertTrue(e.getMessage().startsWith("Two activation providers are named 'scaled': "), e.getMessage());
        assertTrue(e.getMessage().contains(Scaled.class.getName()) && e.getMessage().contains(Impostor.class.getName()),
                e.getMessage());
    }

    @Test
    void aProviderThatCannotBeCreatedIsNamedWithTheFix() {
        Plugins broken = activations(new Candidate(Scaled.class, () -> {
            throw new ServiceConfigurationError("no public no-arg constructor", new NoSuchMethodException("<init>()"));
        }));
        PluginException e = assertThrows(PluginException.class, () -> broken.activation("scaled"));
        assertTrue(e.getMessage().contains(Scaled.class.getName())
                && e.getMessage().contains("public no-argument constructor"), e.getMessage());
    }

    @Test
    void listsEachKindSortedByName() {
        List<Activation> available = TWO.available(Activation.class);
        assertEquals(List.of("plain", "scaled"), available.stream().map(Plugin::name).toList());
        assertTrue(TWO.available(Loss.class).isEmpty());
        assertEquals("activation", Plugins.kindName(Activation.class));
    }

    @Test
    void findsProvidersInAModuleLayer() {
        // The empty layer has no providers: an unknown name, and the message still says where plug-ins come from.
        PluginException e = assertThrows(PluginException.class, () -> Plugins.load(ModuleLayer.empty()).loss("mse"));
        assertEquals("Unknown loss 'mse'. Available: none. Plug-ins are loaded from --plugin-path.", e.getMessage());
    }
}
