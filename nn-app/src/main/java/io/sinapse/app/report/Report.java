package io.sinapse.app.report;

import io.sinapse.app.Table;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * One self-contained HTML page: headings, text, tables and charts embedded as base64 PNG, so the file opens
 * offline and can be mailed around. A disabled report ignores everything, so lessons can always write to one and
 * charts are only drawn when someone asked for the file.
 */
public final class Report {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 380;

    private final boolean enabled;
    private final String title;
    private final StringBuilder body = new StringBuilder();

    private Report(boolean enabled, String title) {
        this.enabled = enabled;
        this.title = title;
    }

    /** A report that collects everything it is given. */
    public static Report create(String title) {
        return new Report(true, title);
    }

    /** A report that drops everything: what commands use without {@code --report}. */
    public static Report disabled() {
        return new Report(false, "");
    }

    public boolean enabled() {
        return enabled;
    }

    /** A top-level heading, e.g. one per lesson. */
    public Report section(String heading) {
        if (enabled) {
            body.append("<h2>").append(escape(heading)).append("</h2>\n");
        }
        return this;
    }

    public Report subsection(String heading) {
        if (enabled) {
            body.append("<h3>").append(escape(heading)).append("</h3>\n");
        }
        return this;
    }

    public Report paragraph(String text) {
        if (enabled) {
            body.append("<p>").append(escape(text)).append("</p>\n");
        }
        return this;
    }

    /** Text kept as it is, in a monospaced block: formulas, ASCII grids. */
    public Report preformatted(String text) {
        if (enabled) {
            body.append("<pre>").append(escape(text.stripTrailing())).append("</pre>\n");
        }
        return this;
    }

    public Report table(Table table) {
        if (!enabled) {
            return this;
        }
        body.append("<table>\n");
        if (!table.header().isEmpty()) {
            body.append("<tr>");
            table.header().forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
            body.append("</tr>\n");
        }
        for (String[] row : table.rows()) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A chart, drawn only when the report is enabled. */
    public Report chart(Supplier<JFreeChart> chart) {
        return chart(chart, WIDTH, HEIGHT);
    }

    public Report chart(Supplier<JFreeChart> chart, int width, int height) {
        if (!enabled) {
            return this;
        }
        try {
            byte[] png = ChartUtils.encodeAsPNG(chart.get().createBufferedImage(width, height));
            body.append("<img alt=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                    .append("\">\n");
        } catch (IOException | RuntimeException | LinkageError e) {
            // No fonts or no graphics on this machine: keep the numbers, say why the picture is missing.
            body.append("<p class=\"note\">(The chart could not be drawn here: ").append(escape(String.valueOf(e)))
                    .append(")</p>\n");
        }
        return this;
    }

    /**
     * A confusion matrix: rows are the true classes, columns the predicted ones, cells shaded by their share of
     * the row.
     */
    public Report confusionMatrix(List<String> classes, int[][] counts) {
        if (!enabled) {
            return this;
        }
        body.append("<table class=\"confusion\">\n<tr><th>true \\ predicted</th>");
        classes.forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr>\n");
        for (int i = 0; i < counts.length; i++) {
            int total = 0;
            for (int n : counts[i]) {
                total += n;
            }
            body.append("<tr><th>").append(escape(classes.get(i))).append("</th>");
            for (int j = 0; j < counts[i].length; j++) {
                double share = total == 0 ? 0 : (double) counts[i][j] / total;
                String colour = i == j ? "46,139,87" : "205,92,92";
                body.append("<td style=\"background: rgba(").append(colour).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.2f", 0.1 + 0.8 * share)).append(")\">")
                        .append(counts[i][j]).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;max-width:780px;margin:2em auto;padding:0 1em;color:#222}\n"
                + "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}\n"
                + "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em;line-height:1.2}\n"
                + "table{border-collapse:collapse;margin:.6em 0;font-size:.9em}\n"
                + "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th{background:#f0f0f0}\n"
                + "img{max-width:100%;height:auto}.note{color:#777;font-style:italic}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p class=\"note\">Made by Sinapse on "
                + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + ".</p>\n" + body
                + "</body>\n</html>\n";
    }

    /** Writes the page to {@code file} (atomically: a reader never sees half a file). */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp");
        try {
            Files.writeString(temporary, html(), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
