package io.il4j.core.io.internal;

import io.il4j.core.io.DatasetFormatException;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the HDF5 objects of one file (via jhdf): datasets as float/boolean arrays whatever
 * their numeric type, shapes checked against an expectation, and errors that name the HDF5 path. Not thread-safe
 * (one per import).
 */
public final class Hdf5Reads {
    private final Path file;

    public Hdf5Reads(Path file) {
        this.file = file;
    }

    /** The path of {@code name} under {@code g}, as {@code /a/b}. */
    public static String path(Group g, String name) {
        String p = g.getPath();
        return (p.endsWith("/") ? p : p + "/") + name;
    }

    /** The path of a group without jhdf's trailing slash ({@code /data/demo_0}; the root stays {@code /}). */
    public static String path(Group g) {
        String p = g.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A required dataset; {@code expectation} (e.g. {@code "(T, act_dim)"}) goes into the error. */
    public Dataset dataset(Group g, String name, String expectation) {
        Dataset d = optionalDataset(g, name, expectation);
        if (d == null)
            throw error(path(g, name), "missing; expected a dataset of shape " + expectation + " (found " + new TreeSet<>(g.getChildren().keySet()) + ")");
        return d;
    }

    /** A dataset, or null when {@code name} is absent; a group in its place is an error. */
    public Dataset optionalDataset(Group g, String name, String expectation) {
        Node n = g.getChildren().get(name);
        if (n == null) return null;
        if (!(n instanceof Dataset d))
            throw error(path(g, name), "is a group; expected a dataset of shape " + expectation
                    + (name.equals("observations") ? " (dict observation spaces are not supported)" : ""));
        return d;
    }

    /** A required group. */
    public Group group(Group g, String name, String expectation) {
        Node n = g.getChildren().get(name);
        if (!(n instanceof Group sub))
            throw error(path(g, name), (n == null ? "missing" : "is a dataset") + "; expected a group holding " + expectation);
        return sub;
    }

    /** Child groups named {@code prefix<i>}, ordered by {@code i}. */
    public static List<Group> numberedGroups(Group g, String prefix) {
        Pattern p = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
        List<Map.Entry<Long, Group>> found = new ArrayList<>();
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            Matcher m = p.matcher(e.getKey());
            if (m.matches() && e.getValue() instanceof Group sub) found.add(Map.entry(Long.parseLong(m.group(1)), sub));
        }
        found.sort(Comparator.comparing(Map.Entry::getKey));
        return found.stream().map(Map.Entry::getValue).toList();
    }

    /** Shape of a dataset used as a matrix: {@code (rows, cols)}, a vector counting as one column. */
    public int[] matrixShape(Dataset d, String expectation) {
        int[] s = d.getDimensions();
        if (s.length == 1) return new int[]{s[0], 1};
        if (s.length == 2) return s;
        throw error(d.getPath(), "has shape " + shape(s) + "; expected " + expectation);
    }

    /** Checks a per-step vector: {@code (n,)} or {@code (n, 1)}. */
    public void expectVector(Dataset d, int n, String expectation) {
        int[] s = d.getDimensions();
        if (!((s.length == 1 && s[0] == n) || (s.length == 2 && s[0] == n && s[1] == 1)))
            throw error(d.getPath(), "has shape " + shape(s) + "; expected " + expectation);
    }

    /** Checks a matrix shape exactly. */
    public void expectMatrix(Dataset d, int rows, int cols, String expectation) {
        int[] s = matrixShape(d, expectation);
        if (s[0] != rows || s[1] != cols) throw error(d.getPath(), "has shape " + shape(d.getDimensions()) + "; expected " + expectation);
    }

    public boolean isInteger(Dataset d) {
        Class<?> t = d.getJavaType();
        return t == byte.class || t == short.class || t == int.class || t == long.class;
    }

    /** The data, flattened in C order, as float32. */
    public float[] floats(Dataset d) {
        Object data = d.getDataFlat();
        float[] out;
        if (data instanceof float[] f) {
            out = f;
        } else if (data instanceof double[] a) {
            out = new float[a.length];
            for (int i = 0; i < a.length; i++) out[i] = (float) a[i];
        } else if (data instanceof boolean[] a) {
            out = new float[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i] ? 1 : 0;
        } else if (data != null && data.getClass().isArray() && data.getClass().getComponentType().isPrimitive()) {
            out = new float[Array.getLength(data)]; // integer types: rare enough for reflective access
            for (int i = 0; i < out.length; i++) out[i] = (float) Array.getDouble(data, i);
        } else {
            throw error(d.getPath(), "holds " + d.getJavaType().getSimpleName() + " data; expected numbers");
        }
        int bad = FloatChecks.firstNonFinite(out);
        if (bad >= 0) throw error(d.getPath(), "holds " + out[bad] + " at flat index " + bad + "; expected finite numbers");
        return out;
    }

    /** Flags: bool (jhdf bit field or h5py's TRUE/FALSE enum) or numbers, non-zero meaning true. */
    public boolean[] flags(Dataset d) {
        Object data = d.getDataFlat();
        if (data instanceof boolean[] b) return b;
        if (data instanceof String[] s) {
            boolean[] out = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                if (s[i].equalsIgnoreCase("TRUE")) out[i] = true;
                else if (!s[i].equalsIgnoreCase("FALSE"))
                    throw error(d.getPath(), "holds '" + s[i] + "' at index " + i + "; expected TRUE/FALSE or 0/1");
            }
            return out;
        }
        float[] f = floats(d);
        boolean[] out = new boolean[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i] != 0;
        return out;
    }

    public DatasetFormatException error(String hdf5Path, String problem) {
        return DatasetFormatException.atHdf5Path(file, hdf5Path, problem);
    }

    public static String shape(int... s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        return Arrays.toString(s).replace('[', '(').replace(']', ')');
    }
}
