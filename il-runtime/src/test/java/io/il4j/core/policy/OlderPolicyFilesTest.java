package io.il4j.core.policy;

import io.il4j.bc.BcPolicy;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Policy files written by il4j before il-runtime existed (commit 1f1f7e0: camelCase spec, no hashes, no
 * provenance algorithm) load through il-runtime alone — this module's test classpath has no ND4J, DL4J or
 * JavaCPP — and act exactly as they did under the il4j that wrote them (expected actions recorded with that
 * version's {@code Policies.load(...).act(...)} on the same observations).
 */
class OlderPolicyFilesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OlderPolicyFilesTest.class.getResource("/io/il4j/runtime/" + name).toURI());
    }

    /** Observation k of the recorded set (the same formula the recording used). */
    private static double[] observation(int dim, int k) {
        double[] o = new double[dim];
        for (int i = 0; i < dim; i++)
            o[i] = dim == 4 ? (k - 1) * (i + 1) * 0.3 : Math.sin(1.7 * i + k) * (i == 2 ? 20 : 1) + (i >= 10 ? 50 : 0);
        return o;
    }

    @Test
    void gaussianDrivingPolicyFromBeforeTheRuntimeActsAsItDid() throws Exception {
        Policy p = Policies.load(resource("bc-gaussian-driving-0.1.0-1f1f7e0.zip"));
        assertInstanceOf(BcPolicy.class, p);
        assertEquals(22, ((SpecifiedPolicy) p).observationDim());
        double[][] expected = {{-2.18647489675368, -2.315245261424593}, {-0.4174058178359701, -16.26254075941688},
                {1.4466798716812264, -11.398407618079546}};
        double[] out = new double[2];
        for (int k = 0; k < 3; k++) {
            p.act(observation(22, k), out);
            assertArrayEquals(expected[k], out, 1e-6, "observation " + k);
        }
    }

    @Test
    void categoricalCartPolePolicyFromBeforeTheRuntimeActsAsItDid() throws Exception {
        Policy p = Policies.load(resource("bc-categorical-cartpole-0.1.0-1f1f7e0.zip"));
        double[] expected = {0, 0, 1};
        for (int k = 0; k < 3; k++) assertEquals(expected[k], p.act(observation(4, k))[0], "observation " + k);
    }

    @Test
    void noNativeLibraryIsNeeded() {
        for (String cls : new String[]{"org.nd4j.linalg.factory.Nd4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
                "org.bytedeco.javacpp.Pointer"})
            assertThrows(ClassNotFoundException.class, () -> Class.forName(cls), cls + " is on il-runtime's classpath");
    }
}
