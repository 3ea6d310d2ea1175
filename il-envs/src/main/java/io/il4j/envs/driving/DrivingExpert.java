package io.il4j.envs.driving;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.envs.driving.internal.DrivingController;

import static io.il4j.envs.driving.DrivingObservation.*;

/**
 * The {@link DrivingEnv} expert, a function of the observation alone (plus the configuration's constants),
 * so it can label any state a learner visits:
 * <ul>
 *   <li><b>steering</b>: curvature feed-forward plus a cascaded lateral/heading feedback (the lateral error
 *   sets a target heading error, the heading error is driven to it), towards the centre of its own lane or
 *   of the lane it changes to;</li>
 *   <li><b>acceleration</b>: IDM (a_max 2, b 2.5, T 1.3 s, s0 3 m) behind the leader of its lane (and of the
 *   target lane while changing), towards the speed limit, lowered in curves to keep lateral acceleration
 *   under 2.5 m/s^2;</li>
 *   <li><b>lane changes</b> (MOBIL-style, politeness 0): to the neighbour lane whose IDM acceleration beats
 *   its own by 0.5 m/s^2 (0.1 to carry on with a change already visibly under way), only if that lane has
 *   8 m free ahead and 6 m behind and neither the ego nor the new follower must brake harder than
 *   2.5 m/s^2.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class DrivingExpert implements ExpertOracle {

    /** Gain in acceleration (m/s^2) needed to start a lane change, and to carry on with one under way. */
    static final double CHANGE_THRESHOLD = 0.5, CONTINUE_THRESHOLD = 0.1;

    private final DrivingConfig config;
    private final DrivingController controller;

    public DrivingExpert() {
        this(DrivingConfig.defaults());
    }

    public DrivingExpert(DrivingConfig config) {
        if (config == null) throw new IllegalArgumentException("DrivingExpert needs a DrivingConfig, got null");
        this.config = config;
        this.controller = new DrivingController(config);
    }

    @Override
    public double[] act(double[] observation) {
        double[] out = new double[2];
        act(observation, out);
        return out;
    }

    @Override
    public void act(double[] obs, double[] actionOut) {
        if (obs == null || obs.length != DIM)
            throw new IllegalArgumentException("DrivingExpert expects a driving observation of " + DIM + " numbers, got "
                    + (obs == null ? "null" : obs.length));
        double v0 = controller.cruiseSpeed(obs, config.speedLimit());
        double ownAccel = controller.laneAcceleration(obs, OWN, v0);
        int moving = controller.movingToward(obs);
        int side = OWN;
        double bestMargin = 0;
        for (int candidate = LEFT; candidate <= RIGHT; candidate++) {
            if (!controller.safeToEnter(obs, candidate, v0)) continue;
            double gain = controller.laneAcceleration(obs, candidate, v0) - ownAccel;
            double margin = gain - (candidate == moving ? CONTINUE_THRESHOLD : CHANGE_THRESHOLD);
            if (margin > bestMargin) {
                bestMargin = margin;
                side = candidate;
            }
        }
        double accel = side == OWN ? ownAccel : Math.min(ownAccel, controller.laneAcceleration(obs, side, v0));
        actionOut[0] = controller.steering(obs, controller.targetOffset(side));
        actionOut[1] = controller.clipAccel(accel);
    }
}
