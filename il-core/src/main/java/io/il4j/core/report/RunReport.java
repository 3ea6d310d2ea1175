package io.il4j.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HTML page of a run directory ({@value #FILE}) and the comparison of several: one self-contained file each (no
 * script, no network: charts are inline SVG drawn from {@code metrics.csv}, the run's PNG plots are embedded as data
 * URIs). A single run shows its curves, plots, results (estimates as mean with their confidence interval), the
 * dataset it used ({@value #DATASET}, written by training commands), its configuration and provenance. A comparison
 * overlays the runs' curves, joins their results into one table and highlights configuration values that differ.
 * Every number printed from {@code results.json} carries its JSON pointer and exact value ({@code data-path},
 * {@code data-value}), which is how the browser test checks the table against the file. Stateless; thread-safe.
 */
public final class RunReport {

    public static final String FILE = "report.html";
    /** A description of the training data a run used, written by training commands (path, summary, content hash). */
    public static final String DATASET = "dataset.json";

    /** What a run directory holds. */
    record Run(String name, Path dir, JsonNode config, JsonNode results, JsonNode dataset, List<String> columns,
               List<double[]> rows, Map<String, byte[]> pngs) {
    }

    private RunReport() {
    }

    /** Writes {@code dir/report.html} for the run in {@code dir}; returns its path. */
    public static Path write(Path dir) throws IOException {
        Run run = read(dir);
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, single(run));
        return file;
    }

    /** Writes a comparison of the runs in {@code dirs} to {@code out}. */
    public static void compare(List<Path> dirs, Path out) throws IOException {
        if (dirs.isEmpty()) throw new IllegalArgumentException("a comparison needs at least one run directory");
        List<Run> runs = new ArrayList<>();
        for (Path d : dirs) runs.add(read(d));
        AtomicFiles.writeString(out, comparison(runs));
    }

    static Run read(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException(dir + " is not a run directory" + (Files.exists(dir) ? " (it is a file)" : " (it does not exist)"));
        Path config = dir.resolve(RunDirectory.CONFIG), results = dir.resolve(RunDirectory.RESULTS), dataset = dir.resolve(DATASET);
        if (!Files.exists(config) && !Files.exists(results))
            throw new IllegalArgumentException(dir + " is not a run directory: it has neither " + RunDirectory.CONFIG + " nor " + RunDirectory.RESULTS);
        List<String> columns = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Path metrics = dir.resolve(RunDirectory.METRICS);
        if (Files.exists(metrics)) {
            try (Reader r = Files.newBufferedReader(metrics, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                columns.addAll(p.getHeaderNames());
                for (CSVRecord rec : p) {
                    double[] v = new double[columns.size()];
                    for (int i = 0; i < v.length; i++) v[i] = parse(i < rec.size() ? rec.get(i) : "");
                    rows.add(v);
                }
            }
        }
        Map<String, byte[]> pngs = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList())
                pngs.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        Path abs = dir.toAbsolutePath().normalize();
        return new Run(abs.getFileName() == null ? abs.toString() : abs.getFileName().toString(), dir,
                Files.exists(config) ? Json.readTree(config) : null, Files.exists(results) ? Json.readTree(results) : null,
                Files.exists(dataset) ? Json.readTree(dataset) : null, columns, rows, pngs);
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // ---- one run -------------------------------------------------------------------------------------

    static String single(Run run) {
        StringBuilder b = head("il4j run " + run.name());
        b.append("<h1>Run <code>").append(Html.escape(run.name())).append("</code></h1>\n");
        List<SvgChart> charts = charts(List.of(run));
        if (!charts.isEmpty()) {
            b.append("<section id=\"curves\"><h2>Learning curves</h2>\n<p>From <code>metrics.csv</code> (")
                    .append(run.rows().size()).append(" checks).</p>\n");
            for (SvgChart c : charts) b.append("<figure class=\"figure\">").append(c.render()).append("</figure>\n");
            b.append("</section>\n");
        }
        if (!run.pngs().isEmpty()) {
            b.append("<section id=\"plots\"><h2>Plots</h2>\n");
            run.pngs().forEach((name, bytes) -> b.append("<figure class=\"figure\"><img alt=\"").append(Html.escape(name))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(bytes))
                    .append("\"><figcaption>").append(Html.escape(name)).append("</figcaption></figure>\n"));
            b.append("</section>\n");
        }
        if (run.results() != null) {
            b.append("<section id=\"results\"><h2>Results</h2>\n<p>From <code>results.json</code>; estimates as mean "
                    + "[95% confidence interval].</p>\n");
            SvgIntervals intervals = new SvgIntervals("Estimates: mean (dot), 95% interval (bar), observed range (line)");
            estimates(run.results(), "", intervals);
            if (!intervals.isEmpty()) b.append("<figure class=\"figure\">").append(intervals.render()).append("</figure>\n");
            results(b, run.results(), "");
            b.append("</section>\n");
        }
        if (run.dataset() != null) {
            b.append("<section id=\"dataset\"><h2>Dataset</h2>\n");
            JsonNode card = run.dataset().get("card");
            com.fasterxml.jackson.databind.node.ObjectNode rest = run.dataset().deepCopy();
            rest.remove("card");
            keyValues(b, flatten(rest), "dataset");
            if (card != null && card.isTextual()) b.append("<pre class=\"card\">").append(Html.escape(card.asText())).append("</pre>\n");
            b.append("</section>\n");
        }
        if (run.config() != null) {
            b.append("<section id=\"config\"><h2>Configuration</h2>\n");
            keyValues(b, flatten(run.config()), "config");
            b.append("</section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** Results: scalars as key/value rows, estimates as mean [low, high], arrays of records as tables. */
    private static void results(StringBuilder b, JsonNode node, String pointer) {
        List<String[]> scalars = new ArrayList<>();
        if (!node.isObject()) {
            if (node.isArray() && isTable(node)) table(b, pointer, node);
            return;
        }
        b.append("<table class=\"results\"><tbody>\n");
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = pointer + "/" + e.getKey();
            JsonNode v = e.getValue();
            if (v.isArray() && isTable(v)) continue; // rendered below
            b.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>").append(cell(v, p)).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isArray() && isTable(e.getValue())) {
                b.append("<h3>").append(Html.escape(e.getKey())).append("</h3>\n");
                table(b, pointer + "/" + e.getKey(), e.getValue());
            }
        }
    }

    /** Every estimate (an object with mean, ciLow and ciHigh) in the tree, labelled by its path. */
    private static void estimates(JsonNode node, String path, SvgIntervals out) {
        if (node.isObject() && node.has("mean") && node.has("ciLow") && node.has("ciHigh")) {
            out.add(path, node.get("mean").asDouble(), node.get("ciLow").asDouble(), node.get("ciHigh").asDouble(),
                    node.path("min").asDouble(Double.NaN), node.path("max").asDouble(Double.NaN));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> estimates(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode x = node.get(i);
                // a row of a table: name it by its first text field (a method, a task) when it has one
                String name = x.isObject() && x.size() > 0 && x.elements().next().isTextual() ? x.elements().next().asText() : String.valueOf(i);
                estimates(x, path + "[" + name + "]", out);
            }
        }
    }

    private static boolean isTable(JsonNode array) {
        if (array.isEmpty()) return false;
        for (JsonNode x : array) if (!x.isObject()) return false;
        return true;
    }

    private static void table(StringBuilder b, String pointer, JsonNode array) {
        Set<String> cols = new LinkedHashSet<>();
        for (JsonNode row : array) row.fieldNames().forEachRemaining(cols::add);
        b.append("<table class=\"results\"><thead><tr>");
        for (String c : cols) b.append("<th>").append(Html.escape(c)).append("</th>");
        b.append("</tr></thead><tbody>\n");
        for (int i = 0; i < array.size(); i++) {
            b.append("<tr>");
            for (String c : cols) {
                JsonNode v = array.get(i).get(c);
                b.append("<td>").append(v == null ? "" : cell(v, pointer + "/" + i + "/" + c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** One value: a number (with its pointer and exact value), an estimate, a list, or text. */
    private static String cell(JsonNode v, String pointer) {
        if (v.isNumber()) return num(v, pointer);
        if (v.isObject() && v.has("mean") && v.has("ciLow") && v.has("ciHigh")) {
            StringBuilder sb = new StringBuilder(num(v.get("mean"), pointer + "/mean")).append(" [")
                    .append(num(v.get("ciLow"), pointer + "/ciLow")).append(", ").append(num(v.get("ciHigh"), pointer + "/ciHigh")).append("]");
            v.fields().forEachRemaining(e -> { // the estimate's other numbers (n, std, min, max, confidence) in smaller print
                if (!Set.of("mean", "ciLow", "ciHigh").contains(e.getKey()))
                    sb.append(" <span class=\"n\">").append(Html.escape(e.getKey())).append(" ").append(cell(e.getValue(), pointer + "/" + e.getKey())).append("</span>");
            });
            return sb.toString();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) parts.add(cell(v.get(i), pointer + "/" + i));
            return String.join(", ", parts);
        }
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("<table class=\"nested\"><tbody>");
            v.fields().forEachRemaining(e -> sb.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>")
                    .append(cell(e.getValue(), pointer + "/" + e.getKey())).append("</td></tr>"));
            return sb.append("</tbody></table>").toString();
        }
        return Html.escape(v.isTextual() ? v.asText() : v.toString());
    }

    private static String num(JsonNode v, String pointer) {
        if (!v.isNumber()) return Html.escape(v.asText());
        return "<span class=\"num\" data-path=\"" + Html.escape(pointer) + "\" data-value=\"" + Html.escape(v.asText()) + "\">"
                + Html.number(v.asDouble()) + "</span>";
    }

    private static void keyValues(StringBuilder b, Map<String, String> values, String cssClass) {
        b.append("<table class=\"").append(cssClass).append("\"><tbody>\n");
        values.forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>\n"));
        b.append("</tbody></table>\n");
    }

    /** Leaves of a JSON tree by dotted path ({@code a.b}, {@code list[2]}), as text. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(node, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) out.put(path, "{}");
            node.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray() && node.size() > 0 && !node.get(0).isValueNode()) {
            for (int i = 0; i < node.size(); i++) flatten(node.get(i), path + "[" + i + "]", out);
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(x -> parts.add(x.asText()));
            out.put(path, "[" + String.join(", ", parts) + "]");
        } else {
            out.put(path, node.isNull() ? "null" : node.asText());
        }
    }

    // ---- several runs --------------------------------------------------------------------------------

    static String comparison(List<Run> runs) {
        StringBuilder b = head("il4j comparison of " + runs.size() + " runs");
        b.append("<h1>Comparison of ").append(runs.size()).append(" runs</h1>\n<ol class=\"runs\">");
        for (Run r : runs) b.append("<li><code>").append(Html.escape(r.dir().toString())).append("</code></li>");
        b.append("</ol>\n");
        List<SvgChart> charts = charts(runs);
        if (!charts.isEmpty()) {
            b.append("<section id=\"curves\"><h2>Learning curves</h2>\n");
            for (SvgChart c : charts) b.append("<figure class=\"figure\">").append(c.render()).append("</figure>\n");
            b.append("</section>\n");
        }
        b.append("<section id=\"results\"><h2>Results</h2>\n");
        joined(b, runs, r -> r.results() == null ? Map.of() : numbers(r.results()), "results", true);
        b.append("</section>\n<section id=\"config\"><h2>Configuration</h2>\n<p>Rows whose values differ are highlighted.</p>\n");
        joined(b, runs, r -> r.config() == null ? Map.of() : flatten(r.config()), "config", false);
        b.append("</section>\n");
        if (runs.stream().anyMatch(r -> r.dataset() != null)) {
            b.append("<section id=\"dataset\"><h2>Datasets</h2>\n");
            joined(b, runs, r -> {
                if (r.dataset() == null) return Map.of();
                Map<String, String> d = flatten(r.dataset());
                d.remove("card"); // the single-run pages show it; side by side it only repeats
                return d;
            }, "dataset", false);
            b.append("</section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** Numeric leaves of results by JSON pointer. */
    private static Map<String, String> numbers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        numbers(node, "", out);
        return out;
    }

    private static void numbers(JsonNode node, String pointer, Map<String, String> out) {
        if (node.isNumber()) out.put(pointer, node.asText());
        else if (node.isContainerNode()) {
            if (node.isObject()) node.fields().forEachRemaining(e -> numbers(e.getValue(), pointer + "/" + e.getKey(), out));
            else for (int i = 0; i < node.size(); i++) numbers(node.get(i), pointer + "/" + i, out);
        }
    }

    private static void joined(StringBuilder b, List<Run> runs, java.util.function.Function<Run, Map<String, String>> values,
                               String cssClass, boolean numeric) {
        List<Map<String, String>> maps = runs.stream().map(values).toList();
        Set<String> keys = new LinkedHashSet<>();
        maps.forEach(m -> keys.addAll(m.keySet()));
        b.append("<table class=\"").append(cssClass).append("\"><thead><tr><th></th>");
        for (Run r : runs) b.append("<th>").append(Html.escape(r.name())).append("</th>");
        b.append("</tr></thead><tbody>\n");
        for (String k : keys) {
            Set<String> distinct = new LinkedHashSet<>();
            maps.forEach(m -> distinct.add(m.getOrDefault(k, "")));
            String label = numeric && k.startsWith("/") ? k.substring(1) : k; // results are keyed by JSON pointer
            b.append(distinct.size() > 1 && !numeric ? "<tr class=\"differs\">" : "<tr>").append("<th>").append(Html.escape(label)).append("</th>");
            for (int i = 0; i < runs.size(); i++) {
                String v = maps.get(i).get(k);
                b.append("<td>");
                if (v != null && numeric)
                    b.append("<span class=\"num\" data-run=\"").append(i).append("\" data-path=\"").append(Html.escape(k))
                            .append("\" data-value=\"").append(Html.escape(v)).append("\">").append(Html.number(Double.parseDouble(v))).append("</span>");
                else if (v != null) b.append(Html.escape(v));
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    // ---- shared ----------------------------------------------------------------------------------------

    /** One chart per metric over the first column (step, round): losses together, others alone; one series per run and column. */
    private static List<SvgChart> charts(List<Run> runs) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Run r : runs) {
            for (int c = 1; c < r.columns().size(); c++) {
                String col = r.columns().get(c);
                if (col.equals("seconds") || col.equals("epoch")) continue;
                String group = col.endsWith("_loss") ? "loss" : col;
                List<String> members = groups.computeIfAbsent(group, g -> new ArrayList<>());
                if (!members.contains(col)) members.add(col);
            }
        }
        List<SvgChart> charts = new ArrayList<>();
        for (var g : groups.entrySet()) {
            String x = runs.stream().filter(r -> !r.columns().isEmpty()).findFirst().map(r -> r.columns().get(0)).orElse("step");
            SvgChart chart = new SvgChart(g.getKey(), x, g.getKey());
            for (Run r : runs) {
                for (String col : g.getValue()) {
                    int c = r.columns().indexOf(col);
                    if (c < 0) continue;
                    double[] xs = r.rows().stream().mapToDouble(v -> v[0]).toArray(), ys = r.rows().stream().mapToDouble(v -> v[c]).toArray();
                    String name = runs.size() > 1 ? r.name() + (g.getValue().size() > 1 ? " " + col : "") : col;
                    chart.series(name, xs, ys);
                }
            }
            if (chart.hasData()) charts.add(chart);
        }
        return charts;
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title>\n<style>\n"
                        + "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}\n"
                        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}\n"
                        + "thead th{background:#f2f2f2}.num{font-variant-numeric:tabular-nums}.n{color:#777;font-size:90%}\n"
                        + "tr.differs{background:#fff3c4}table.nested td,table.nested th{border:none;padding:0 6px 0 0}\n"
                        + ".figure{display:inline-block;margin:0 1em 1em 0}.figure img{max-width:100%;border:1px solid #ddd}\n"
                        + "pre.card{background:#f7f7f7;padding:0.8em;overflow-x:auto}\n"
                        + "</style></head><body>\n");
    }
}
