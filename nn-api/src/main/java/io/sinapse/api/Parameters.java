package io.sinapse.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The numeric settings of a plug-in, in declaration order: {@code alpha=0.01} for leaky ReLU,
 * {@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8} for Adam. Immutable.
 */
public final class Parameters {

    /** No parameters at all. */
    public static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Double> values;

    private Parameters(Map<String, Double> values) {
        this.values = values;
    }

    /** One parameter. Chain {@link #and} for more: {@code Parameters.of("lr", 0.01).and("momentum", 0.9)}. */
    public static Parameters of(String name, double value) {
        return NONE.and(name, value);
    }

    /** A copy with {@code name} set to {@code value}; a new name goes last. */
    public Parameters and(String name, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Parameters(Collections.unmodifiableMap(copy));
    }

    /** The value of {@code name}; an error naming the known ones if there is no such parameter. */
    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No parameter '" + name + "'. Known: " + this);
        }
        return value;
    }

    /** The value of {@code name}, or {@code fallback} when it is not given. */
    public double get(String name, double fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * These parameters with the values in {@code changes} replacing theirs: how a provider's
     * {@link Plugin#withParameters} merges what it is given into its defaults. A name not declared here is an
     * error naming the {@code owner} and the accepted parameters.
     */
    public Parameters with(Parameters changes, String owner) {
        Parameters merged = this;
        for (String key : changes.names()) {
            if (!has(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for " + owner + "; it takes " + this);
            }
            merged = merged.and(key, changes.get(key));
        }
        return merged;
    }

    /** The value of {@code name}, which must be finite and greater than 0; else the reason, as an error. */
    public double positive(String name) {
        double value = get(name);
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + format(value));
        }
        return value;
    }

    /** The value of {@code name}, which must be finite and at least 0; else the reason, as an error. */
    public double nonNegative(String name) {
        double value = get(name);
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + format(value));
        }
        return value;
    }

    /** The value of {@code name}, which must lie in [0, 1), like a decay rate or a dropout rate. */
    public double fraction(String name) {
        double value = get(name);
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + format(value));
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The names, in declaration order. */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values as an unmodifiable map in declaration order. */
    public Map<String, Double> asMap() {
        return values;
    }

    /** Formats a value the way a person writes it: {@code 5}, {@code 0.0001}, {@code 1.0E-8}. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e-4) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code alpha=0.01, beta=2}; empty text when there are none. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(", ");
        values.forEach((name, value) -> joined.add(name + "=" + format(value)));
        return joined.toString();
    }
}
