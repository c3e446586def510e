package io.sinapse.data;

/** What a loader does with an empty or not-available feature value ({@code ""}, {@code NA}, {@code ?}, …). */
public enum MissingValues {
    /** Refuse the file, naming the line and column: the default, because silently made-up data changes results. */
    ERROR,
    /**
     * Replace it with the mean of that column's present values in the same file. For separate train and test
     * files the means then differ; impute before splitting, or fill the files in beforehand, when that matters.
     */
    MEAN,
    /** Leave out every row with a missing feature or target value. */
    DROP_ROWS
}
