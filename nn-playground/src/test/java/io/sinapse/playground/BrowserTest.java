package io.sinapse.playground;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in a real browser: headless Chromium, driven over the DevTools protocol, sets the form to XOR on a
 * 2-4-1 tanh network, presses Start, waits until the page shows 100 % accuracy, and the screenshot shows a decision
 * boundary with both classes' colours. Skipped only when there is no Chromium ({@code apt-get install chromium}).
 */
class BrowserTest {

    /** Where the screenshot goes, for people to look at (docs/images/playground.png is a copy of one). */
    static final Path SCREENSHOT = Path.of("target", "playground-xor.png");

    @Test
    @SuppressWarnings("unchecked")
    void xorOnTwoFourOneTanhReachesFullAccuracyAndTheBoundaryIsDrawn() throws Exception {
        Optional<Path> binary = Chromium.binary();
        assumeTrue(binary.isPresent(), "no chromium on the PATH (Debian: apt-get install chromium)");
        try (PlaygroundServer server = PlaygroundServer.builder().port(0).build().start();
             Chromium browser = Chromium.start(binary.get(), 1280, 900)) {
            browser.send("Runtime.enable", Map.of());
            browser.send("Page.enable", Map.of());
            browser.send("Page.navigate", Json.object("url", server.url()));
            String explain = "'state ' + document.body.dataset.state + ', error: '"
                    + " + (document.getElementById('error') || {}).textContent";
            browser.waitUntil("document.readyState === 'complete' && !document.getElementById('start').disabled"
                    + " && document.getElementById('epoch').textContent.startsWith('0 /')", Duration.ofSeconds(20),
                    explain);

            browser.evaluate("""
                    (() => {
                      const set = (id, value) => {
                        const field = document.getElementById(id);
                        field.value = value;
                        field.dispatchEvent(new Event('change', {bubbles: true}));
                      };
                      set('dataset', 'xor');
                      set('layers', '4');
                      set('activation', 'tanh');
                      set('loss', 'auto');
                      set('optimizer', 'adam');
                      set('learningRate', '0.05');
                      set('batchSize', '4');
                      set('epochs', '2000');
                      set('speed', '0');
                      document.getElementById('start').click();
                      return true;
                    })()""");
            browser.waitUntil("document.getElementById('accuracy').textContent === '100.0%'"
                    + " && document.body.dataset.state === 'finished'", Duration.ofSeconds(30), explain);
            assertEquals("2 → 4 tanh → 1 sigmoid", ((String) browser.evaluate(
                    "document.getElementById('network-caption').textContent")).split(";")[0]);
            // Two animation frames: the last frame's pictures are on the canvases.
            browser.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");

            byte[] png = browser.screenshot();
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            double scale = image.getWidth() / ((Number) browser.evaluate("window.innerWidth")).doubleValue();
            Map<String, Object> box = (Map<String, Object>) browser.evaluate("(() => {"
                    + " const r = document.getElementById('boundary').getBoundingClientRect();"
                    + " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()");
            Colours boundary = Colours.count(image, box, scale);
            assertTrue(boundary.total > 10_000, "the boundary canvas is on the screenshot: " + boundary);
            assertTrue(boundary.share(boundary.blue) > 0.15 && boundary.share(boundary.orange) > 0.15,
                    "both classes' colours fill the boundary canvas (see " + SCREENSHOT + "): " + boundary);
            assertTrue(boundary.share(boundary.white) < 0.3, "the canvas is not blank: " + boundary);
            assertEquals(0, browser.errors().size(), "no script errors: " + browser.errors());
        }
    }

    /** How many pixels of a box are bluish, orangish or near white. */
    record Colours(int total, int blue, int orange, int white) {

        static Colours count(BufferedImage image, Map<String, Object> box, double scale) throws IOException {
            int x0 = (int) Math.ceil(num(box, "x") * scale) + 2;
            int y0 = (int) Math.ceil(num(box, "y") * scale) + 2;
            int x1 = Math.min(image.getWidth(), (int) ((num(box, "x") + num(box, "width")) * scale) - 2);
            int y1 = Math.min(image.getHeight(), (int) ((num(box, "y") + num(box, "height")) * scale) - 2);
            int total = 0;
            int blue = 0;
            int orange = 0;
            int white = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int b = rgb & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    total++;
                    if (r > 245 && g > 245 && b > 245) {
                        white++;
                    } else if (b > r + 20) {
                        blue++;
                    } else if (r > b + 20) {
                        orange++;
                    }
                }
            }
            return new Colours(total, blue, orange, white);
        }

        private static double num(Map<String, Object> box, String key) {
            return ((Number) box.get(key)).doubleValue();
        }

        double share(int count) {
            return total == 0 ? 0 : (double) count / total;
        }
    }
}
