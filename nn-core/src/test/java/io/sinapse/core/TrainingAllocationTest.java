package io.sinapse.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once the JIT has compiled it, a training step allocates (next to) nothing: the layers, the kernels, the loss and
 * the optimizer reuse their buffers, and so does the trainer with helper threads. Bytes are counted with HotSpot's
 * per-thread allocation counter (com.sun.management.ThreadMXBean), reached by reflection because this module does
 * not read jdk.management; the test is skipped on a JVM without it. Dense inputs take the plain products; images
 * (zero around a rectangle), in batches of 64 so that a few bytes per row would show, take the ones that sort the
 * rows and skip the zero steps.
 */
class TrainingAllocationTest {

    private static final long MAX_BYTES_PER_STEP = 1024;

    @AfterEach
    void backToOneThread() {
        Kernels.threads(1);
    }

    @ParameterizedTest(name = "{0} thread(s), images: {1}")
    @CsvSource({"1,false", "2,false", "1,true", "2,true"})
    void aTrainingStepAllocatesLessThanAKilobyteOnceCompiled(int threads, boolean images)
            throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated;
        try {
            allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ClassNotFoundException e) {
            Assumptions.abort("no com.sun.management.ThreadMXBean on this JVM");
            return;
        }
        Kernels.threads(threads);
        SplittableRandom random = new SplittableRandom(3);
        int rows = images ? 4096 : 2048;
        int inputs = images ? 28 * 28 : 40;
        float[] x = images ? squareImages(rows, 28, random) : new float[rows * inputs];
        float[] y = new float[rows * 4];
        for (int i = 0; i < x.length && !images; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (int r = 0; r < rows; r++) {
            y[r * 4 + random.nextInt(4)] = 1;
        }
        Dataset data = new Dataset(x, inputs, y, 4);
        Network network = Network.builder(inputs).dense(96, "relu").dense(32, "relu").dense(4, "softmax").seed(1)
                .build();
        long[] perStep = {Long.MAX_VALUE};
        TrainingListener meter = new TrainingListener() {
            private long atSecondStep;

            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
                try {
                    if (batch == 2) {
                        atSecondStep = (Long) allocated.invoke(bean);
                    } else if (batch == batches && epoch > 10) {
                        long bytes = ((Long) allocated.invoke(bean) - atSecondStep) / (batches - 2);
                        perStep[0] = Math.min(perStep[0], bytes);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // The JIT needs a few thousand steps; the steady state is the least an epoch after the tenth allocated (one
        // epoch with a collection or a recompilation in it does not count against it).
        Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)").batchSize(images ? 64 : 16).epochs(40)
                .seed(2).listener(meter).build().fit(network, data);
        assertTrue(perStep[0] < MAX_BYTES_PER_STEP, "a training step on " + threads + " thread(s) allocated "
                + perStep[0] + " bytes in its most frugal epoch after the tenth; expected under " + MAX_BYTES_PER_STEP);
    }

    /** Images of side s, each zero outside a rectangle of its own, values in [0, 1) inside. */
    static float[] squareImages(int rows, int side, SplittableRandom random) {
        float[] x = new float[rows * side * side];
        for (int i = 0; i < rows; i++) {
            int left = random.nextInt(side / 2);
            int right = side - random.nextInt(side / 2);
            int top = random.nextInt(side / 3);
            int bottom = side - random.nextInt(side / 3);
            for (int r = top; r < bottom; r++) {
                for (int col = left; col < right; col++) {
                    x[(i * side + r) * side + col] = (float) random.nextDouble();
                }
            }
        }
        return x;
    }
}
