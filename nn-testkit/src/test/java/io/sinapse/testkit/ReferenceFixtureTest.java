package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFixtureTest {

    private static ReferenceFixture parse(String text) {
        return ReferenceFixture.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTensorsBySubjectAndNameSkippingComments() {
        ReferenceFixture fixture = parse("# made by hand\n\nrelu z 2 2 -1 0 0.5 1e-3\nrelu out 1 2 0 0.5\n"
                + "leaky_relu(alpha=0.2) z 1 1 -2.0\n");
        assertEquals(List.of("relu", "leaky_relu(alpha=0.2)"), List.copyOf(fixture.subjects()));
        ReferenceFixture.Tensor z = fixture.tensor("relu", "z");
        assertEquals(2, z.rows());
        assertEquals(2, z.cols());
        assertArrayEquals(new double[] {-1, 0, 0.5, 0.001}, z.values());
        assertArrayEquals(new double[] {-2.0}, fixture.tensor("leaky_relu(alpha=0.2)", "z").values());
    }

    @Test
    void lineWithTheWrongNumberOfValuesIsRejectedNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("# header\nrelu z 2 2 1 2 3\n"));
        assertEquals("Fixture line 2: relu z is 2×2 but has 3 values", e.getMessage());
    }

    @Test
    void missingSubjectIsReportedWithWhatThereIs() {
        ReferenceFixture fixture = parse("relu z 1 1 0\n");
        assertFailsSaying(() -> fixture.tensor("tanh", "z"), "no subject 'tanh'", "[relu]");
        assertFailsSaying(() -> fixture.tensor("relu", "out"), "no tensor 'out'", "[z]");
    }

    @Test
    void comparisonFailsBeyondAFewUnitsInTheLastPlace() {
        ReferenceFixture.Tensor expected = new ReferenceFixture.Tensor(1, 2, new double[] {1.0, 0.0});
        ReferenceFixture.assertMatches("close", new double[] {1.0 + 4e-16, 1e-16}, expected);
        assertFailsSaying(() -> ReferenceFixture.assertMatches("sigmoid out", new double[] {1.0 + 1e-9, 0}, expected),
                "sigmoid out (double path) differs from the reference at index 0 of 2", "expected 1.0");
        assertFailsSaying(() -> ReferenceFixture.assertMatches("mse value", 0.5 + 1e-9, 0.5),
                "mse value differs from the reference: expected 0.5");
    }
}
