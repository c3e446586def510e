package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.List;

/**
 * The small tables of the course, written out: the logic gates a perceptron can (AND, OR) and cannot (XOR)
 * learn, the concert decision and the customer-will-pay example.
 *
 * <p>The two-class tables keep the course's single 0/1 output column, what a threshold or sigmoid unit produces;
 * {@link LabeledDataset#withOneHotTargets()} turns them into one-hot rows for a softmax output.
 */
public final class CourseTables {

    private static final float[] TWO_INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final LabelEncoding ZERO_ONE = LabelEncoding.of("0", "1");

    private CourseTables() {
    }

    /** x1 AND x2 over the four input pairs 00, 01, 10, 11. */
    public static LabeledDataset and() {
        return gate("and", new float[] {0, 0, 0, 1});
    }

    /** x1 OR x2 over 00, 01, 10, 11. */
    public static LabeledDataset or() {
        return gate("or", new float[] {0, 1, 1, 1});
    }

    /** x1 XOR x2 over 00, 01, 10, 11: not linearly separable, so a single perceptron cannot learn it. */
    public static LabeledDataset xor() {
        return gate("xor", new float[] {0, 1, 1, 0});
    }

    private static LabeledDataset gate(String name, float[] outputs) {
        return new LabeledDataset(name, new Dataset(TWO_INPUTS.clone(), 2, outputs, 1), List.of("x1", "x2"),
                List.of("y"), Task.CLASSIFICATION, ZERO_ONE);
    }

    /**
     * Going to the Guns N' Roses concert: x1 = the show is in another state, x2 = you have company, x3 = you have
     * money, over all eight combinations (000, 001, …, 111). The target is the decision of the course's perceptron
     * with weights 3, 2, 6 and threshold 5: go (1) when {@code 3·x1 + 2·x2 + 6·x3 − 5 > 0}, a positive activation
     * potential, which happens exactly when you have money.
     */
    public static LabeledDataset concert() {
        float[] features = new float[8 * 3];
        float[] decisions = new float[8];
        for (int row = 0; row < 8; row++) {
            int x1 = (row >> 2) & 1;
            int x2 = (row >> 1) & 1;
            int x3 = row & 1;
            features[row * 3] = x1;
            features[row * 3 + 1] = x2;
            features[row * 3 + 2] = x3;
            decisions[row] = 3 * x1 + 2 * x2 + 6 * x3 - 5 > 0 ? 1 : 0;
        }
        return new LabeledDataset("concert", new Dataset(features, 3, decisions, 1),
                List.of("show_in_another_state", "has_company", "has_money"), List.of("go"), Task.CLASSIFICATION,
                LabelEncoding.of("stay", "go"));
    }

    /**
     * Will the customer pay this month's bill? The course's history of three customers: portfolio monitoring,
     * credit analysis and how active the client is, against the observed chance of paying (47 %, 42 %, 89 %,
     * written as 0.47, 0.42, 0.89). Regression; the inputs are on a 0–100 scale, so scale them before training.
     */
    public static LabeledDataset customerPays() {
        float[] features = {
            50, 20, 50,
            10, 10, 20,
            80, 90, 100,
        };
        float[] chance = {0.47f, 0.42f, 0.89f};
        return new LabeledDataset("customer_pays", new Dataset(features, 3, chance, 1),
                List.of("portfolio_monitoring", "credit_analysis", "client_active"), List.of("chance_of_paying"),
                Task.REGRESSION, null);
    }
}
