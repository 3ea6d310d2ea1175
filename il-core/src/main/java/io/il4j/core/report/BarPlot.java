package io.il4j.core.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grouped bars with optional error bars: one group per category (e.g. environment), one bar per series
 * (e.g. method). Create with {@link Plots#bar}; set {@link #categories} first. Not thread-safe.
 */
public final class BarPlot {

    private record Series(String name, double[] values, double[] errors) {
    }

    private final String title, xLabel, yLabel;
    private final List<Series> series = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private List<String> categories;
    private int width = Plots.DEFAULT_WIDTH, height = Plots.DEFAULT_HEIGHT;

    BarPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** The groups along the x axis, in order. */
    public BarPlot categories(String... categories) {
        if (categories.length == 0) throw new IllegalArgumentException("a bar plot needs at least one category");
        if (!series.isEmpty()) throw new IllegalStateException("set the categories before adding series");
        this.categories = List.of(categories);
        if (new HashSet<>(this.categories).size() != categories.length)
            throw new IllegalArgumentException("categories must be distinct: " + Arrays.toString(categories));
        return this;
    }

    /** One bar per category. */
    public BarPlot series(String name, double[] values) {
        return series(name, values, null);
    }

    /** One bar per category with an error bar of half-height {@code errors[i]} (e.g. a CI half-width); may be null. */
    public BarPlot series(String name, double[] values, double[] errors) {
        if (categories == null) throw new IllegalStateException("set the categories before adding series");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a series needs a name");
        if (!names.add(name)) throw new IllegalArgumentException("series '" + name + "' was added twice");
        if (values.length != categories.size())
            throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values for " + categories.size() + " categories");
        Plots.checkFinite("value", name, values);
        if (errors != null) {
            if (errors.length != values.length)
                throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values but " + errors.length + " errors");
            Plots.checkFinite("error", name, errors);
        }
        series.add(new Series(name, values.clone(), errors == null ? null : errors.clone()));
        return this;
    }

    public BarPlot size(int width, int height) {
        Plots.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** Builds the XChart chart (for callers that want to adjust it before saving). */
    public CategoryChart chart() {
        if (series.isEmpty()) throw new IllegalStateException("bar plot '" + title + "' has no series");
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Plots.style(chart.getStyler());
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            List<Double> v = boxed(s.values);
            CategorySeries cs = s.errors == null ? chart.addSeries(s.name, categories, v)
                    : chart.addSeries(s.name, categories, v, boxed(s.errors));
            cs.setFillColor(Plots.color(k));
        }
        return chart;
    }

    public void save(Path file) throws IOException {
        Plots.savePng(chart(), file);
    }

    private static List<Double> boxed(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) l.add(v);
        return l;
    }
}
