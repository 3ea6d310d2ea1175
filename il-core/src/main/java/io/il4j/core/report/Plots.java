package io.il4j.core.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * PNG plots for run directories and READMEs, drawn with XChart in headless mode (no display needed):
 * <ul>
 *   <li>{@link #line}: learning curves and cost-versus-horizon curves, several series, optional shaded
 *   band (mean +- spread across seeds), optional log axes;</li>
 *   <li>{@link #bar}: score tables as grouped bars with error bars;</li>
 *   <li>{@link #trajectories}: 2-D paths of several policies with obstacles drawn as filled shapes.</li>
 * </ul>
 * Files are written atomically (temporary file, then move). All plots share one look: white
 * background, light grid, a fixed colour-blind-friendly palette (series i gets colour i). Builders are
 * not thread-safe; separate builders may be used from separate threads.
 */
public final class Plots {

    static {
        // must happen before any AWT class initializes; a user's explicit choice is respected
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
            new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    static final int DEFAULT_WIDTH = 800;
    static final int DEFAULT_HEIGHT = 500;

    private Plots() {
    }

    public static LinePlot line(String title, String xLabel, String yLabel) {
        return new LinePlot(title, xLabel, yLabel);
    }

    public static BarPlot bar(String title, String xLabel, String yLabel) {
        return new BarPlot(title, xLabel, yLabel);
    }

    public static TrajectoryPlot trajectories(String title, String xLabel, String yLabel) {
        return new TrajectoryPlot(title, xLabel, yLabel);
    }

    /** Colour of the {@code i}-th series. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code c} with the given alpha (0-255), for shaded bands and filled shapes. */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static XYChart xyChart(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        return chart;
    }

    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxBorderColor(Color.WHITE);
        s.setChartTitleBoxBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
        s.setSeriesColors(PALETTE);
    }

    static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000)
            throw new IllegalArgumentException("plot size must be 100..10000 pixels per side, got " + width + "x" + height);
    }

    static void checkFinite(String what, String series, double[] values) {
        for (int i = 0; i < values.length; i++)
            if (!Double.isFinite(values[i]))
                throw new IllegalArgumentException(what + "[" + i + "] of series '" + series + "' is " + values[i]
                        + "; plots need finite values");
    }

    static void checkSameLength(String series, double[] x, double[] y) {
        if (x.length != y.length)
            throw new IllegalArgumentException("series '" + series + "' has " + x.length + " x values but " + y.length + " y values");
        if (x.length == 0) throw new IllegalArgumentException("series '" + series + "' is empty");
    }

    /** Renders {@code chart} as PNG into {@code file} atomically. */
    static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, png);
    }
}
