package io.il4j.core.policy;

import java.io.IOException;

/** Test reader for kind "constant": the policy returns the numbers stored in entry "value.txt". */
public final class ConstantPolicyFileReader implements PolicyFileReader {
    @Override
    public String kind() {
        return "constant";
    }

    @Override
    public Policy read(PolicyArchive archive) throws IOException {
        String[] parts = archive.text("value.txt").trim().split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(parts[i]);
        return obs -> v.clone();
    }
}
