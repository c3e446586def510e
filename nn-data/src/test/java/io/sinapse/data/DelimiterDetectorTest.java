package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DelimiterDetectorTest {

    @Test
    void theDelimiterSplittingEveryLineAlikeWins() {
        assertEquals(';', DelimiterDetector.detect("a;b;c\n1,5;2,5;3\n4;5;6\n"));
        assertEquals(',', DelimiterDetector.detect("a,b,c\n1,2,3\n"));
        assertEquals('\t', DelimiterDetector.detect("a\tb\n1\t2\n"));
        assertEquals('|', DelimiterDetector.detect("a|b\n1|2\n"));
    }

    @Test
    void delimitersInsideQuotesDoNotCount() {
        assertEquals(',', DelimiterDetector.detect("name,y\n\"a;b;c\",1\n\"d;e;f\",2\n"));
    }

    @Test
    void withNoCandidateItFallsBackToAComma() {
        assertEquals(',', DelimiterDetector.detect("single\n1\n"));
        assertEquals(',', DelimiterDetector.detect(""));
    }
}
