package io.il4j.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimates with confidence intervals as inline SVG, one row each on its own scale (a return and a collision rate
 * do not share an axis): the range of the observed values as a thin grey line, the interval as a thick bar, the mean
 * as a dot, the numbers beside them. Not thread-safe.
 */
public final class SvgIntervals {
    private static final int W = 720, ROW = 26, LABEL = 250, BAR = 300;

    private record Row(String label, double mean, double low, double high, double min, double max) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public SvgIntervals(String title) {
        this.title = title;
    }

    /** One estimate; {@code min}/{@code max} (the observed range) may be NaN. */
    public SvgIntervals add(String label, double mean, double low, double high, double min, double max) {
        rows.add(new Row(label, mean, low, high, min, max));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int h = 30 + ROW * rows.size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", W, h, W, h, Html.escape(title), W, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>", 4, Html.escape(title)));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double lo = finiteMin(r.min, r.low, r.mean), hi = finiteMax(r.max, r.high, r.mean);
            if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
            double l0 = lo, span = hi - lo;
            java.util.function.DoubleUnaryOperator x = v -> LABEL + (v - l0) / span * BAR;
            int y = 38 + ROW * i;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>", LABEL - 10, y + 4, Html.escape(r.label)));
            if (Double.isFinite(r.min) && Double.isFinite(r.max))
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bbb\" stroke-width=\"1\"/>",
                        x.applyAsDouble(r.min), y, x.applyAsDouble(r.max), y));
            if (Double.isFinite(r.low) && Double.isFinite(r.high))
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f77b4\" stroke-width=\"6\" stroke-linecap=\"round\"/>",
                        x.applyAsDouble(r.low), y, x.applyAsDouble(r.high), y));
            if (Double.isFinite(r.mean))
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#d62728\"/>", x.applyAsDouble(r.mean), y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s [%s, %s]</text>", LABEL + BAR + 12, y + 4,
                    Html.number(r.mean), Html.number(r.low), Html.number(r.high)));
        }
        return sb.append("</svg>").toString();
    }

    private static double finiteMin(double... v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) if (Double.isFinite(d)) m = Math.min(m, d);
        return m;
    }

    private static double finiteMax(double... v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) if (Double.isFinite(d)) m = Math.max(m, d);
        return m;
    }
}
