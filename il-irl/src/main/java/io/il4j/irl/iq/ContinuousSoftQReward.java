package io.il4j.irl.iq;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.MlpForward;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.PolicyArchive;
import io.il4j.core.rl.TanhGaussian;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * IQ-Learn's recovered reward for Box actions, {@code r(s, a, s') = Q(s,a) - gamma V(s')}, with
 * {@code V(s') = E_{a'~pi}[Q(s',a') - alpha log pi(a'|s')]} (after a termination, the absorbing state's value: see
 * {@link RewardFunction#absorbingReward}) estimated from {@code samples} actions of the soft
 * actor drawn with the same fixed noise on every call (so the reward is a deterministic function). {@code V(s')} uses the
 * critic the objective took it from in training: the target critic when there was one (the implied reward the
 * chi-squared term and the expert term shaped is {@code Q(s,a) - gamma V_target(s')}), else the critic itself. Plain Java
 * over the exported weights. Not thread-safe (forward workspaces); one instance per thread.
 */
public final class ContinuousSoftQReward implements RewardFunction {
    static final String TYPE = "iqlearn-continuous";
    /** The entry of {@code V(s')}'s critic when it is not the Q critic (files written before it had none). */
    private static final String VALUE_CRITIC = "value-critic.bin";
    public static final int DEFAULT_SAMPLES = 32;

    private final MlpWeights criticWeights, valueCriticWeights, actorWeights;
    private final MlpForward critic, valueCritic, actor;
    private final MlpForward.Workspace criticWs, valueCriticWs, actorWs;
    private final TanhGaussian dist;
    private final Normalizer obsNorm, actNorm;
    private final double gamma, temperature, absorbingReward;
    private final int samples, obsDim, actDim;
    private final Provenance provenance;
    private final double[] eps;
    private final float[] in, z, a;

    /**
     * @param critic      {@code Q(s, a)}
     * @param valueCritic the critic of {@code V(s')} (the training's target critic, or {@code critic} itself)
     */
    public ContinuousSoftQReward(MlpWeights critic, MlpWeights valueCritic, MlpWeights actor, TanhGaussian dist, Normalizer obsNorm,
                                 Normalizer actNorm, double gamma, double temperature, double absorbingReward, int samples, Provenance provenance) {
        this.criticWeights = critic;
        this.valueCriticWeights = valueCritic;
        this.actorWeights = actor;
        this.critic = new MlpForward(critic);
        this.valueCritic = valueCritic == critic ? this.critic : new MlpForward(valueCritic);
        this.actor = new MlpForward(actor);
        this.criticWs = this.critic.newWorkspace();
        this.valueCriticWs = this.valueCritic.newWorkspace();
        this.actorWs = this.actor.newWorkspace();
        this.dist = dist;
        this.obsNorm = obsNorm;
        this.actNorm = actNorm;
        this.gamma = gamma;
        this.temperature = temperature;
        this.absorbingReward = absorbingReward;
        this.samples = samples;
        this.provenance = provenance;
        this.obsDim = actor.inputDim();
        this.actDim = dist.actionDim();
        if (critic.inputDim() != obsDim + actDim || valueCritic.inputDim() != obsDim + actDim)
            throw new IllegalArgumentException("critics take " + critic.inputDim() + " and " + valueCritic.inputDim() + " inputs; expected observation "
                    + obsDim + " + action " + actDim);
        SplittableRandom r = new SplittableRandom(12345);
        eps = new double[samples * actDim];
        for (int i = 0; i < eps.length; i++) eps[i] = r.nextGaussian();
        in = new float[obsDim + actDim];
        z = new float[2 * actDim];
        a = new float[actDim];
    }

    @Override
    public int observationDim() {
        return obsDim;
    }

    /** {@code Q(s, a)} of an observation and an action in the environment's units. */
    public double q(double[] observation, double[] action) {
        check(observation);
        if (action.length != actDim) throw new IllegalArgumentException("action has " + action.length + " numbers; the reward expects " + actDim);
        obsNorm.normalize(observation, 0, in, 0);
        actNorm.normalize(action, 0, in, obsDim);
        for (int j = 0; j < actDim; j++)
            in[obsDim + j] = (float) Math.max(-TanhGaussian.ACTION_LIMIT, Math.min(TanhGaussian.ACTION_LIMIT, in[obsDim + j]));
        return critic.forward(in, criticWs)[0];
    }

    /** The sampled soft value {@code V(s)} (of the value critic). */
    public double value(double[] observation) {
        check(observation);
        obsNorm.normalize(observation, 0, in, 0);
        float[] out = actor.forward(in, actorWs);
        System.arraycopy(out, 0, z, 0, 2 * actDim);
        double total = 0;
        for (int k = 0; k < samples; k++) {
            double logp = dist.sample(z, 0, eps, k * actDim, a, 0);
            System.arraycopy(a, 0, in, obsDim, actDim);
            total += valueCritic.forward(in, valueCriticWs)[0] - temperature * logp;
        }
        return total / samples;
    }

    @Override
    public double reward(double[] observation, double[] action, double[] nextObservation, boolean terminal) {
        double qa = q(observation, action);
        return RewardFunctions.softQReward(qa, gamma, absorbingReward, terminal, () -> value(nextObservation));
    }

    /** This reward with {@code V(s')} from the Q critic itself (package-private: to compare the two in tests). */
    ContinuousSoftQReward withValuesOfQCritic() {
        return new ContinuousSoftQReward(criticWeights, criticWeights, actorWeights, dist, obsNorm, actNorm, gamma, temperature, absorbingReward,
                samples, provenance);
    }

    @Override
    public double absorbingReward() {
        return absorbingReward;
    }

    private void check(double[] observation) {
        if (observation.length != obsDim)
            throw new IllegalArgumentException("observation has " + observation.length + " numbers; the reward expects " + obsDim);
    }

    public Provenance provenance() {
        return provenance;
    }

    @Override
    public void save(Path path) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("samples", samples);
        extra.put("logStdMin", dist.logStdMin());
        extra.put("logStdMax", dist.logStdMax());
        var writer = RewardFunctions.writer(TYPE, gamma, temperature, absorbingReward, extra, obsNorm, provenance)
                .put("critic.bin", criticWeights.toBytes())
                .put("actor.bin", actorWeights.toBytes())
                .putText("action-normalizer.json", actNorm.toJson());
        if (valueCriticWeights != criticWeights) writer.put(VALUE_CRITIC, valueCriticWeights.toBytes());
        writer.writeTo(path);
    }

    static ContinuousSoftQReward read(PolicyArchive archive, JsonNode meta, Normalizer obsNorm, Provenance provenance) throws IOException {
        MlpWeights actor = MlpWeights.fromBytes(archive.entry("actor.bin"));
        TanhGaussian dist = new TanhGaussian(actor.outputDim() / 2, meta.path("logStdMin").asDouble(), meta.path("logStdMax").asDouble());
        MlpWeights critic = MlpWeights.fromBytes(archive.entry("critic.bin"));
        MlpWeights valueCritic = archive.has(VALUE_CRITIC) ? MlpWeights.fromBytes(archive.entry(VALUE_CRITIC)) : critic;
        return new ContinuousSoftQReward(critic, valueCritic, actor, dist, obsNorm,
                Normalizer.fromJson(archive.text("action-normalizer.json")), meta.path("gamma").asDouble(), meta.path("temperature").asDouble(),
                RewardFunctions.absorbingReward(meta), meta.path("samples").asInt(), provenance);
    }
}
