package io.sinapse.app.lessons;

import io.sinapse.api.Plugins;
import io.sinapse.app.Table;
import io.sinapse.app.report.Report;

import java.io.PrintWriter;

/**
 * One lesson of the course, told by running the library: every number it prints is computed as it runs.
 */
public interface Lesson {

    /** The name {@code nn demo NAME} takes, e.g. {@code perceptron}. */
    String name();

    /** The heading, e.g. "The perceptron decides: go to the concert?". */
    String title();

    /** One line for {@code nn demo --list}. */
    String summary();

    /** Tells the lesson to {@code context}'s terminal, and to its report. */
    void teach(Context context);

    /**
     * Where a lesson writes and what it may use.
     *
     * @param out     the terminal
     * @param plugins activations, losses and optimizers by name (plug-ins included)
     * @param report  the HTML report; disabled unless {@code --report} was given
     * @param seed    the seed for weights and shuffling: the same seed, the same lesson
     */
    record Context(PrintWriter out, Plugins plugins, Report report, long seed) {

        /** Terminal paragraphs wrap at this many characters. */
        static final int WIDTH = 100;

        /** A paragraph, on the terminal (wrapped, keeping its indentation) and in the report. */
        public void say(String text) {
            out.println(wrap(text, WIDTH));
            report.paragraph(text.strip());
        }

        /** {@code text} broken at spaces into lines of at most {@code width}, continuation lines indented. */
        static String wrap(String text, int width) {
            String indent = text.substring(0, text.length() - text.stripLeading().length());
            StringBuilder wrapped = new StringBuilder();
            StringBuilder line = new StringBuilder(indent);
            for (String word : text.strip().split(" ")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    wrapped.append(line).append('\n');
                    line = new StringBuilder(indent.isEmpty() ? "" : indent + "  ");
                }
                if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                    line.append(' ');
                }
                line.append(word);
            }
            return wrapped.append(line).toString();
        }

        /** A block kept as it is (formulas, grids), on the terminal and in the report. */
        public void show(String text) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            report.preformatted(text);
        }

        /** A table, on the terminal and in the report. */
        public void table(Table table) {
            out.print(table);
            report.table(table);
        }

        /** A heading inside the lesson. */
        public void heading(String text) {
            out.println();
            out.println(text);
            report.subsection(text);
        }

        /** An empty line on the terminal. */
        public void gap() {
            out.println();
        }
    }
}
