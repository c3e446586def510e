package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from the parsed manifest that fail with a {@link ModelFormatException} naming the field's path,
 * e.g. {@code layers[2].outputs must be a positive integer, got "ten"}: a forged or hand-edited manifest gets a
 * precise message instead of a NullPointerException.
 */
final class Json {

    private Json() {
    }

    static JsonNode object(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isObject()) {
            throw wrongType(where, field, "an object", node);
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isArray()) {
            throw wrongType(where, field, "an array", node);
        }
        return node;
    }

    static String text(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isTextual()) {
            throw wrongType(where, field, "a string", node);
        }
        return node.textValue();
    }

    /** The text of {@code field}, or null when it is absent or JSON null. */
    static String optionalText(JsonNode parent, String field, String where) throws ModelFormatException {
        return present(parent, field) ? text(parent, field, where) : null;
    }

    static int positiveInt(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw wrongType(where, field, "a positive integer", node);
        }
        return node.intValue();
    }

    static long longInteger(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(where, field, "an integer", node);
        }
        return node.longValue();
    }

    /** A finite number. */
    static double number(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw wrongType(where, field, "a number", node);
        }
        return node.doubleValue();
    }

    static long nonNegativeLong(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = required(parent, field, where);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw wrongType(where, field, "a non-negative integer", node);
        }
        return node.longValue();
    }

    /** A number, or NaN for JSON null or an absent field (the file writes NaN, "not measured", as null). */
    static double numberOrNaN(JsonNode parent, String field, String where) throws ModelFormatException {
        if (!present(parent, field)) {
            return Double.NaN;
        }
        JsonNode node = parent.get(field);
        if (!node.isNumber()) {
            throw wrongType(where, field, "a number or null", node);
        }
        return node.doubleValue();
    }

    static boolean present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && !node.isNull();
    }

    static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private static JsonNode required(JsonNode parent, String field, String where) throws ModelFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new ModelFormatException(Format.MANIFEST + " has no '" + path(where, field) + "'");
        }
        return node;
    }

    private static ModelFormatException wrongType(String where, String field, String expected, JsonNode got) {
        String shown = got.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        return new ModelFormatException(Format.MANIFEST + ": '" + path(where, field) + "' must be " + expected
                + ", got " + shown);
    }
}
