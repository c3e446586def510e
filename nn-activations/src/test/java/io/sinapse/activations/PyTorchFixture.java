package io.sinapse.activations;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.ReferenceFixture;
import io.sinapse.testkit.ReferenceFixture.Tensor;
import io.sinapse.testkit.Samples;

/** The PyTorch reference values in fixtures/activations.txt (see make_fixtures.py next to it). */
final class PyTorchFixture {

    static final ReferenceFixture FIXTURE =
            ReferenceFixture.parse(PyTorchFixture.class.getResourceAsStream("/fixtures/activations.txt"));

    private PyTorchFixture() {
    }

    /**
     * The activation the lookup gives for {@code spec} reproduces PyTorch's out = f(z) and, where the fixture has
     * it, grad_z = backward(grad_out), on both paths.
     */
    static void assertMatches(String spec) {
        Activation activation = Plugins.load().activation(spec);
        Tensor z = FIXTURE.tensor(spec, "z");
        int rows = z.rows();
        int cols = z.cols();
        int n = rows * cols;

        double[] out = new double[n];
        activation.forward(z.values(), out, rows, cols);
        ReferenceFixture.assertMatches(spec + " forward", out, FIXTURE.tensor(spec, "out"));
        float[] outFloat = new float[n];
        activation.forward(Samples.toFloat(z.values()), outFloat, rows, cols);
        ReferenceFixture.assertMatches(spec + " forward", outFloat, FIXTURE.tensor(spec, "out"));

        if (FIXTURE.has(spec, "grad_z")) {
            double[] gradOut = FIXTURE.tensor(spec, "grad_out").values();
            double[] gradZ = new double[n];
            activation.backward(z.values(), out, gradOut, gradZ, rows, cols);
            ReferenceFixture.assertMatches(spec + " backward", gradZ, FIXTURE.tensor(spec, "grad_z"));
            float[] gradZFloat = new float[n];
            activation.backward(Samples.toFloat(z.values()), outFloat, Samples.toFloat(gradOut), gradZFloat,
                    rows, cols);
            ReferenceFixture.assertMatches(spec + " backward", gradZFloat, FIXTURE.tensor(spec, "grad_z"));
        }
    }
}
