package io.il4j.bc;

import io.il4j.core.nn.Head;
import io.il4j.bc.internal.Heads;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.MlpForward;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.SpecifiedPolicy;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;

import java.util.SplittableRandom;

/**
 * A trained BC policy for embedding: a plain-Java forward pass over the exported weights (no DL4J
 * call, no allocation in {@link #act(double[], double[])}), normalization, and the head's decoding.
 * Input: the raw observation, followed by the goal when goal-conditioned (as
 * {@code io.il4j.core.env.GoalConditionedPolicy} (il-core) supplies it). Output: the continuous action (clipped
 * into the action space's finite bounds when {@code clipActions}), or the discrete index as one number.
 *
 * <p><b>Thread-safety:</b> a stateless policy (history 1, deterministic actions) is thread-safe:
 * concurrent {@code act} calls share the read-only weights and use per-thread scratch buffers. A
 * stateful policy ({@link #isStateful()}: frame history, or sampling) holds per-episode state and is
 * not thread-safe: give each thread or episode stream its own {@link #newInstance()}.
 */
public final class BcPolicy implements SpecifiedPolicy {

    private final MlpWeights weights;
    private final MlpForward forward;
    private final Head head;
    private final BcConfig config;
    private final DatasetSpec spec;
    private final BcNormalizers norms;
    private final int obsDim, goalDim, history, actionWidth;
    private final boolean discrete;
    private final double[] low, high; // clip bounds, or null
    private final boolean sample;
    private final SplittableRandom rng;          // sampling only
    private final Session state;                 // stateful policies: the one session
    private final ThreadLocal<Session> sessions; // stateless policies: one session per thread

    /** Per-thread (or per-episode) buffers and frame history. */
    private static final class Session {
        final float[] input;
        final MlpForward.Workspace ws;
        final float[] decoded;
        boolean primed;

        Session(int inputDim, MlpForward f, int actionWidth) {
            input = new float[inputDim];
            ws = f.newWorkspace();
            decoded = new float[actionWidth];
        }
    }

    /**
     * Assembles a policy. {@code spec} is the policy's input/output spec: observation names, action
     * space, and goal names when goal-conditioned. Shapes must agree with {@code config} (head, history).
     */
    public BcPolicy(MlpWeights weights, BcConfig config, DatasetSpec spec, BcNormalizers normalizers) {
        this(weights, config, spec, normalizers, config.sampleActions(), config.seed());
    }

    private BcPolicy(MlpWeights weights, BcConfig config, DatasetSpec spec, BcNormalizers norms, boolean sample, long sampleSeed) {
        this.weights = weights;
        this.config = config;
        this.spec = spec;
        this.norms = norms;
        this.head = Heads.create(config, spec.actionSpace());
        this.forward = new MlpForward(weights);
        this.obsDim = spec.observationDim();
        this.goalDim = config.goalConditioned() ? spec.goalDim() : 0;
        this.history = config.history();
        this.actionWidth = head.actionWidth();
        this.discrete = spec.actionSpace().isDiscrete();
        int inputDim = obsDim * history + goalDim;
        if (config.goalConditioned() && goalDim == 0)
            throw new IllegalArgumentException("a goal-conditioned policy needs goal names in its spec");
        if (weights.inputDim() != inputDim)
            throw new IllegalArgumentException("network takes " + weights.inputDim() + " inputs; the spec and config imply " + inputDim
                    + " (" + history + " x " + obsDim + " observation + " + goalDim + " goal)");
        if (weights.outputDim() != head.outputDim())
            throw new IllegalArgumentException("network has " + weights.outputDim() + " outputs; the " + config.head().cliName()
                    + " head needs " + head.outputDim());
        checkDim("observation normalizer", norms.observation(), obsDim);
        if (goalDim > 0) checkDim("goal normalizer", norms.goal(), goalDim);
        if (!discrete) checkDim("action normalizer", norms.action(), spec.actionDim());
        if (!discrete && config.clipActions()) {
            Box box = (Box) spec.actionSpace();
            low = box.low();
            high = box.high();
        } else {
            low = high = null;
        }
        this.sample = sample;
        this.rng = sample ? new SplittableRandom(sampleSeed) : null;
        if (isStateful()) {
            state = new Session(inputDim, forward, actionWidth);
            sessions = null;
        } else {
            state = null;
            sessions = ThreadLocal.withInitial(() -> new Session(inputDim, forward, actionWidth));
        }
    }

