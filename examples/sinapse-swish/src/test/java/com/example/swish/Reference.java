package com.example.swish;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.ReferenceFixture;
import io.sinapse.testkit.ReferenceFixture.Tensor;
import io.sinapse.testkit.Samples;

/** The PyTorch values in fixtures/reference.txt (made by make_fixtures.py next to it). */
final class Reference {

    /** Opened by a class of this module: resources of a named module are visible to it alone. */
    static final ReferenceFixture FIXTURE =
            ReferenceFixture.parse(Reference.class.getResourceAsStream("/fixtures/reference.txt"));

    private Reference() {
    }

    /** The activation the lookup gives for {@code spec} reproduces PyTorch's out and grad_z, on both paths. */
    static void assertActivationMatches(String spec) {
        Activation activation = Plugins.load().activation(spec);
        Tensor z = FIXTURE.tensor(spec, "z");
        int rows = z.rows();
        int cols = z.cols();
        int n = rows * cols;
        double[] gradOut = FIXTURE.tensor(spec, "grad_out").values();

        double[] out = new double[n];
        activation.forward(z.values(), out, rows, cols);
        ReferenceFixture.assertMatches(spec + " forward", out, FIXTURE.tensor(spec, "out"));
        double[] gradZ = new double[n];
        activation.backward(z.values(), out, gradOut, gradZ, rows, cols);
        ReferenceFixture.assertMatches(spec + " backward", gradZ, FIXTURE.tensor(spec, "grad_z"));

        float[] outFloat = new float[n];
        activation.forward(Samples.toFloat(z.values()), outFloat, rows, cols);
        ReferenceFixture.assertMatches(spec + " forward", outFloat, FIXTURE.tensor(spec, "out"));
        float[] gradZFloat = new float[n];
        activation.backward(Samples.toFloat(z.values()), outFloat, Samples.toFloat(gradOut), gradZFloat, rows, cols);
        ReferenceFixture.assertMatches(spec + " backward", gradZFloat, FIXTURE.tensor(spec, "grad_z"));
    }

    /** The loss the lookup gives for {@code spec} reproduces PyTorch's value and gradient, on the double path. */
    static void assertLossMatches(String spec) {
        Loss loss = Plugins.load().loss(spec);
        Tensor p = FIXTURE.tensor(spec, "p");
        double[] t = FIXTURE.tensor(spec, "t").values();
        int rows = p.rows();
        int cols = p.cols();
        ReferenceFixture.assertMatches(spec + " value", loss.value(p.values(), t, rows, cols),
                FIXTURE.tensor(spec, "value").values()[0]);
        double[] grad = new double[rows * cols];
        loss.gradient(p.values(), t, grad, rows, cols);
        ReferenceFixture.assertMatches(spec + " gradient", grad, FIXTURE.tensor(spec, "grad"));
    }
}
