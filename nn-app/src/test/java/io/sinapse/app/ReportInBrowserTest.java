package io.sinapse.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A report as a reader sees it: {@code nn train --report} rendered by headless Chromium, its screenshot read back
 * and checked for drawn charts. Skipped only when no Chromium is installed (CI installs Debian's {@code chromium}).
 * The screenshot is kept as {@code target/report-screenshot.png}; {@code docs/images/report.png} is one of them.
 */
class ReportInBrowserTest {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 1900;

    /** Colours JFreeChart draws with (Charts' palette and the decision boundary's shading), as RGB. */
    private static final int TRAINING_LINE = 0x1f77b4;
    private static final int VALIDATION_LINE = 0xff7f0e;
    private static final int CLASS_0_SHADE = 0x9ec3ec;
    private static final int CLASS_1_SHADE = 0xf2a3a3;
    private static final int LINE_TOLERANCE = 12;
    private static final int SHADE_TOLERANCE = 6;

    @TempDir
    static Path temp;

    private static Path chromium;
    private static Path report;

    @BeforeAll
    static void trainWithAReport() {
        chromium = findChromium().orElse(null);
        assumeTrue(chromium != null, "no chromium, chromium-browser or google-chrome on the PATH (Debian: apt-get"
                + " install -y chromium)");
        report = temp.resolve("moons.html");
        Run run = Run.nn("train", "--data", "builtin:moons(samples=400, noise=0.25)", "--layers", "32,32",
                "--dropout", "0.1", "--epochs", "150", "--optimizer", "adam(lr=0.01)", "--early-stopping", "40",
                "--report", report.toString());
        assertEquals(0, run.status(), run.transcript());
    }

    @Test
    void chromiumDrawsTheLossCurvesAndTheDecisionBoundary() throws Exception {
        BufferedImage shot = screenshot(report, "report");
        Files.createDirectories(Path.of("target"));
        ImageIO.write(shot, "png", new File("target/report-screenshot.png"));

        // Tight tolerances: a line's antialiased edge or a dot's rim blended with its background is not counted.
        Area training = area(shot, TRAINING_LINE, LINE_TOLERANCE);
        Area validation = area(shot, VALIDATION_LINE, LINE_TOLERANCE);
        assertTrue(training.pixels() >= 200 && training.width() >= 400, "the training curve, drawn across the loss"
                + " chart: " + training);
        assertTrue(validation.pixels() >= 200 && validation.width() >= 400, "the validation curve: " + validation);
        Area shaded0 = area(shot, CLASS_0_SHADE, SHADE_TOLERANCE);
        Area shaded1 = area(shot, CLASS_1_SHADE, SHADE_TOLERANCE);
        assertTrue(shaded0.pixels() >= 10_000 && shaded1.pixels() >= 10_000,
                "the decision boundary's two shaded regions: " + shaded0 + ", " + shaded1);
        int lossChartBottom = Math.max(training.bottom(), validation.bottom());
        assertTrue(Math.min(shaded0.top(), shaded1.top()) > lossChartBottom, "the boundary comes after the loss"
                + " chart, as in the page: " + shaded0 + ", " + shaded1 + " vs " + training + ", " + validation);
        // Inside the curves' box the page is not blank: grid, marker and curves.
        assertTrue(inkShare(shot, training) > 0.02, "the loss chart's area has ink: " + inkShare(shot, training));
    }

    @Test
    void aReportWhoseChartsCannotBeDecodedShowsNoChart() throws Exception {
        // The check above can fail: the same page with its PNG data cut short draws no chart.
        String html = Files.readString(report).replaceAll("base64,[A-Za-z0-9+/=]+", "base64,iVBORw0KGgo=");
        Path broken = Files.writeString(temp.resolve("broken.html"), html);
        BufferedImage shot = screenshot(broken, "broken");
        Area training = area(shot, TRAINING_LINE, LINE_TOLERANCE);
        Area shaded = area(shot, CLASS_0_SHADE, SHADE_TOLERANCE);
        assertTrue(training.pixels() < 50 && shaded.pixels() < 50, training + ", " + shaded);
    }

    /** Headless Chromium's screenshot of {@code page}, with a fresh profile and no network use of its own. */
    private static BufferedImage screenshot(Path page, String name) throws IOException, InterruptedException {
        Path profile = Files.createDirectory(temp.resolve("profile-" + name));
        Path png = temp.resolve(name + ".png");
        Path log = temp.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT,
                page.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium took over 120 s:\n" + Files.readString(log));
        }
        assertTrue(Files.isRegularFile(png), "chromium wrote no screenshot (exit " + process.exitValue() + "):\n"
                + Files.readString(log));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth(), "screenshot width");
        return image;
    }

    /** Where pixels within {@code tolerance} (per channel) of {@code rgb} are, and how many. */
    record Area(int pixels, int left, int top, int right, int bottom) {
        int width() {
            return pixels == 0 ? 0 : right - left + 1;
        }
    }

    private static Area area(BufferedImage image, int rgb, int tolerance) {
        int count = 0;
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), rgb, tolerance)) {
                    count++;
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Area(count, left, top, right, bottom);
    }

    private static boolean near(int argb, int rgb, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double inkShare(BufferedImage image, Area box) {
        int ink = 0;
        int all = 0;
        for (int y = box.top(); y <= box.bottom(); y++) {
            for (int x = box.left(); x <= box.right(); x++) {
                int p = image.getRGB(x, y);
                ink += ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 3 * 235 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }

    /** {@code $SINAPSE_CHROMIUM}, or chromium, chromium-browser or google-chrome on the PATH. */
    static Optional<Path> findChromium() {
        String configured = System.getenv("SINAPSE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : new String[]{"chromium", "chromium-browser", "google-chrome"}) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
