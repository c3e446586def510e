package io.sinapse.data;

import io.sinapse.api.Parameters;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The datasets that ship with Sinapse, by name, written like plug-in specs: {@code get("xor")},
 * {@code get("moons(samples=500, noise=0.2, seed=7)")}. Nothing is downloaded: the course's tables are written
 * out ({@link CourseTables}) and the rest are generated from a seed ({@link SyntheticDatasets}).
 */
public final class BuiltinDatasets {

    private static final Pattern SPEC = Pattern.compile("\\s*([A-Za-z0-9_]+)\\s*(?:\\((.*)\\))?\\s*");

    private record Entry(String description, Parameters defaults, Function<Parameters, LabeledDataset> make) {
    }

    private static final Map<String, Entry> ENTRIES = entries();

    private BuiltinDatasets() {
    }

    private static Map<String, Entry> entries() {
        Map<String, Entry> entries = new TreeMap<>();
        entries.put("and", new Entry("x1 AND x2, the four rows of the truth table", Parameters.NONE,
                p -> CourseTables.and()));
        entries.put("or", new Entry("x1 OR x2, the four rows of the truth table", Parameters.NONE,
                p -> CourseTables.or()));
        entries.put("xor", new Entry("x1 XOR x2, which one perceptron cannot learn", Parameters.NONE,
                p -> CourseTables.xor()));
        entries.put("concert", new Entry("the course's concert decision: perceptron with weights 3, 2, 6 and"
                + " threshold 5", Parameters.NONE, p -> CourseTables.concert()));
        entries.put("customer_pays", new Entry("the course's will-the-customer-pay table (regression)",
                Parameters.NONE, p -> CourseTables.customerPays()));
        entries.put("moons", new Entry("two interleaving half circles",
                Parameters.of("samples", 1000).and("noise", 0.1).and("seed", 42),
                p -> SyntheticDatasets.twoMoons(whole(p, "samples"), p.get("noise"), whole(p, "seed"))));
        entries.put("circles", new Entry("a circle around a smaller one",
                Parameters.of("samples", 1000).and("noise", 0.05).and("factor", 0.5).and("seed", 42),
                p -> SyntheticDatasets.circles(whole(p, "samples"), p.get("noise"), p.get("factor"),
                        whole(p, "seed"))));
        entries.put("spirals", new Entry("spiral arms from the centre, one class each",
                Parameters.of("samples", 900).and("classes", 3).and("noise", 0.02).and("seed", 42),
                p -> SyntheticDatasets.spirals(whole(p, "samples"), whole(p, "classes"), p.get("noise"),
                        whole(p, "seed"))));
        entries.put("noisy_sine", new Entry("y = sin(pi x) plus Gaussian noise (regression)",
                Parameters.of("samples", 1000).and("noise", 0.1).and("seed", 42),
                p -> SyntheticDatasets.noisySine(whole(p, "samples"), p.get("noise"), whole(p, "seed"))));
        return Collections.unmodifiableMap(entries);
    }

    /** The names, sorted. */
    public static Set<String> names() {
        return ENTRIES.keySet();
    }

    /** Name → one line saying what it is and its parameters with defaults, for listings. */
    public static Map<String, String> descriptions() {
        Map<String, String> descriptions = new TreeMap<>();
        ENTRIES.forEach((name, entry) -> descriptions.put(name, entry.description()
                + (entry.defaults().isEmpty() ? "" : " (" + entry.defaults() + ")")));
        return descriptions;
    }

    /**
     * The dataset {@code spec} names, with parameters in parentheses overriding the defaults.
     *
     * @throws DataException for an unknown name or parameter, listing what is available
     */
    public static LabeledDataset get(String spec) {
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches()) {
            throw new DataException("Cannot read dataset spec '" + spec + "': write a name, optionally with"
                    + " parameters, e.g. moons(samples=500, noise=0.2). Available: " + String.join(", ", names()));
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        Entry entry = ENTRIES.get(name);
        if (entry == null) {
            throw new DataException("Unknown dataset '" + matcher.group(1) + "'. Available: "
                    + String.join(", ", names()));
        }
        Parameters values = parse(name, entry.defaults(), matcher.group(2));
        try {
            return entry.make().apply(values);
        } catch (IllegalArgumentException e) {
            throw new DataException("Dataset '" + spec.trim() + "': " + e.getMessage(), e);
        }
    }

    private static Parameters parse(String name, Parameters defaults, String text) {
        if (text == null || text.isBlank()) {
            return defaults;
        }
        Parameters values = defaults;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 0 || !defaults.has(key)) {
                throw new DataException((eq < 0 ? "Cannot read '" + key + "'" : "Unknown parameter '" + key + "'")
                        + " for dataset '" + name + "'. " + (defaults.isEmpty() ? "It takes no parameters."
                        : "Write key=value; accepted (with defaults): " + defaults + "."));
            }
            String raw = pair.substring(eq + 1).trim();
            try {
                values = values.and(key, Double.parseDouble(raw));
            } catch (NumberFormatException e) {
                throw new DataException("Parameter '" + key + "' of dataset '" + name + "' must be a number, got '"
                        + raw + "'");
            }
        }
        return values;
    }

    private static int whole(Parameters values, String key) {
        double value = values.get(key);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a whole number, got "
                    + Parameters.format(value));
        }
        return (int) value;
    }
}
