package io.sinapse.data;

/** What the targets of a dataset ask for. */
public enum Task {
    /** Targets are classes: one-hot rows (or a single 0/1 column for the course's two-class tables). */
    CLASSIFICATION,
    /** Targets are numbers to predict as they are. */
    REGRESSION
}
