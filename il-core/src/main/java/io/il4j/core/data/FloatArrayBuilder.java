package io.il4j.core.data;

import java.util.Arrays;

/** A growable {@code float[]} (amortized doubling); {@link #toArray()} trims to size. */
public final class FloatArrayBuilder {
    private float[] data;
    private int size;

    public FloatArrayBuilder() {
        this(1024);
    }

    public FloatArrayBuilder(int initialCapacity) {
        data = new float[Math.max(16, initialCapacity)];
    }

    public void add(float v) {
        if (size == data.length) grow(size + 1);
        data[size++] = v;
    }

    public void add(float[] src, int offset, int length) {
        if (size + length > data.length) grow(size + length);
        System.arraycopy(src, offset, data, size, length);
        size += length;
    }

    /** Makes room for {@code capacity} values in all, so that appending up to that many never copies. */
    public void reserve(int capacity) {
        if (capacity > data.length) data = Arrays.copyOf(data, capacity);
    }

    public int size() {
        return size;
    }

    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IllegalArgumentException("cannot truncate " + size + " to " + newSize);
        size = newSize;
    }

    public float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    private void grow(int min) {
        long cap = Math.max(min, (long) data.length * 2);
        if (cap > Integer.MAX_VALUE - 8) cap = Math.max(min, Integer.MAX_VALUE - 8);
        data = Arrays.copyOf(data, (int) cap);
    }
}
