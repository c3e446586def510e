package io.sinapse.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the field delimiter of a CSV file from its first lines: the candidate ({@code , ; TAB |}) that splits
 * the header into the most fields and every following sampled line into as many. Delimiters inside double quotes
 * are not counted. Falls back to a comma.
 */
final class DelimiterDetector {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DelimiterDetector() {
    }

    /** @param sample the start of the file, whole lines, the header first */
    static char detect(String sample) {
        List<String> lines = new ArrayList<>();
        for (String line : sample.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return ',';
        }
        char best = ',';
        int bestCount = 0;
        boolean bestConsistent = false;
        for (char candidate : CANDIDATES) {
            int headerCount = countOutsideQuotes(lines.get(0), candidate);
            if (headerCount == 0) {
                continue;
            }
            boolean consistent = true;
            for (int i = 1; i < lines.size(); i++) {
                consistent &= countOutsideQuotes(lines.get(i), candidate) == headerCount;
            }
            // A candidate that splits every line alike beats one that does not, whatever their counts.
            if ((consistent && !bestConsistent) || (consistent == bestConsistent && headerCount > bestCount)) {
                best = candidate;
                bestCount = headerCount;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** How a delimiter is shown in messages. */
    static String describe(char delimiter) {
        return delimiter == '\t' ? "TAB" : "'" + delimiter + "'";
    }
}
