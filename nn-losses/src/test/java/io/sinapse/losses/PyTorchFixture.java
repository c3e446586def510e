package io.sinapse.losses;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.ReferenceFixture;
import io.sinapse.testkit.ReferenceFixture.Tensor;
import io.sinapse.testkit.Samples;

/** The PyTorch reference values in fixtures/losses.txt (see make_fixtures.py next to it). */
final class PyTorchFixture {

    static final ReferenceFixture FIXTURE =
            ReferenceFixture.parse(PyTorchFixture.class.getResourceAsStream("/fixtures/losses.txt"));

    private PyTorchFixture() {
    }

    /** The loss the lookup gives for {@code spec} reproduces PyTorch's value and gradient, on both paths. */
    static void assertMatches(String spec) {
        Loss loss = Plugins.load().loss(spec);
        Tensor predicted = FIXTURE.tensor(spec, "predicted");
        double[] target = FIXTURE.tensor(spec, "target").values();
        Tensor value = FIXTURE.tensor(spec, "value");
        int rows = predicted.rows();
        int cols = predicted.cols();

        ReferenceFixture.assertMatches(spec + " value",
                loss.value(predicted.values(), target, rows, cols), value.values()[0]);
        double[] grad = new double[rows * cols];
        loss.gradient(predicted.values(), target, grad, rows, cols);
        ReferenceFixture.assertMatches(spec + " gradient", grad, FIXTURE.tensor(spec, "grad"));

        float[] p = Samples.toFloat(predicted.values());
        float[] t = Samples.toFloat(target);
        ReferenceFixture.assertMatches(spec + " value", new float[] {(float) loss.value(p, t, rows, cols)}, value);
        float[] gradFloat = new float[rows * cols];
        loss.gradient(p, t, gradFloat, rows, cols);
        ReferenceFixture.assertMatches(spec + " gradient", gradFloat, FIXTURE.tensor(spec, "grad"));
    }
}
