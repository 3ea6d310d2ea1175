package io.il4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The block-parallel CSV parse gives the sequential (Commons CSV) parse's dataset, warnings and errors. */
class CsvBlockParseTest {

    @TempDir
    Path tmp;

    /** Episodes of 2-30 steps with final observations (empty action and reward cells), flags, a few odd cells. */
    static String demo(int episodes, long seed, String newline) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("episode,t,obs_0,obs_1,act_0,act_1,reward,terminated,truncated,note").append(newline);
        for (int e = 0; e < episodes; e++) {
            int len = 2 + r.nextInt(29);
            String id = e == 3 ? "épisode-3" : String.valueOf(1000 + e);
            for (int t = 0; t <= len; t++) {
                boolean fin = t == len;
                String o0 = String.format(Locale.ROOT, "%.6f", r.nextGaussian()), o1 = switch (r.nextInt(8)) {
                    case 0 -> " 1e-3 ";
                    // what simulators write: exponents beyond the fast path's ±22, mantissas beyond 18 digits
                    case 1 -> Float.toString((float) (r.nextGaussian() * 1e-19));
                    case 2 -> "0.12345678901234567890123";
                    case 3 -> "-2.5E-60"; // underflows to -0.0, a valid cell
                    default -> Float.toString(r.nextFloat());
                };
                String a = fin ? "," : String.format(Locale.ROOT, "%.4f,%d", r.nextGaussian(), r.nextInt(3));
                String rew = fin ? "" : String.format(Locale.ROOT, "%.2f", r.nextDouble());
                String term = fin && e % 3 == 0 ? "1" : fin && e % 3 == 1 ? "true" : "", trunc = fin && e % 3 == 2 ? "1.0" : "0";
                sb.append(id).append(',').append(t).append(',').append(o0).append(',').append(o1).append(',').append(a).append(',')
                        .append(rew).append(',').append(term).append(',').append(trunc).append(",x").append(newline);
                if (r.nextInt(50) == 0) sb.append(newline); // empty lines are skipped
            }
        }
        return sb.toString();
    }

    private static LoadResult sequential(Path f) throws IOException {
        return new CsvDatasetReader(CsvOptions.defaults()).readSequentially(f, Files.size(f), ProgressListener.NONE);
    }

    @Test
    void tinyBlocksAcrossManyBoundariesGiveTheSequentialDataset() throws IOException {
        for (String newline : new String[]{"\n", "\r\n"}) {
            Path f = Files.writeString(tmp.resolve("demo.csv"), demo(60, 1, newline));
            LoadResult seq = sequential(f);
            for (int block : new int[]{1, 7, 64, 1000, 1 << 20}) {
                LoadResult blocks = new CsvDatasetReader(CsvOptions.defaults(), block).read(f);
                assertEquals(seq.dataset().contentHash(), blocks.dataset().contentHash(), "block " + block);
                assertEquals(seq.warnings(), blocks.warnings());
            }
            assertEquals(60, seq.dataset().numEpisodes());
        }
    }

    @Test
    void errorsNameTheSameLineAndColumnAsTheSequentialParse() throws IOException {
        String good = demo(40, 2, "\n");
        String[] lines = good.split("\n", -1);
        int target = lines.length / 2;
        while (lines[target].split(",", -1).length != 10 || lines[target].split(",", -1)[4].isEmpty()) target++;
        String[] cells = lines[target].split(",", -1);
        // a bad number, NaN, empty cells, a ragged row and a gap in t, each at line target+1, with a later bad cell too
        String[][] variants = {
                {"2", "abc"}, {"3", "nan"}, {"4", "1f"}, {"1", "99"}, {"8", "2"}, {"2", "1e999"},
                // empty cells, as parsed rows hold them: an observation, one of two actions, the reward of a step
                {"2", ""}, {"5", " "}, {"6", ""},
        };
        for (String[] v : variants) {
            String[] c = cells.clone();
            c[Integer.parseInt(v[0])] = v[1];
            String[] l = lines.clone();
            l[target] = String.join(",", c);
            l[target + 5] = l[target + 5].replaceFirst(",[^,]*,", ",zz,");
            Path f = Files.writeString(tmp.resolve("bad.csv"), String.join("\n", l));
            String expected = assertThrows(DatasetFormatException.class, () -> sequential(f)).getMessage();
            // the bad row's line, or the next one when t=99 opens an episode (then the next row breaks the sequence)
            assertTrue(expected.contains("bad.csv:" + (target + 1) + ":") || expected.contains("bad.csv:" + (target + 2) + ":"), expected);
            for (int block : new int[]{16, 300, 1 << 20}) {
                String actual = assertThrows(DatasetFormatException.class,
                        () -> new CsvDatasetReader(CsvOptions.defaults(), block).read(f)).getMessage();
                assertEquals(expected, actual, "block " + block);
            }
        }
        String[] l = lines.clone();
        l[target] = l[target] + ",extra";
        Path ragged = Files.writeString(tmp.resolve("ragged.csv"), String.join("\n", l));
        assertEquals(assertThrows(DatasetFormatException.class, () -> sequential(ragged)).getMessage(),
                assertThrows(DatasetFormatException.class, () -> new CsvDatasetReader(CsvOptions.defaults(), 50).read(ragged)).getMessage());
    }

    @Test
    void quotedCellsSpanningLinesFallBackToTheSequentialParser() throws IOException {
        String text = "episode,obs_0,act_0,note\n1,0.5,1,\"two\nlines\"\n1,0.25,0,x\n";
        Path f = Files.writeString(tmp.resolve("quoted.csv"), text);
        LoadResult r = new CsvDatasetReader(CsvOptions.defaults(), 8).read(f);
        assertEquals(2, r.dataset().numSteps());
        assertEquals(sequential(f).dataset().contentHash(), r.dataset().contentHash());
    }
}
