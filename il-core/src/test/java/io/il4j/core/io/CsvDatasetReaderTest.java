package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path p = dir.resolve("demo.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private LoadResult read(String content) throws IOException {
        return new CsvDatasetReader(CsvOptions.defaults()).read(csv(content));
    }

    @Test
    void readsDefaultFormatWithFinalObservationFlagsAndIgnoredColumns() throws IOException {
        List<long[]> progress = new ArrayList<>();
        Path p = csv("""
                episode,t,obs_0,obs_1,act_0,reward,terminated,truncated,timestamp
                0,0,0.1,1,0.5,1,0,0,2024
                0,1,0.2,2,0.6,2,0,0,2024
                0,2,0.3,3,,,1,0,2024
                1,0,1.1,4,-0.5,0.5,0,0,x
                1,1,1.2,5,-0.6,0.25,0,1,x
                """);
        LoadResult r = new CsvDatasetReader(CsvOptions.defaults()).read(p, (done, total) -> progress.add(new long[]{done, total}));
        Dataset d = r.dataset();
        assertEquals(2, d.numEpisodes());
        assertEquals(4, d.numSteps());
        assertEquals(5, d.numObservations());
        assertEquals(List.of("obs_0", "obs_1"), d.spec().observationNames());
        assertEquals(Box.unbounded(1), d.spec().actionSpace());
        assertTrue(d.spec().hasRewards());
        assertTrue(d.hasFinalObservation(0));
        assertFalse(d.hasFinalObservation(1));
        assertTrue(d.terminated(0));
        assertFalse(d.truncated(0));
        assertFalse(d.terminated(1));
        assertTrue(d.truncated(1));
        assertEquals(0.3f, d.observation(2, 0));
        assertEquals(3f, d.observation(2, 1));
        assertEquals(-0.6f, d.action(3, 0));
        assertEquals(0.25f, d.reward(3));
        assertEquals(3.0, d.episodeReturn(0), 1e-6);
        assertEquals(List.of(p + ": ignoring 1 column(s) the schema does not know: timestamp"), r.warnings());
        long size = Files.size(p);
        assertArrayEquals(new long[]{size, size}, progress.get(progress.size() - 1));
    }

    @Test
    void aSingleRowEpisodeIsLoadedButWarnedAbout() throws IOException {
        // line 4 should read episode 0: the typo makes a one-row episode between two halves of episode 0's data
        LoadResult typo = read("""
                episode,obs_0,act_0
                0,0.1,1
                0,0.2,1
                7,0.3,1
                1,0.0,1
                1,0.1,
                """);
        assertEquals(3, typo.dataset().numEpisodes());
        assertEquals(1, typo.warnings().size(), typo.warnings().toString());
        assertTrue(typo.warnings().get(0).contains("1 episode(s) consist of a single row (the first is episode #1"), typo.warnings().get(0));
        assertEquals(List.of(), read("""
                episode,obs_0,act_0
                0,0.1,1
                0,0.2,
                1,0.0,1
                1,0.1,
                """).warnings());
    }

    @Test
    void readsNamedColumnsThroughOptions() throws IOException, URISyntaxException {
        Path p = Path.of(getClass().getResource("/io/driving_named.csv").toURI());
        CsvOptions o = CsvOptions.builder().episodeColumn("run").timeColumn("time")
                .observationColumns("x", "y", "heading").actionColumns("steer", "accel")
                .actionBounds(new Box(new double[]{-0.5, 0}, new double[]{0.5, 1})).build();
        LoadResult r = DatasetFiles.load(p, o);
        Dataset d = r.dataset();
        assertEquals(List.of("x", "y", "heading"), d.spec().observationNames());
        assertEquals(List.of("steer", "accel"), d.spec().actionNames());
        assertEquals(new Box(new double[]{-0.5, 0}, new double[]{0.5, 1}), d.spec().actionSpace());
        assertEquals(2, d.numEpisodes());
        assertEquals(2, d.episodeLength(0));
        assertTrue(d.hasFinalObservation(0));
        assertTrue(d.truncated(0));
        assertEquals(2, d.episodeLength(1));
        assertFalse(d.hasFinalObservation(1));
        assertTrue(d.terminated(1));
        assertEquals(3.14f, d.observation(3, 2));
        assertEquals(0.8f, d.action(1, 1));
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).endsWith("ignoring 1 column(s) the schema does not know: lap_time"), r.warnings().get(0));
    }

    @Test
    void singleIntegerActColumnIsDiscreteWithInferredOrGivenN() throws IOException {
        String content = """
                episode,obs_0,act
                0,0.5,2
                0,0.6,0
                0,0.7,
                1,0.1,1.0
                """;
        Dataset inferred = read(content).dataset();
        assertEquals(new Discrete(3), inferred.spec().actionSpace());
        assertEquals(List.of("act"), inferred.spec().actionNames());
        assertEquals(2f, inferred.action(0, 0));
        assertEquals(1f, inferred.action(2, 0));
        assertTrue(inferred.hasFinalObservation(0));
        Dataset given = new CsvDatasetReader(CsvOptions.builder().discreteActionCount(5).build()).read(csv(content)).dataset();
        assertEquals(new Discrete(5), given.spec().actionSpace());
        assertEquals(inferred.observationData().length, given.observationData().length);
        Dataset named = new CsvDatasetReader(CsvOptions.builder().discreteActionColumn("gear").build())
                .read(csv(content.replace(",act\n", ",gear\n"))).dataset();
        assertEquals(List.of("gear"), named.spec().actionNames());
        assertEquals(new Discrete(3), named.spec().actionSpace());
    }

    @Test
    void goalsArePerObservationRowIncludingTheFinalOne() throws IOException {
        Dataset d = read("""
                episode,obs_0,act_0,goal_0,goal_1
                0,1,0.5,9,8
                0,2,,7,6
                """).dataset();
        assertEquals(List.of("goal_0", "goal_1"), d.spec().goalNames());
        assertFalse(d.spec().hasRewards());
        assertEquals(9f, d.goal(0, 0));
        assertEquals(6f, d.goal(1, 1));
        assertTrue(d.hasFinalObservation(0));
    }

    @Test
    void byteOrderMarkAndBlankLinesAndSpacesAreTolerated() throws IOException {
        Dataset d = read("\uFEFFepisode, obs_0 ,act_0\n0, 1.5 ,2\n\n0,3,4\n").dataset();
        assertEquals(2, d.numSteps());
        assertEquals(1.5f, d.observation(0, 0));
    }

    // ---- bad input: each case names file, line, column and expectation -------------------------

    private DatasetFormatException fails(String content) throws IOException {
        Path p = csv(content);
        return assertThrows(DatasetFormatException.class, () -> new CsvDatasetReader(CsvOptions.defaults()).read(p));
    }

    private DatasetFormatException fails(CsvOptions o, String content) throws IOException {
        Path p = csv(content);
        return assertThrows(DatasetFormatException.class, () -> new CsvDatasetReader(o).read(p));
    }

    private void assertMessage(DatasetFormatException e, long line, String column, String expected) {
        assertEquals(dir.resolve("demo.csv"), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(dir.resolve("demo.csv") + expected, e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        assertMessage(fails(""), -1, null, ": the file is empty; expected a header line naming the columns "
                + "(episode, t, obs_0, ..., act_0, ..., reward, terminated, truncated)");
    }

    @Test
    void headerOnly() throws IOException {
        assertMessage(fails("episode,obs_0,act_0\n"), 1, null,
                ":1: the file has a header but no data rows; expected one row per observation");
    }

    @Test
    void missingEpisodeColumn() throws IOException {
        assertMessage(fails("t,obs_0,act_0\n0,1,2\n"), 1, "episode", ":1: column 'episode': missing from the header; "
                + "expected a column holding the episode id (header: t,obs_0,act_0)");
    }

    @Test
    void otherSeparatorIsNamedWithTheOptionThatSetsIt() throws IOException {
        assertMessage(fails("episode;t;obs_0;act_0\n0;0;1;2\n"), 1, null, ":1: the header is a single cell "
                + "'episode;t;obs_0;act_0' that contains ';' but no ','; expected cells separated by ','. If ';' separates "
                + "the cells, set the delimiter: --delimiter ';' on the il command line, CsvOptions.builder().delimiter(...) in code");
        assertTrue(fails("episode\tobs_0\tact_0\n0\t1\t2\n").getMessage().contains("contains a tab but no ','"));
        assertTrue(fails(CsvOptions.builder().delimiter(';').build(), "episode,obs_0,act_0\n0,1,2\n").getMessage()
                .contains("contains ',' but no ';'"));
        Path semicolons = csv("episode;obs_0;act_0\n0;1;2\n0;3;4\n");
        assertEquals(2, new CsvDatasetReader(CsvOptions.builder().delimiter(';').build()).read(semicolons).dataset().numSteps());
    }

    @Test
    void missingObservationColumns() throws IOException {
        assertMessage(fails("episode,act_0\n0,1\n"), 1, null, ":1: no observation columns; expected columns named obs_0, "
                + "obs_1, ... or the columns given as observation columns (header: episode,act_0)");
    }

    @Test
    void missingActionColumns() throws IOException {
        assertMessage(fails("episode,obs_0,reward\n0,1,2\n"), 1, null, ":1: no action columns; expected columns named "
                + "act_0, act_1, ... (continuous) or a single integer 'act' column (discrete), or the columns given as "
                + "action columns (header: episode,obs_0,reward)");
    }

    @Test
    void missingMappedColumn() throws IOException {
        CsvOptions o = CsvOptions.builder().observationColumns("x", "y", "heading").actionColumns("steer").build();
        assertMessage(fails(o, "episode,x,y,steer\n0,1,2,3\n"), 1, "heading",
                ":1: column 'heading': missing from the header; it was given as an observation column");
    }

    @Test
    void duplicatedColumn() throws IOException {
        assertMessage(fails("episode,obs_0,obs_1,obs_0,act_0\n0,1,2,3,4\n"), 1, "obs_0",
                ":1: column 'obs_0': appears twice in the header (cells 2 and 4); expected unique column names");
    }

    @Test
    void raggedRow() throws IOException {
        assertMessage(fails("episode,obs_0,obs_1,act_0\n0,1,2,3\n0,1,2\n"), 3, null,
                ":3: expected 4 cells as in the header, got 3");
    }

    @Test
    void nonNumericCell() throws IOException {
        assertMessage(fails("episode,obs_0,obs_1,act_0\n0,1,2,3\n0,1,abc,3\n"), 3, "obs_1",
                ":3: column 'obs_1': expected a number, got 'abc'");
        assertMessage(fails("episode,obs_0,act_0\n0,1,2\n0,1.5f,2\n"), 3, "obs_0",
                ":3: column 'obs_0': expected a number, got '1.5f'");
        assertMessage(fails("episode,obs_0,act_0\n0,,2\n"), 2, "obs_0",
                ":2: column 'obs_0': expected a number, got an empty cell");
    }

    @Test
    void nanAndInfinity() throws IOException {
        assertMessage(fails("episode,obs_0,act_0\n0,1,2\n0,NaN,2\n"), 3, "obs_0",
                ":3: column 'obs_0': expected a finite number, got 'NaN' (NaN/Inf)");
        assertMessage(fails("episode,obs_0,act_0\n0,1,-inf\n"), 2, "act_0",
                ":2: column 'act_0': expected a finite number, got '-inf' (NaN/Inf)");
        assertMessage(fails("episode,obs_0,act_0,reward\n0,1,2,1e50\n"), 2, "reward",
                ":2: column 'reward': expected a finite number, got '1e50' (overflows float32)");
    }

    @Test
    void interleavedEpisodes() throws IOException {
        assertMessage(fails("episode,obs_0,act_0\n0,1,2\n1,1,2\n2,1,2\n0,1,2\n"), 5, "episode",
                ":5: column 'episode': episode '0' appears again after other episodes; expected the rows of each "
                        + "episode to be contiguous");
        // one episode in between: it is the likelier mistake, so the error points at its rows
        assertMessage(fails("episode,obs_0,act_0\n0,1,2\n1,1,2\n1,1,2\n0,1,2\n"), 3, "episode",
                ":3: column 'episode': episode '1' (lines 3-4) interrupts episode '0', which continues on line 5; "
                        + "expected the rows of each episode to be contiguous");
        // a mistyped id: reported where it is, with its value
        assertMessage(fails("episode,t,obs_0,act_0\n0,0,1,2\n0,1,1,2\n0,2,1,2\n0,3,1,2\n0,4,1,2\nzero,5,1,2\n0,6,1,2\n"),
                7, "episode", ":7: column 'episode': expected an integer episode id like those around it, got 'zero' "
                        + "(line 7), which interrupts episode '0' (it continues on line 8)");
    }

    @Test
    void gapInTime() throws IOException {
        assertMessage(fails("episode,t,obs_0,act_0\n0,0,1,2\n0,1,1,2\n0,3,1,2\n"), 4, "t",
                ":4: column 't': expected 2 (the previous row of episode '0' has t=1), got 3; t must increase by 1 "
                        + "within an episode that starts on line 2");
        assertMessage(fails("episode,t,obs_0,act_0\n0,0,1,2\n0,x,1,2\n"), 3, "t",
                ":3: column 't': expected an integer time step, got 'x'");
    }

    @Test
    void emptyActionsInTheMiddleOfAnEpisode() throws IOException {
        assertMessage(fails("episode,obs_0,act_0,act_1\n0,1,2,3\n0,1,,\n0,1,2,3\n"), 3, "act_0",
                ":3: column 'act_0': action cells are empty but episode '0' continues on line 4; expected empty "
                        + "actions only on an episode's last row (its final observation)");
        assertMessage(fails("episode,obs_0,act_0,act_1\n0,1,2,\n"), 2, "act_1",
                ":2: column 'act_1': expected a number, got an empty cell (other action cells of this row are filled; "
                        + "leave all of them empty only on a final-observation row)");
        assertMessage(fails("episode,obs_0,act_0\n0,1,\n"), 2, "act_0",
                ":2: column 'act_0': episode '0' starts with a row whose action cells are empty; expected at least "
                        + "one step (a row with actions) before the final observation");
    }

    @Test
    void discreteActionMustBeANonNegativeInteger() throws IOException {
        assertMessage(fails("episode,obs_0,act\n0,1,2\n0,1,1.5\n"), 3, "act",
                ":3: column 'act': expected a non-negative integer action index, got '1.5'");
        assertMessage(fails("episode,obs_0,act\n0,1,-1\n"), 2, "act",
                ":2: column 'act': expected a non-negative integer action index, got '-1'");
        assertMessage(fails(CsvOptions.builder().discreteActionCount(3).build(), "episode,obs_0,act\n0,1,3\n"), 2, "act",
                ":2: column 'act': expected a non-negative integer action index below 3, got '3'");
    }

    @Test
    void flagsOnlyAtTheEndOfAnEpisode() throws IOException {
        assertMessage(fails("episode,obs_0,act_0,terminated\n0,1,2,1\n0,1,2,0\n"), 2, "terminated",
                ":2: column 'terminated': is set on a row that is not the last step of episode '0' (it continues on "
                        + "line 3); expected it only on the episode's last step or final-observation row");
        assertMessage(fails("episode,obs_0,act_0,truncated\n0,1,2,yes\n"), 2, "truncated",
                ":2: column 'truncated': expected 0/1 or true/false, got 'yes'");
    }

    @Test
    void malformedQuoting() throws IOException {
        DatasetFormatException e = fails("episode,obs_0,act_0\n0,1,2\n0,\"1\"x,2\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("demo.csv") + ":3: malformed CSV ("), e.getMessage());
    }

    @Test
    void boundsMustMatchTheActionColumns() throws IOException {
        CsvOptions o = CsvOptions.builder().actionBounds(Box.uniform(2, -1, 1)).build();
        assertMessage(fails(o, "episode,obs_0,act_0\n0,1,2\n"), 1, null,
                ":1: the action bounds have 2 dims but the file has 1 action columns [act_0]");
    }

    @Test
    void ambiguousActionColumns() throws IOException {
        assertMessage(fails("episode,obs_0,act,act_0\n0,1,2,3\n"), 1, "act", ":1: column 'act': a discrete 'act' column "
                + "next to act_* columns [act_0]; expected one or the other (choose with the action column options)");
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.builder().observationColumns("x", "x").build());
        assertEquals("observationColumns lists 'x' twice: [x, x]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.builder().actionColumns("a").discreteActionColumn("b").build());
        assertEquals("give either actionColumns [a] (continuous) or discreteActionColumn 'b', not both", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvOptions.builder().observationColumns("reward").build());
        assertEquals("column 'reward' is given more than one role in the CSV options", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvOptions.builder().discreteActionCount(1).build());
        assertEquals("discreteActionCount must be 0 (infer) or >= 2, got 1", e.getMessage());
    }
}
