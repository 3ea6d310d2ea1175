package io.il4j.core.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line chart of several series, each optionally with a shaded band {@code y +- spread} (for example the
 * mean of several seeds +- their standard deviation), on linear or logarithmic axes. Create with
 * {@link Plots#line}. Not thread-safe.
 *
 * <p>On a logarithmic y axis a band whose lower edge reaches zero or below is cut at a tenth of the
 * smallest positive value plotted (a log axis cannot show zero); series values themselves must be
 * positive on a log axis.
 */
public final class LinePlot {

    private record Series(String name, double[] x, double[] y, double[] spread) {
    }

    private final String title, xLabel, yLabel;
    private final List<Series> series = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean logX, logY, markers;
    private int width = Plots.DEFAULT_WIDTH, height = Plots.DEFAULT_HEIGHT;

    LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line. */
    public LinePlot series(String name, double[] x, double[] y) {
        return series(name, x, y, null);
    }

    /** Adds a line with a shaded band from {@code y - spread} to {@code y + spread}; {@code spread} may be null. */
    public LinePlot series(String name, double[] x, double[] y, double[] spread) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a series needs a name");
        if (!names.add(name)) throw new IllegalArgumentException("series '" + name + "' was added twice");
        Plots.checkSameLength(name, x, y);
        Plots.checkFinite("x", name, x);
        Plots.checkFinite("y", name, y);
        if (spread != null) {
            if (spread.length != y.length)
                throw new IllegalArgumentException("series '" + name + "' has " + y.length + " y values but " + spread.length + " spread values");
            Plots.checkFinite("spread", name, spread);
            for (int i = 0; i < spread.length; i++)
                if (spread[i] < 0) throw new IllegalArgumentException("spread[" + i + "] of series '" + name + "' is negative: " + spread[i]);
        }
        series.add(new Series(name, x.clone(), y.clone(), spread == null ? null : spread.clone()));
        return this;
    }

    public LinePlot logX() {
        logX = true;
        return this;
    }

    public LinePlot logY() {
        logY = true;
        return this;
    }

    /** Both axes logarithmic: a power law becomes a straight line whose slope is the exponent. */
    public LinePlot logLog() {
        return logX().logY();
    }

    /** Draws a marker at every point (useful when there are few points). */
    public LinePlot markers(boolean on) {
        markers = on;
        return this;
    }

    public LinePlot size(int width, int height) {
        Plots.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** Builds the XChart chart (for callers that want to adjust it before saving). */
    public XYChart chart() {
        if (series.isEmpty()) throw new IllegalStateException("line plot '" + title + "' has no series");
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (logX && s.x[i] <= 0)
                    throw new IllegalArgumentException("x[" + i + "] of series '" + s.name + "' is " + s.x[i] + "; a log x axis needs positive values");
                if (logY && s.y[i] <= 0)
                    throw new IllegalArgumentException("y[" + i + "] of series '" + s.name + "' is " + s.y[i] + "; a log y axis needs positive values");
            }
        }
        XYChart chart = Plots.xyChart(title, xLabel, yLabel, width, height);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        double floor = logY ? smallestPositive() / 10 : Double.NEGATIVE_INFINITY;
        // bands first, so every line is drawn over every band
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            if (s.spread == null) continue;
            int n = s.x.length;
            double[] px = new double[2 * n], py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = s.x[i];
                py[i] = s.y[i] + s.spread[i];
                px[2 * n - 1 - i] = s.x[i];
                py[2 * n - 1 - i] = Math.max(floor, s.y[i] - s.spread[i]);
            }
            XYSeries band = chart.addSeries(s.name + " (band)", px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            Color c = Plots.color(k);
            band.setFillColor(Plots.translucent(c, 50));
            band.setLineColor(Plots.translucent(c, 0));
            band.setShowInLegend(false);
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            XYSeries line = chart.addSeries(s.name, s.x, s.y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(Plots.color(k));
            line.setLineStyle(new BasicStroke(2f));
            line.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setMarkerColor(Plots.color(k));
        }
        return chart;
    }

    /** Renders the chart as a PNG at {@code file}, atomically. */
    public void save(Path file) throws IOException {
        Plots.savePng(chart(), file);
    }

    private double smallestPositive() {
        double m = Double.POSITIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.y.length; i++) {
                if (s.y[i] > 0) m = Math.min(m, s.y[i]);
                if (s.spread != null && s.y[i] - s.spread[i] > 0) m = Math.min(m, s.y[i] - s.spread[i]);
            }
        }
        return m;
    }
}
