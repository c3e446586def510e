package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    private static LabeledDataset load(CsvLoader loader, String csv) {
        return loader.load(new StringReader(csv), "test.csv");
    }

    private static LabeledDataset load(String csv) {
        return load(CsvLoader.builder().build(), csv);
    }

    private static String error(CsvLoader loader, String csv) {
        return assertThrows(DataException.class, () -> load(loader, csv)).getMessage();
    }

    private static String error(String csv) {
        return error(CsvLoader.builder().build(), csv);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected the message to mention \"" + part + "\": " + message);
        }
    }

    @Nested
    class Classification {

        private static final String IRIS = """
                id,sepal_length,sepal_width,species
                1,5.1,3.5,setosa
                2,7.0,3.2,versicolor
                3,6.3,3.3,virginica
                4,4.9,3.0,setosa
                """;

        @Test
        void textTargetIsOneHotEncodedWithSortedClassNames() {
            LabeledDataset data = load(CsvLoader.builder().target("species").drop("id").build(), IRIS);

            assertEquals(Task.CLASSIFICATION, data.task());
            assertEquals(List.of("setosa", "versicolor", "virginica"), data.classes().orElseThrow().names());
            assertEquals(List.of("sepal_length", "sepal_width"), data.featureNames());
            assertEquals(List.of("setosa", "versicolor", "virginica"), data.targetNames());
            assertArrayEquals(new float[] {5.1f, 3.5f, 7.0f, 3.2f, 6.3f, 3.3f, 4.9f, 3.0f}, data.dataset().features());
            assertArrayEquals(new float[] {
                1, 0, 0,
                0, 1, 0,
                0, 0, 1,
                1, 0, 0,
            }, data.dataset().targets());
            assertEquals("test.csv", data.name());
        }

        @Test
        void theKeptEncodingTurnsPredictionsBackIntoLabels() {
            LabeledDataset data = load(CsvLoader.builder().target("species").drop("id").build(), IRIS);
            float[] outputs = {0.1f, 0.2f, 0.7f, 0.8f, 0.1f, 0.1f};

            assertEquals("virginica", data.predictedLabel(outputs, 0));
            assertEquals("setosa", data.predictedLabel(outputs, 1));
            assertEquals(2, data.classOf(2));
        }

        @Test
        void withoutATargetOptionTheLastColumnIsTheTarget() {
            LabeledDataset data = load(IRIS);

            assertEquals(List.of("id", "sepal_length", "sepal_width"), data.featureNames());
            assertEquals(3, data.classes().orElseThrow().size());
        }

        @Test
        void theTargetCanBeChosenByIndexCountedFromZero() {
            LabeledDataset data = load(CsvLoader.builder().targetIndex(3).drop("id").build(), IRIS);

            assertEquals(List.of("setosa", "versicolor", "virginica"), data.targetNames());
        }

        @Test
        void numericClassesAreSortedByValueWhenTheTaskIsForced() {
            String csv = "x,digit\n1,10\n2,2\n3,1\n4,2\n";
            LabeledDataset data = load(CsvLoader.builder().task(Task.CLASSIFICATION).build(), csv);

            assertEquals(List.of("1", "2", "10"), data.classes().orElseThrow().names());
            assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0}, data.dataset().targets());
        }

        @Test
        void aTrainingFilesClassesGiveATestFileTheSameColumns() {
            LabelEncoding trained = LabelEncoding.of("setosa", "versicolor", "virginica");
            String test = "a,species\n1,virginica\n2,virginica\n";
            LabeledDataset data = load(CsvLoader.builder().classes(trained).build(), test);

            assertEquals(trained, data.classes().orElseThrow());
            assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1}, data.dataset().targets());
        }

        @Test
        void aLabelOutsideTheGivenClassesIsAnErrorNamingThePlace() {
            LabelEncoding trained = LabelEncoding.of("cat", "dog");
            String message = error(CsvLoader.builder().classes(trained).build(), "a,animal\n1,cat\n2,bird\n");

            assertMentions(message, "test.csv, line 3, column 2 ('animal')", "unknown class 'bird'", "cat, dog");
        }
    }

    @Nested
    class Regression {

        @Test
        void numericTargetMeansRegressionWithTheValuesAsTargets() {
            LabeledDataset data = load("size,rooms,price\n50,2,100.5\n80,3,-7e-1\n");

            assertEquals(Task.REGRESSION, data.task());
            assertEquals(Optional.empty(), data.classes());
            assertEquals(List.of("price"), data.targetNames());
            assertArrayEquals(new float[] {50, 2, 80, 3}, data.dataset().features());
            assertArrayEquals(new float[] {100.5f, -0.7f}, data.dataset().targets());
        }

        @Test
        void forcingRegressionOnATextTargetNamesTheFirstTextValue() {
            String message = error(CsvLoader.builder().task(Task.REGRESSION).build(), "a,y\n1,2\n2,high\n");

            assertMentions(message, "test.csv, line 3, column 2 ('y')", "'high' is not a number", "regression");
        }
    }

    @Nested
    class Format {

        @Test
        void semicolonTabAndPipeDelimitersAreDetected() {
            for (String delimiter : List.of(";", "\t", "|")) {
                String csv = "a" + delimiter + "b" + delimiter + "y\n1" + delimiter + "2" + delimiter + "3\n";
                LabeledDataset data = load(csv);
                assertArrayEquals(new float[] {1, 2}, data.dataset().features(), "delimiter " + delimiter);
                assertArrayEquals(new float[] {3}, data.dataset().targets(), "delimiter " + delimiter);
            }
        }

        @Test
        void aGivenDelimiterIsUsedInsteadOfDetection() {
            LabeledDataset data = load(CsvLoader.builder().delimiter(';').build(), "a;y\n7;2\n");
            assertArrayEquals(new float[] {7}, data.dataset().features());

            // Detection would find the pipe; the comma given makes the whole header one column.
            assertMentions(error(CsvLoader.builder().delimiter(',').build(), "a|y\n1|2\n"), "names one column ('a|y')");
        }

        @Test
        void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
            String csv = """
                    note,x,label
                    "a, b; c",1,"say ""hi""\"
                    "two
                    lines",2,plain
                    """;
            LabeledDataset data = load(CsvLoader.builder().drop("note").build(), csv);

            assertArrayEquals(new float[] {1, 2}, data.dataset().features());
            assertEquals(List.of("plain", "say \"hi\""), data.classes().orElseThrow().names());
        }

        @Test
        void linesAreCountedThroughQuotedLineBreaksAndBlankLines() {
            String csv = "note,x,label\n\"two\nlines\",1,a\n\n  \nplain,oops,b\n";
            String message = error(CsvLoader.builder().drop("note").build(), csv);

            assertMentions(message, "test.csv, line 6, column 2 ('x')", "'oops'");
        }

        @Test
        void anErrorInsideAMultiLineRecordNamesTheLineWhereTheRecordStarts() {
            String csv = "note,x,label\n1,2,a\n\"two\nlines\",bad,b\n";
            String message = error(CsvLoader.builder().drop("note").build(), csv);

            assertMentions(message, "line 3, column 2 ('x')", "'bad'");
        }

        @Test
        void spacesAroundFieldsAndWindowsLineEndsAreAccepted() {
            LabeledDataset data = load("a , y\r\n 1.5 ,  2 \r\n");

            assertEquals(List.of("a"), data.featureNames());
            assertArrayEquals(new float[] {1.5f}, data.dataset().features());
            assertArrayEquals(new float[] {2}, data.dataset().targets());
        }

        @Test
        void aByteOrderMarkBeforeTheHeaderIsIgnored() {
            LabeledDataset data = load(CsvLoader.builder().target("y").build(), "\uFEFFa,y\n1,2\n");

            assertEquals(List.of("a"), data.featureNames());
        }

        @Test
        void malformedQuotingIsAnErrorNamingTheFile() {
            String message = error("a,y\n\"1\"x,2\n");

            assertMentions(message, "test.csv", "malformed CSV", "double quotes");
        }
    }

    @Nested
    class Columns {

        @Test
        void anUnknownTargetListsTheAvailableColumns() {
            String message = error(CsvLoader.builder().target("price").build(), "size,rooms,cost\n1,2,3\n");

            assertMentions(message, "test.csv", "no target column 'price'", "size, rooms, cost");
        }

        @Test
        void aTargetIndexPastTheLastColumnListsTheColumns() {
            String message = error(CsvLoader.builder().targetIndex(5).build(), "a,b\n1,2\n");

            assertMentions(message, "index 5", "2 columns: a, b");
        }

        @Test
        void droppingAnUnknownColumnOrTheTargetIsAnError() {
            assertMentions(error(CsvLoader.builder().drop("idx").build(), "id,a,y\n1,2,3\n"),
                    "cannot drop column 'idx'", "id, a, y");
            assertMentions(error(CsvLoader.builder().target("y").drop("y").build(), "id,a,y\n1,2,3\n"),
                    "cannot drop column 'y', it is the target");
        }

        @Test
        void duplicateColumnNamesAreAnError() {
            assertMentions(error("a,b,a\n1,2,3\n"), "line 1", "columns 1 and 3 are both named 'a'");
        }

        @Test
        void aSingleColumnFileSuggestsTheDelimiter() {
            assertMentions(error("a:b:y\n1:2:3\n"), "line 1", "names one column", "delimiter");
        }

        @Test
        void anUnnamedColumnGetsAPlaceholderNameThatCanBeDropped() {
            LabeledDataset data = load(CsvLoader.builder().drop("unnamed_0").build(), ",a,y\n0,5,1\n1,6,2\n");

            assertEquals(List.of("a"), data.featureNames());
            assertArrayEquals(new float[] {5, 6}, data.dataset().features());
        }
    }

    @Nested
    class BadInput {

        @Test
        void anEmptyFileIsAnError() {
            assertMentions(error(""), "test.csv is empty", "header");
            assertMentions(error("\n\n"), "test.csv is empty");
        }

        @Test
        void aHeaderWithoutRowsIsAnError() {
            assertMentions(error("a,b,y\n"), "test.csv has a header but no data rows");
        }

        @Test
        void aRaggedRowNamesItsLineAndTheFieldCounts() {
            String message = error("a,b,y\n1,2,3\n4,5\n6,7,8\n");

            assertMentions(message, "test.csv, line 3", "2 fields", "header has 3 columns (a, b, y)");
        }

        @Test
        void aRowWithTooManyFieldsIsAnErrorToo() {
            assertMentions(error("a,b,y\n1,2,3,4\n"), "line 2", "4 fields");
        }

        @Test
        void textInAFeatureColumnNamesLineColumnAndValue() {
            String message = error("a,b,y\n1,2,x\n3,four,y\n");

            assertMentions(message, "test.csv, line 3, column 2 ('b')", "'four' is not a number");
        }

        @Test
        void nonFiniteAndJavaOnlyNumberSpellingsAreRejected() {
            assertMentions(error("a,y\nInfinity,1\n"), "line 2, column 1 ('a')", "'Infinity'");
            assertMentions(error("a,y\n0x10,1\n"), "'0x10'");
            assertMentions(error("a,y\n2f,1\n"), "'2f'");
            assertMentions(error("a,y\n1e39,1\n"), "outside the float range");
        }

        @Test
        void aMissingValueIsAnErrorNamingLineAndColumnByDefault() {
            assertMentions(error("a,b,y\n1,2,x\n3,,y\n"), "test.csv, line 3, column 2 ('b')", "missing value",
                    "MissingValues.MEAN");
            assertMentions(error("a,b,y\n1,NA,x\n"), "line 2, column 2 ('b')", "missing value ('NA')");
        }

        @Test
        void aMissingTargetIsNeverImputed() {
            String message = error(CsvLoader.builder().missingValues(MissingValues.MEAN).build(), "a,y\n1,x\n2,\n");

            assertMentions(message, "line 3, column 2 ('y')", "missing target value", "DROP_ROWS");
        }

        @Test
        void aReadFailureIsNotMistakenForMalformedCsv() {
            Reader failing = new Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("device gone");
                }

                @Override
                public void close() {
                }
            };
            String message = assertThrows(DataException.class,
                    () -> CsvLoader.builder().delimiter(',').build().load(failing, "remote.csv")).getMessage();

            assertMentions(message, "Cannot read remote.csv", "device gone");
        }

        @Test
        void aFileThatDoesNotExistIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("nope.csv");
            String message = assertThrows(DataException.class, () -> CsvLoader.builder().build().load(missing))
                    .getMessage();

            assertMentions(message, "not found", missing.toString());
        }

        @Test
        void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
            Path latin1 = dir.resolve("latin1.csv");
            Files.write(latin1, "caf\u00e9,y\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
            String message = assertThrows(DataException.class, () -> CsvLoader.builder().build().load(latin1))
                    .getMessage();

            assertMentions(message, latin1.toString(), "UTF-8");
        }

        @Test
        void errorsFromAFileNameItsPath(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("houses.csv");
            Files.writeString(file, "a,y\n1,2\n3,?\n");
            String message = assertThrows(DataException.class, () -> CsvLoader.builder().build().load(file))
                    .getMessage();

            assertMentions(message, file + ", line 3, column 2 ('y')");
        }
    }

    @Nested
    class MissingValuePolicies {

        private static final String GAPS = "a,b,y\n1,10,x\n,20,y\n3,,x\n5,40,y\n";

        @Test
        void meanImputationFillsEachColumnWithTheMeanOfItsPresentValues() {
            LabeledDataset data = load(CsvLoader.builder().missingValues(MissingValues.MEAN).build(), GAPS);

            // a: mean(1, 3, 5) = 3; b: mean(10, 20, 40) = 70 / 3.
            assertArrayEquals(new float[] {1, 10, 3, 20, 3, 70f / 3, 5, 40}, data.dataset().features());
        }

        @Test
        void droppingRowsKeepsOnlyCompleteOnes() {
            LabeledDataset data = load(CsvLoader.builder().missingValues(MissingValues.DROP_ROWS).build(), GAPS);

            assertArrayEquals(new float[] {1, 10, 5, 40}, data.dataset().features());
            assertArrayEquals(new float[] {1, 0, 0, 1}, data.dataset().targets());
        }

        @Test
        void aColumnWithNoValuesHasNoMeanToImpute() {
            String message = error(CsvLoader.builder().missingValues(MissingValues.MEAN).build(), "a,b,y\n1,,x\n2,,y\n");

            assertMentions(message, "column 'b'", "every value is missing");
        }

        @Test
        void theMissingMarkersCanBeReplaced() {
            LabeledDataset data = load(CsvLoader.builder().missingMarkers("-").missingValues(MissingValues.DROP_ROWS)
                    .build(), "a,y\n-,1\n2,3\n");

            assertArrayEquals(new float[] {2}, data.dataset().features());
        }
    }

    @Test
    void conflictingOptionsAreRefusedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> CsvLoader.builder().target("y").targetIndex(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> CsvLoader.builder().classes(LabelEncoding.of("a")).task(Task.REGRESSION).build());
    }
}
