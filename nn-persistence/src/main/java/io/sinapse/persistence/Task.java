package io.sinapse.persistence;

import java.util.Locale;

/** What a model predicts: classes or numbers. Stored in the file by its {@link #id()}. */
public enum Task {
    /** Outputs score classes; the model may carry their names. */
    CLASSIFICATION,
    /** Outputs are the predicted values themselves. */
    REGRESSION;

    /** The word the file uses: {@code classification} or {@code regression}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task whose {@link #id()} is {@code id}, or an error listing the known ones. */
    public static Task fromId(String id) {
        for (Task task : values()) {
            if (task.id().equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException("Unknown task '" + id + "'; expected classification or regression");
    }
}
