package io.sinapse.app;

import io.sinapse.app.lessons.Lesson;
import io.sinapse.app.lessons.Lessons;
import io.sinapse.app.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nn demo}: the course's lessons, computed by the library as they run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The lessons of the course, computed by the library as they run.",
                "Without LESSON, all of them in order: a guided tour from the McCulloch-Pitts neuron to overfitting."},
        footer = {"", "Examples:", "  nn demo --list", "  nn demo perceptron",
                "  nn demo xor --report xor.html", "  nn demo"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "LESSON",
            description = "The lesson to run (see --list): ${COMPLETION-CANDIDATES}.",
            completionCandidates = LessonNames.class)
    String lesson;

    @Option(names = {"-l", "--list"}, description = "List the lessons and exit.")
    boolean list;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write the lesson(s) as one self-contained HTML page, with charts (the whole tour"
                    + " writes " + TOUR_REPORT + " unless told otherwise).")
    Path report;

    @Option(names = "--no-report", description = "Write no HTML page, not even for the whole tour.")
    boolean noReport;

    /** Where the whole tour writes its page when no --report is given. */
    static final String TOUR_REPORT = "sinapse-tour.html";

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7",
            description = "Seed for initial weights, data and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            out.println("Lessons, in the order of the course ('nn demo NAME' runs one, 'nn demo' all of them):");
            List<Lesson> all = Lessons.all();
            int width = all.stream().mapToInt(l -> l.name().length()).max().orElse(0);
            int digits = String.valueOf(all.size()).length();
            for (int i = 0; i < all.size(); i++) {
                Lesson l = all.get(i);
                out.printf("  %" + digits + "d. %-" + width + "s  %s%n", i + 1, l.name(), l.summary());
            }
            out.flush();
            return 0;
        }
        List<Lesson> lessons = lesson == null ? Lessons.all() : List.of(Lessons.named(lesson).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Unknown lesson '" + lesson + "'. Available: "
                        + String.join(", ", Lessons.names()) + ".")));
        report = reportPath(report, noReport, lesson == null);
        Report page = report == null ? Report.disabled()
                : Report.create(lessons.size() == 1 ? "Sinapse: " + lessons.get(0).title()
                : "Sinapse: a guided tour of the course");
        Lesson.Context context = new Lesson.Context(out, common.plugins(), page, seed);
        if (lessons.size() > 1) {
            out.println("A guided tour of the course in " + lessons.size() + " lessons. Every number below is"
                    + " computed by Sinapse as it runs (seed " + seed + ").");
            out.println();
        }
        for (int i = 0; i < lessons.size(); i++) {
            Lesson l = lessons.get(i);
            String heading = (lessons.size() > 1 ? "Lesson " + (i + 1) + " of " + lessons.size() + " · " : "")
                    + l.title();
            out.println("━━ " + heading + " ━━");
            page.section(heading);
            l.teach(context);
            out.println();
            out.flush();
        }
        if (lessons.size() > 1) {
            out.println("End of the tour. One lesson at a time: 'nn demo NAME'; with charts: 'nn demo NAME --report"
                    + " lesson.html'.");
        }
        if (report != null) {
            page.write(report);
            out.println("Report written to " + report);
        }
        out.flush();
        return 0;
    }

    /** The page to write: the one asked for, none when refused, else the tour's default (a single lesson: none). */
    static Path reportPath(Path asked, boolean refused, boolean wholeTour) {
        if (refused) {
            return null;
        }
        return asked != null || !wholeTour ? asked : Path.of(TOUR_REPORT);
    }

    /** The lesson names, for help and shell completion. */
    static final class LessonNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Lessons.names().iterator();
        }
    }
}
