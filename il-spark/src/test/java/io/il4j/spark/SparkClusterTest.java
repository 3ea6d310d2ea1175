package io.il4j.spark;

import io.il4j.core.cluster.Cluster;
import io.il4j.dagger.bench.BenchmarkTask;
import io.il4j.dagger.bench.BenchmarkTasks;
import io.il4j.dagger.bench.Comparison;
import io.il4j.dagger.bench.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkClusterTest {

    @Test
    void aSweepOnLocal2GivesTheLocalTableAndPlotData(@TempDir Path dir) throws Exception {
        BenchmarkTask task = BenchmarkTasks.pendulum(true);
        List<Method> methods = List.of(Method.BC, Method.DAGGER);
        long[] seeds = {0};
        Comparison.TaskResult local = Comparison.run(task, methods, seeds, dir.resolve("local"));
        Comparison.TaskResult spark = Comparison.run(task, true, methods, seeds, dir.resolve("spark"),
                SparkCluster.on(SparkTestContext.get()));

        assertEquals(Comparison.table(local).render(), Comparison.table(spark).render());
        for (Method m : methods) {
            Comparison.MethodSummary a = local.method(m), b = spark.method(m);
            assertArrayEquals(a.costMean(), b.costMean(), m + " cost curve");
            assertArrayEquals(a.curveReturnMean(), b.curveReturnMean(), m + " return-vs-labels curve");
            assertEquals(a.evalReturn(), b.evalReturn());
        }
        // the cells really ran on the executors and saved their rounds where the driver said
        assertTrue(Files.isDirectory(dir.resolve("spark").resolve("dagger-seed0")));
        // not vacuous: the two methods' results differ
        assertNotEquals(local.method(Method.BC).evalReturn(), local.method(Method.DAGGER).evalReturn());
    }

    @Test
    void theSparkFactoryIsFoundByServiceLoaderAndSharesTheJvmsContext() {
        SparkTestContext.get();
        try (Cluster c = Cluster.open("local[2]")) {
            assertNotEquals(Cluster.LOCAL, c);
            assertEquals(2, c.parallelism());
            assertEquals(List.of(1, 4, 9), c.run(List.<io.il4j.core.cluster.ClusterTask<Integer>>of(() -> 1, () -> 4, () -> 9)));
        }
        assertFalse(SparkTestContext.get().sc().isStopped(), "closing a cluster that shares the context leaves it running");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cluster.open("local[1]"));
        assertTrue(e.getMessage().contains("already runs"), e.getMessage());
    }
}
