package io.il4j.envs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the Gymnasium reference transitions copied into test resources (plain numeric CSV, one header line). */
public record ReferenceCsv(List<String> header, List<double[]> rows) {

    public static ReferenceCsv load(String resource) throws IOException {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("test resource " + resource + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(r.readLine().split(","));
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                if (cells.length != header.size()) throw new IOException(resource + ": ragged row " + (rows.size() + 2));
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) row[i] = Double.parseDouble(cells[i]);
                rows.add(row);
            }
            return new ReferenceCsv(header, rows);
        }
    }

    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
        return i;
    }
}
