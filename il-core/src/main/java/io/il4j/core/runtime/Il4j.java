package io.il4j.core.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runtime defaults in one place; every entry point (CLI, trainers, tests via {@code ensureConfigured})
 * calls {@link #configure()} before ND4J is touched.
 *
 * <ul>
 *   <li><b>ND4J/OpenMP/BLAS threads</b>: default 1 per JVM. On a 2-core machine a 2x256 MLP step at
 *   batch 256 measured 3.7x slower with two OMP threads than with one: for our network sizes the
 *   per-op threading overhead dominates. Override with system property {@code il4j.threads} or
 *   environment variable {@code IL4J_THREADS}.</li>
 *   <li><b>JavaCPP physical-memory polling</b> off ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}):
 *   it cost ~20% at small batch. A user's own setting of that property is respected.</li>
 * </ul>
 */
public final class Il4j {

    public static final String THREADS_PROPERTY = "il4j.threads";
    public static final String THREADS_ENV = "IL4J_THREADS";
    private static volatile boolean configured;
    private static int threads;

    private Il4j() {
    }

    /** Applies the defaults once (idempotent, thread-safe). */
    public static synchronized void configure() {
        if (configured) return;
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null)
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        threads = requestedThreads();
        // OMP_NUM_THREADS is read when the native library loads, and users will not export it. Measured on
        // 2 cores: with nothing set a 2x256 fit step cost 46 ms CPU, with these calls 7.7 ms (one compute thread).
        // The BLAS call is the essential one (it limits OpenBLAS); master threads bound libnd4j's own loops;
        // setOmpNumThreads aligns OpenMP with the env-var behaviour (it needs the backend loaded, which the
        // first two calls do). Environment.setMaxThreads is a no-op in libnd4j M2.1, so it is not relied on.
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        configured = true;
    }

    /** The number of ND4J threads in force after {@link #configure()}. */
    public static int threads() {
        configure();
        return threads;
    }

    static int requestedThreads() {
        String v = System.getProperty(THREADS_PROPERTY);
        String source = "system property " + THREADS_PROPERTY;
        if (v == null) {
            v = System.getenv(THREADS_ENV);
            source = "environment variable " + THREADS_ENV;
        }
        if (v == null || v.isBlank()) return 1;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a positive integer, got '" + v + "'");
        }
    }
}
