package io.il4j.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PlotsTest {

    @TempDir
    Path dir;

    private static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.size(png) > 1000, "PNG is suspiciously small");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a readable image");
        return img;
    }

    /** Number of distinct colours in the image: a blank canvas has one or two. */
    private static int colours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }

    @Test
    void lineChartWithBandsOnLogLogAxes() throws IOException {
        double[] h = {10, 20, 50, 100, 200};
        double[] bc = new double[5], bcStd = new double[5], dagger = new double[5], daggerStd = new double[5];
        for (int i = 0; i < 5; i++) {
            bc[i] = 0.01 * h[i] * h[i];
            bcStd[i] = 0.5 * bc[i];
            dagger[i] = 0.05 * h[i];
            daggerStd[i] = 1.2 * dagger[i]; // lower edge below zero: cut on the log axis
        }
        Path png = dir.resolve("plots/cost.png");
        Plots.line("Cost vs horizon", "horizon", "cumulative cost")
                .series("BC", h, bc, bcStd).series("DAgger", h, dagger, daggerStd).logLog().markers(true)
                .size(640, 400).save(png);
        BufferedImage img = read(png);
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertTrue(colours(img) > 10);
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void barChartWithErrorBars() throws IOException {
        Path png = dir.resolve("bars.png");
        Plots.bar("Return", "environment", "return")
                .categories("cartpole", "driving")
                .series("BC", new double[]{180, 420}, new double[]{12, 30})
                .series("DAgger", new double[]{200, 610}, new double[]{5, 20})
                .save(png);
        BufferedImage img = read(png);
        assertEquals(Plots.DEFAULT_WIDTH, img.getWidth());
        assertEquals(Plots.DEFAULT_HEIGHT, img.getHeight());
        assertTrue(colours(img) > 10);
    }

    @Test
    void trajectoryPlotWithObstacles() throws IOException {
        int n = 60;
        double[] x = new double[n], y1 = new double[n], y2 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 6.0;
            y1[i] = Math.sin(x[i]) * 1.5;
            y2[i] = 0.2 * x[i];
        }
        Path png = dir.resolve("traj.png");
        Plots.trajectories("Paths", "x", "y").path("expert", x, y1).path("BC", x, y2)
                .points("start", new double[]{0}, new double[]{0})
                .circle(4, 0.5, 0.6).circle(7, -1, 0.4).rectangle(2, -2.5, 3, -1.8)
                .goalCircle("goal", 9, 0, 0.3).markers("starts", new double[]{0, 0.1}, new double[]{0, 0.1})
                .size(600, 500).save(png);
        BufferedImage img = read(png);
        assertEquals(600, img.getWidth());
        assertEquals(500, img.getHeight());
    }

    @Test
    void goalAndStartsHaveTheirOwnLegendEntriesApartFromObstacles() {
        var series = Plots.trajectories("Paths", "x", "y").rectangle(-1, -0.1, 1, 0.1)
                .goalCircle("goal", 0, 0.8, 0.05).markers("start", new double[]{0}, new double[]{-0.8})
                .path("policy", new double[]{0, 0.5}, new double[]{-0.8, 0.8}).chart().getSeriesMap();
        var goal = series.get("goal");
        var obstacles = series.get("obstacles");
        assertTrue(goal.isShowInLegend() && obstacles.isShowInLegend() && series.get("start").isShowInLegend());
        assertNotEquals(obstacles.getFillColor(), goal.getFillColor());
        assertEquals(List.of("obstacles", "goal", "policy", "start"), List.copyOf(series.keySet()),
                "areas under the paths, markers over them");
    }

    @Test
    void invalidInputIsRejectedWithTheSeriesName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.line("t", "x", "y").series("loss", new double[]{1, 2}, new double[]{1, Double.NaN}));
        assertTrue(e.getMessage().contains("y[1] of series 'loss'"), e.getMessage());
        LinePlot logPlot = Plots.line("t", "x", "y").series("s", new double[]{0, 1}, new double[]{1, 2}).logX();
        assertThrows(IllegalArgumentException.class, logPlot::chart);
        assertThrows(IllegalStateException.class, () -> Plots.line("t", "x", "y").chart());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.bar("t", "x", "y").categories("a", "b").series("s", new double[]{1}));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.line("t", "x", "y").series("s", new double[]{1}, new double[]{1}).series("s", new double[]{1}, new double[]{1}));
    }
}
