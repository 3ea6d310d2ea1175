package io.il4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The run reports in a real browser: headless Chromium driven through chromedriver's WebDriver protocol (plain HTTP
 * and JSON, no client library). For the report of a training run, of an evaluation run and for the comparison of two
 * runs: the page loads with no console error, every figure has a non-zero size (images decoded), and every number
 * in the tables equals the value in {@code results.json} at the JSON pointer the cell names, with every number of
 * {@code results.json} shown. Skipped, saying so, where Chromium or chromedriver is not installed (Debian packages
 * {@code chromium}, {@code chromium-driver}).
 */
class ReportBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final String PROBE = """
            const figures = [...document.querySelectorAll('figure')].map(f => {
              const el = f.querySelector('svg, img');
              const r = el ? el.getBoundingClientRect() : {width: 0, height: 0};
              return {what: el ? el.tagName + ' ' + (el.getAttribute('aria-label') || el.getAttribute('alt') || '') : 'empty figure',
                      width: r.width, height: r.height, decoded: el && el.tagName === 'IMG' ? (el.complete && el.naturalWidth > 0) : true};
            });
            const numbers = [...document.querySelectorAll('.num')].map(e => ({path: e.dataset.path, value: e.dataset.value,
                      text: e.textContent, run: e.dataset.run === undefined ? -1 : Number(e.dataset.run)}));
            return {title: document.title, figures: figures, numbers: numbers};
            """;

    private static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            for (String n : names) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        return Optional.empty();
    }

    @Test
    void reportsLoadWithoutErrorsShowEveryFigureAndTheNumbersOfResultsJson(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome"), driver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), "skipping the browser test of the HTML reports: "
                + "no Chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)");

        Path runs = dir.resolve("runs");
        String data = "../datasets/sample/driving-expert.csv";
        assertEquals(0, Main.run("train", "bc", "--data", data, "--policy", "mse", "--hidden", "16", "--steps", "150",
                "--out", dir.resolve("a.zip").toString(), "--runs", runs.toString(), "--name", "a"));
        assertEquals(0, Main.run("train", "bc", "--data", data, "--policy", "gaussian", "--hidden", "16", "--steps", "150",
                "--lr", "0.003", "--out", dir.resolve("b.zip").toString(), "--runs", runs.toString(), "--name", "b"));
        assertEquals(0, Main.run("eval", "--policy", dir.resolve("a.zip").toString(), "--env", "driving", "-o", "max_steps=30",
                "--episodes", "3", "--runs", runs.toString(), "--name", "e"));
        Path compare = dir.resolve("compare.html");
        assertEquals(0, Main.run("report", runs.resolve("a").toString(), runs.resolve("b").toString(), "--out", compare.toString()));
        Path err = Files.writeString(dir.resolve("error.html"), "<!DOCTYPE html><html><body><script>console.error('planted')</script></body></html>");

        try (WebDriver browser = WebDriver.start(driver.get(), chromium.get(), dir.resolve("profile"))) {
            // the console check can fail: a page that logs an error is caught
            browser.open(err);
            assertFalse(browser.severeLogs().isEmpty(), "the planted console error was not seen");

            for (String run : new String[]{"a", "e"}) {
                Path page = runs.resolve(run).resolve("report.html");
                JsonNode probe = check(browser, page);
                JsonNode results = JSON.readTree(runs.resolve(run).resolve("results.json").toFile());
                List<String> shown = new ArrayList<>();
                for (JsonNode n : probe.get("numbers")) {
                    String path = n.get("path").asText();
                    JsonNode expected = results.at(path);
                    assertTrue(expected.isNumber(), page + ": " + path + " is not a number in results.json");
                    assertNumberShows(expected, n, page + " " + path);
                    shown.add(path);
                }
                assertTrue(shown.containsAll(numericLeaves(results, "")), page + " leaves out numbers of results.json: shown " + shown);
            }
            JsonNode cmp = check(browser, compare);
            JsonNode[] results = {JSON.readTree(runs.resolve("a/results.json").toFile()), JSON.readTree(runs.resolve("b/results.json").toFile())};
            int seen = 0;
            for (JsonNode n : cmp.get("numbers")) {
                JsonNode expected = results[n.get("run").asInt()].at(n.get("path").asText());
                assertTrue(expected.isNumber(), compare + ": " + n);
                assertNumberShows(expected, n, compare + " run " + n.get("run") + " " + n.get("path"));
                seen++;
            }
            assertEquals(numericLeaves(results[0], "").size() + numericLeaves(results[1], "").size(), seen, "numbers in the joined table");
            assertTrue(cmp.get("figures").size() >= 1, "the comparison overlays the curves");
        }
    }

    /** Loads a page and checks the console and the figures; returns the probe's result. */
    private static JsonNode check(WebDriver browser, Path page) throws Exception {
        browser.open(page);
        JsonNode probe = browser.execute(PROBE);
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), page + ": console errors " + errors);
        assertTrue(probe.get("figures").size() > 0, page + ": no figure");
        for (JsonNode f : probe.get("figures")) {
            assertTrue(f.get("width").asDouble() > 0 && f.get("height").asDouble() > 0, page + ": figure of zero size " + f);
            assertTrue(f.get("decoded").asBoolean(), page + ": image not decoded " + f);
        }
        return probe;
    }

    private static void assertNumberShows(JsonNode expected, JsonNode cell, String where) {
        assertEquals(expected.asDouble(), Double.parseDouble(cell.get("value").asText()), 0.0, where + " exact value");
        double shown = Double.parseDouble(cell.get("text").asText());
        assertEquals(expected.asDouble(), shown, Math.abs(expected.asDouble()) * 5e-4 + 1e-12, where + " as displayed: " + cell.get("text"));
    }

    private static List<String> numericLeaves(JsonNode node, String pointer) {
        if (node.isNumber()) return List.of(pointer);
        List<String> out = new ArrayList<>();
        if (node.isObject()) node.fields().forEachRemaining(e -> out.addAll(numericLeaves(e.getValue(), pointer + "/" + e.getKey())));
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) out.addAll(numericLeaves(node.get(i), pointer + "/" + i));
        return out;
    }

    /** A chromedriver process and one browser session, spoken to over the W3C WebDriver HTTP protocol. */
    private static final class WebDriver implements AutoCloseable {
        private final Process process;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private String session;

        private WebDriver(Process process, int port) {
            this.process = process;
            this.base = "http://127.0.0.1:" + port;
        }

        static WebDriver start(Path driver, Path chromium, Path profile) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(driver.toString(), "--port=" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            WebDriver w = new WebDriver(p, port);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try {
                        if (w.call("GET", "/status", null).path("ready").asBoolean()) break;
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    if (System.nanoTime() > deadline) throw new IllegalStateException("chromedriver did not become ready");
                    Thread.sleep(100);
                }
                Files.createDirectories(profile);
                ObjectNode caps = JSON.createObjectNode();
                ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
                always.put("browserName", "chrome");
                ObjectNode chrome = always.putObject("goog:chromeOptions");
                chrome.put("binary", chromium.toString());
                ArrayNode args = chrome.putArray("args");
                Stream.concat(CHROMIUM_FLAGS.stream(), Stream.of("--user-data-dir=" + profile)).forEach(args::add);
                always.putObject("goog:loggingPrefs").put("browser", "ALL");
                w.session = w.call("POST", "/session", caps).get("sessionId").asText();
                return w;
            } catch (Exception e) {
                w.close();
                throw e;
            }
        }

        void open(Path page) throws Exception {
            ObjectNode body = JSON.createObjectNode().put("url", page.toUri().toString());
            call("POST", "/session/" + session + "/url", body);
        }

        JsonNode execute(String script) throws Exception {
            ObjectNode body = JSON.createObjectNode().put("script", script);
            body.putArray("args");
            return call("POST", "/session/" + session + "/execute/sync", body);
        }

        /** Console messages of level SEVERE (errors) since the last call. */
        List<String> severeLogs() throws Exception {
            List<String> out = new ArrayList<>();
            for (JsonNode e : call("POST", "/session/" + session + "/se/log", JSON.createObjectNode().put("type", "browser")))
                if ("SEVERE".equals(e.path("level").asText())) out.add(e.path("message").asText());
            return out;
        }

        private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json");
            rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode value = JSON.readTree(r.body()).path("value");
            if (r.statusCode() != 200) throw new IllegalStateException("WebDriver " + method + " " + path + ": " + r.statusCode() + " " + value);
            return value;
        }

        @Override
        public void close() {
            try {
                if (session != null) call("DELETE", "/session/" + session, null);
            } catch (Exception ignored) {
                // the driver is stopped below either way
            } finally {
                process.destroy();
            }
        }
    }
}