    private static void checkDim(String what, Normalizer n, int dim) {
        if (n == null || n.dim() != dim)
            throw new IllegalArgumentException(what + " has " + (n == null ? "no" : n.dim()) + " dims; expected " + dim);
    }

    /** True with frame history or sampling: then not thread-safe, and {@link #reset()} starts an episode. */
    public boolean isStateful() {
        return history > 1 || sample;
    }

    /** A policy sharing these weights with its own state (for another thread or episode stream). */
    public BcPolicy newInstance() {
        return new BcPolicy(weights, config, spec, norms, sample, config.seed());
    }

    /** A stateful policy that samples its actions from the head's distribution with the given seed. */
    public BcPolicy sampling(long seed) {
        return new BcPolicy(weights, config, spec, norms, true, seed);
    }

    /** Numbers expected by {@code act}: the observation dim plus the goal dim. */
    public int inputDim() {
        return obsDim + goalDim;
    }

    @Override
    public int observationDim() {
        return obsDim;
    }

    @Override
    public int goalDim() {
        return goalDim;
    }

    public ActionSpace actionSpace() {
        return spec.actionSpace();
    }

    @Override
    public DatasetSpec spec() {
        return spec;
    }

    public BcConfig config() {
        return config;
    }

    public MlpWeights weights() {
        return weights;
    }

    public BcNormalizers normalizers() {
        return norms;
    }

    @Override
    public double[] act(double[] observation) {
        double[] out = new double[spec.actionDim()];
        act(observation, out);
        return out;
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        if (observation == null || observation.length != obsDim + goalDim)
            throw new IllegalArgumentException("observation has " + (observation == null ? "null" : observation.length + " numbers")
                    + "; this policy expects " + obsDim + " observation" + (goalDim > 0 ? " + " + goalDim + " goal" : "") + " numbers");
        if (actionOut == null || actionOut.length < spec.actionDim())
            throw new IllegalArgumentException("action buffer must hold " + spec.actionDim() + " numbers");
        Session s = state != null ? state : sessions.get();
        float[] in = s.input;
        Normalizer on = norms.observation();
        if (history == 1) {
            on.normalize(observation, 0, in, 0);
        } else if (!s.primed) { // first step of an episode: repeat it into every frame, as training pads episode starts
            for (int f = 0; f < history; f++) on.normalize(observation, 0, in, f * obsDim);
            s.primed = true;
        } else {
            System.arraycopy(in, obsDim, in, 0, (history - 1) * obsDim);
            on.normalize(observation, 0, in, (history - 1) * obsDim);
        }
        if (goalDim > 0) norms.goal().normalize(observation, obsDim, in, history * obsDim);
        float[] z = forward.forward(in, s.ws);
        if (rng != null) head.sample(z, rng, s.decoded);
        else head.decode(z, s.decoded);
        if (discrete) {
            actionOut[0] = s.decoded[0];
            return;
        }
        Normalizer an = norms.action();
        for (int j = 0; j < actionWidth; j++) {
            double a = an.denormalize(j, s.decoded[j]);
            if (low != null) a = Math.max(low[j], Math.min(high[j], a));
            actionOut[j] = a;
        }
    }

    /** Starts a new episode: clears the frame history. Stateless policies have nothing to clear. */
    @Override
    public void reset() {
        if (state != null) state.primed = false;
    }

    @Override
    public String toString() {
        return "BcPolicy[" + config.head().cliName() + ", " + config.hiddenSizes() + ", obs " + obsDim
                + (goalDim > 0 ? ", goal " + goalDim : "") + (history > 1 ? ", history " + history : "") + ", " + spec.actionSpace() + "]";
    }
}
