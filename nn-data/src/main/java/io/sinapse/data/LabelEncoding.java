package io.sinapse.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class names of a classification task, in the order of their index: class {@code i} is one-hot column
 * {@code i}. Kept with a dataset (and with a model trained on it) so that predictions turn back into labels.
 * Immutable.
 */
public final class LabelEncoding {

    private final List<String> names;
    private final Map<String, Integer> indexByName;

    private LabelEncoding(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A label encoding needs at least one class name");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw new IllegalArgumentException("Class " + i + " has no name (null)");
            }
            Integer previous = index.put(name, i);
            if (previous != null) {
                throw new IllegalArgumentException("Class name '" + name + "' appears twice, at " + previous
                        + " and " + i);
            }
        }
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.indexByName = index;
    }

    /** The classes in index order. */
    public static LabelEncoding of(List<String> classNames) {
        return new LabelEncoding(classNames);
    }

    /** The classes in index order. */
    public static LabelEncoding of(String... classNames) {
        return new LabelEncoding(List.of(classNames));
    }

    /** The number of classes, which is the width of a one-hot target row. */
    public int size() {
        return names.size();
    }

    /** The class names in index order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** The name of class {@code index}. */
    public String name(int index) {
        if (index < 0 || index >= names.size()) {
            throw new IndexOutOfBoundsException("No class " + index + ": there are " + names.size()
                    + " (" + String.join(", ", names) + ")");
        }
        return names.get(index);
    }

    public boolean contains(String label) {
        return indexByName.containsKey(label);
    }

    /** The index of {@code label}; an error listing the known classes when there is no such class. */
    public int indexOf(String label) {
        Integer index = indexByName.get(label);
        if (index == null) {
            throw new DataException("Unknown class '" + label + "'. Known classes: " + String.join(", ", names));
        }
        return index;
    }

    /**
     * The class a row of network outputs stands for. With {@code columns == size()} that is the column with the
     * largest value (first one on ties); with a single column and two classes, class 1 when the output is at
     * above 0.5, the reading of a sigmoid or threshold unit (as {@code io.sinapse.core.Accuracy} reads it).
     *
     * @param outputs row-major outputs, {@code columns} per row
     * @param row     which row to read
     * @param columns the outputs per row
     */
    public int classOf(float[] outputs, int row, int columns) {
        int offset = row * columns;
        if (columns == 1 && names.size() == 2) {
            return outputs[offset] > 0.5f ? 1 : 0;
        }
        if (columns != names.size()) {
            throw new IllegalArgumentException("Outputs have " + columns + " columns but there are " + names.size()
                    + " classes (" + String.join(", ", names) + ")");
        }
        int best = 0;
        for (int c = 1; c < columns; c++) {
            if (outputs[offset + c] > outputs[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The name of {@link #classOf(float[], int, int) the class} a row of outputs stands for. */
    public String labelOf(float[] outputs, int row, int columns) {
        return names.get(classOf(outputs, row, columns));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelEncoding e && names.equals(e.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** {@code [setosa, versicolor, virginica]}. */
    @Override
    public String toString() {
        return names.toString();
    }
}
