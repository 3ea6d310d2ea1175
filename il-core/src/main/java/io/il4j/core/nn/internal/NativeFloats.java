package io.il4j.core.nn.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * A zero-initialized float32 array in native memory, copied to and from Java arrays in bulk, and
 * OpenBLAS's {@code sgemm} over such arrays. Native memory because a Java {@code float[]} handed to
 * JavaCPP's BLAS binding is copied in and out on every call (measured: +18% on the eight products of
 * a 2x256 training step); a bulk copy of only what the Java side needs is cheaper. Released by
 * {@link #close()} or, failing that, when garbage-collected. Not thread-safe.
 */
public final class NativeFloats implements AutoCloseable {

    private final FloatPointer data;
    private final int length;

    public NativeFloats(int length) {
        if (length < 1) throw new IllegalArgumentException("native array length must be >= 1, got " + length);
        this.length = length;
        this.data = new FloatPointer(length);
        data.zero();
    }

    public int length() {
        return length;
    }

    /** A pointer to element {@code offset} (for BLAS calls on a part of the array). */
    public FloatPointer at(int offset) {
        check(offset, 0);
        return new FloatPointer(data).position(offset);
    }

    /** {@code this[offset .. offset+n) = src[0 .. n)}. */
    public void copyFrom(float[] src, int offset, int n) {
        check(offset, n);
        data.position(offset).put(src, 0, n);
        data.position(0);
    }

    /** {@code dst[0 .. n) = this[offset .. offset+n)}. */
    public void copyTo(float[] dst, int offset, int n) {
        check(offset, n);
        data.position(offset).get(dst, 0, n);
        data.position(0);
    }

    private void check(int offset, int n) {
        if (offset < 0 || n < 0 || offset + n > length)
            throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + n) + ") of a native array of " + length);
    }

    @Override
    public void close() {
        data.close();
    }

    /**
     * {@code C = op(A) op(B)} for row-major matrices: {@code op(A)} is m x k, {@code op(B)} k x n, C m x n;
     * {@code ld*} are the row strides of the stored (untransposed) matrices.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                     FloatPointer c, int ldc) {
        gemm(transA, transB, m, n, k, a, lda, b, ldb, false, c, ldc);
    }

    /** As {@link #gemm(boolean, boolean, int, int, int, FloatPointer, int, FloatPointer, int, FloatPointer, int)}, adding to C ({@code C += op(A) op(B)}) when {@code accumulate}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                            boolean accumulate, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, accumulate ? 1f : 0f, c, ldc);
    }

    /** Sets every element to zero. */
    public void zero() {
        data.zero();
    }
}
