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
 * Paths in the plane (e.g. the x-y trajectories of several policies from one start) with obstacles drawn
 * as filled grey shapes, goal regions filled gold under their own legend entry, and marked points (starts).
 * Axes get equal scale by default, so circles look round and distances compare honestly. Create with
 * {@link Plots#trajectories}. Not thread-safe.
 */
public final class TrajectoryPlot {

    private enum Kind { PATH, POINTS, MARKERS, OBSTACLE, GOAL }

    private record Item(Kind kind, String name, double[] x, double[] y, int colorIndex, boolean inLegend) {
    }

    private static final Color OBSTACLE_FILL = new Color(120, 120, 120, 140);
    // Goal and marker colours are outside the series palette, so they never look like a path.
    private static final Color GOAL_FILL = new Color(255, 200, 0, 170), GOAL_EDGE = new Color(150, 110, 0);
    private static final Color MARKER_COLOR = Color.BLACK;
    private static final int CIRCLE_VERTICES = 48;

    private final String title, xLabel, yLabel;
    private final List<Item> items = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int colors, obstacles;
    private boolean equalAspect = true;
    private int width = 700, height = 600;

    TrajectoryPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A path drawn as a line, in the next series colour. */
    public TrajectoryPlot path(String name, double[] x, double[] y) {
        return add(Kind.PATH, name, x, y);
    }

    /**
     * Several paths of one kind (e.g. episodes of one policy) in one colour, with a single legend entry
     * {@code name}.
     */
    public TrajectoryPlot paths(String name, List<double[]> xs, List<double[]> ys) {
        if (xs.size() != ys.size() || xs.isEmpty())
            throw new IllegalArgumentException("paths '" + name + "': need as many x as y arrays, at least one; got " + xs.size() + " and " + ys.size());
        int color = colors++;
        for (int i = 0; i < xs.size(); i++) add(Kind.PATH, i == 0 ? name : name + " #" + (i + 1), xs.get(i), ys.get(i), color, i == 0);
        return this;
    }

    /** Points drawn as markers (no line), in the next series colour. */
    public TrajectoryPlot points(String name, double[] x, double[] y) {
        return add(Kind.POINTS, name, x, y);
    }

    /** Points drawn as black markers under one legend entry (e.g. the starts); they take no series colour. */
    public TrajectoryPlot markers(String name, double[] x, double[] y) {
        return add(Kind.MARKERS, name, x, y, -1, true);
    }

    /** A circular obstacle. */
    public TrajectoryPlot circle(double cx, double cy, double radius) {
        double[][] v = circleVertices(cx, cy, radius);
        return polygon(v[0], v[1]);
    }

    /** A circular goal region (e.g. a success radius), filled gold, with the legend entry {@code name}. */
    public TrajectoryPlot goalCircle(String name, double cx, double cy, double radius) {
        double[][] v = circleVertices(cx, cy, radius);
        return add(Kind.GOAL, name, v[0], v[1], -1, true);
    }

    private static double[][] circleVertices(double cx, double cy, double radius) {
        if (!(radius > 0) || !Double.isFinite(radius)) throw new IllegalArgumentException("circle radius must be finite and > 0, got " + radius);
        double[] x = new double[CIRCLE_VERTICES], y = new double[CIRCLE_VERTICES];
        for (int i = 0; i < CIRCLE_VERTICES; i++) {
            double a = 2 * Math.PI * i / CIRCLE_VERTICES;
            x[i] = cx + radius * Math.cos(a);
            y[i] = cy + radius * Math.sin(a);
        }
        return new double[][]{x, y};
    }

    /** An axis-aligned rectangular obstacle with corners (x0, y0) and (x1, y1). */
    public TrajectoryPlot rectangle(double x0, double y0, double x1, double y1) {
        return polygon(new double[]{x0, x1, x1, x0}, new double[]{y0, y0, y1, y1});
    }

    /** A polygonal obstacle (vertices in order; it is closed automatically). */
    public TrajectoryPlot polygon(double[] x, double[] y) {
        if (x.length < 3) throw new IllegalArgumentException("an obstacle polygon needs at least 3 vertices, got " + x.length);
        obstacles++;
        // legend shows one "obstacles" entry however many there are
        return add(Kind.OBSTACLE, obstacles == 1 ? "obstacles" : "obstacle " + obstacles, x, y);
    }

    /** Whether one unit on x spans as many pixels as one unit on y (default true). */
    public TrajectoryPlot equalAspect(boolean on) {
        equalAspect = on;
        return this;
    }

    public TrajectoryPlot size(int width, int height) {
        Plots.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    private TrajectoryPlot add(Kind kind, String name, double[] x, double[] y) {
        return add(kind, name, x, y, kind == Kind.OBSTACLE ? -1 : colors++, true);
    }

    private TrajectoryPlot add(Kind kind, String name, double[] x, double[] y, int colorIndex, boolean inLegend) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a series needs a name");
        if (!names.add(name)) throw new IllegalArgumentException("series '" + name + "' was added twice");
        Plots.checkSameLength(name, x, y);
        Plots.checkFinite("x", name, x);
        Plots.checkFinite("y", name, y);
        items.add(new Item(kind, name, x.clone(), y.clone(), colorIndex, inLegend));
        return this;
    }

    /** Builds the XChart chart (for callers that want to adjust it before saving). */
    public XYChart chart() {
        if (items.isEmpty()) throw new IllegalStateException("trajectory plot '" + title + "' is empty");
        XYChart chart = Plots.xyChart(title, xLabel, yLabel, width, height);
        // areas first so paths are drawn over them
        for (Item it : items) {
            if (it.kind != Kind.OBSTACLE && it.kind != Kind.GOAL) continue;
            XYSeries s = chart.addSeries(it.name, it.x, it.y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            boolean goal = it.kind == Kind.GOAL;
            s.setFillColor(goal ? GOAL_FILL : OBSTACLE_FILL);
            s.setLineColor(goal ? GOAL_EDGE : OBSTACLE_FILL);
            s.setShowInLegend(goal || it.name.equals("obstacles"));
        }
        // markers last so paths do not hide them
        List<Item> ordered = new ArrayList<>();
        for (Item it : items) if (it.kind == Kind.PATH || it.kind == Kind.POINTS) ordered.add(it);
        for (Item it : items) if (it.kind == Kind.MARKERS) ordered.add(it);
        for (Item it : ordered) {
            XYSeries s = chart.addSeries(it.name, it.x, it.y);
            if (it.kind == Kind.MARKERS) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(MARKER_COLOR);
                continue;
            }
            Color c = Plots.color(it.colorIndex);
            s.setShowInLegend(it.inLegend);
            if (it.kind == Kind.PATH) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(c);
                s.setLineStyle(new BasicStroke(2f));
            } else {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(c);
            }
        }
        if (equalAspect) applyEqualAspect(chart);
        return chart;
    }

    public void save(Path file) throws IOException {
        Plots.savePng(chart(), file);
    }

    /**
     * Widens the shorter data range so that x and y units match for the plot area's aspect, estimated
     * from the chart size minus the room the legend, title and axes take.
     */
    private void applyEqualAspect(XYChart chart) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Item it : items) {
            for (double v : it.x) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
            for (double v : it.y) {
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
            }
        }
        double plotW = Math.max(50, width - 230), plotH = Math.max(50, height - 110);
        double xSpan = Math.max(xMax - xMin, 1e-9), ySpan = Math.max(yMax - yMin, 1e-9);
        double unitsPerPixel = Math.max(xSpan / plotW, ySpan / plotH) * 1.05; // 5% margin
        double cx = 0.5 * (xMin + xMax), cy = 0.5 * (yMin + yMax);
        chart.getStyler().setXAxisMin(cx - 0.5 * unitsPerPixel * plotW);
        chart.getStyler().setXAxisMax(cx + 0.5 * unitsPerPixel * plotW);
        chart.getStyler().setYAxisMin(cy - 0.5 * unitsPerPixel * plotH);
        chart.getStyler().setYAxisMax(cy + 0.5 * unitsPerPixel * plotH);
    }
}
