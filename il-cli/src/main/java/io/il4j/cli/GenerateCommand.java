package io.il4j.cli;

import io.il4j.core.io.DatasetFiles;
import io.il4j.core.report.Progress;
import io.il4j.envs.BehaviourTier;
import io.il4j.envs.DatasetGenerator;
import io.il4j.envs.Envs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il generate}: records demonstrations (or behaviour-tier data) from a reference environment. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Record demonstrations or behaviour-tier data from a reference environment.",
                "Record episodes of a behaviour policy in a reference environment and save them",
                "(.csv or .npz). Tiers: expert (the environment's expert), medium (noisy expert,",
                "return about half-way between random and expert), random (uniform actions),",
                "mixed (whole episodes from expert or random). Episode i is reset with seed",
                "SEED+i: the same command reproduces the file byte for byte."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    EnvSelectionMixin env;

    @Option(names = "--policy", defaultValue = "expert", paramLabel = "TIER",
            description = "Behaviour tier: expert, medium, random, mixed (default: ${DEFAULT-VALUE}).")
    String tier;

    @Option(names = "--episodes", defaultValue = "50", description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first episode (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, .csv or .npz.")
    Path out;

    @Option(names = "--compress", description = "Deflate NPZ entries (default: off).")
    boolean compress;

    @Override
    public Integer call() throws Exception {
        DatasetFiles.Format.of(out); // fail on a bad extension before generating
        BehaviourTier t = BehaviourTier.parse(tier);
        Envs.options(env.selection.envId, env.selection.envOptions); // reject a bad id/option before any progress output
        DatasetGenerator.Generated g;
        try (Progress progress = Progress.start("generate " + env.selection.envId + " " + t.id(), episodes)) {
            g = DatasetGenerator.generate(env.selection.envId, t, episodes, seed, env.selection.envOptions, progress::stepTo);
        }
        DatasetFiles.save(g.rollouts().dataset(), out, compress);
        System.out.println(g.summary().toTable().title(env.selection.envId + " / " + t.id() + ", " + episodes
                + " episodes from seed " + seed).render());
        System.out.println("wrote " + out + ": " + g.rollouts().dataset());
        return 0;
    }
}
