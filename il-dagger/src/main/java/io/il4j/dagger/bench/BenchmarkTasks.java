package io.il4j.dagger.bench;

/** The benchmark's tasks on il4j's environments (Driving, Pendulum). */
public final class BenchmarkTasks {
    private BenchmarkTasks() {
    }

    public static BenchmarkTask byName(String name, boolean quick) {
        throw new IllegalArgumentException("unknown task '" + name + "'; expected driving or pendulum");
    }
}
