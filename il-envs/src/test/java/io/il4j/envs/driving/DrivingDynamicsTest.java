package io.il4j.envs.driving;

import io.il4j.core.env.StepResult;
import org.junit.jupiter.api.Test;

import static io.il4j.envs.driving.DrivingObservation.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Ego kinematics and IDM against values computed by hand (outside this code base, in double precision) from
 * the published equations:
 * ds/dt = v cos(e)/(1 - d kappa), dd/dt = v sin(e), de/dt = v tan(delta)/L - kappa ds/dt, dv/dt = a,
 * explicit Euler, L = 2.7 m, dt = 0.1 s.
 */
class DrivingDynamicsTest {

    private static final double TOL = 1e-9;

    /** One lane (centre d = 0), no traffic, the given road. */
    private static DrivingEnv singleLane(RoadSegment road) {
        return new DrivingEnv(DrivingConfig.builder().lanes(1).trafficVehicles(0).fixedRoad(road).build());
    }

    private static void assertState(DrivingEnv env, double[] obs, double s, double d, double e, double v) {
        assertEquals(s, env.episodeMetrics().get("progress"), TOL, "s");
        assertEquals(d, obs[LATERAL_OFFSET], TOL, "d");
        assertEquals(e, obs[HEADING_ERROR], TOL, "heading error");
        assertEquals(v, obs[SPEED], TOL, "speed");
    }

    @Test
    void bicycleOnStraightRoadMatchesHandComputedSteps() {
        DrivingEnv env = singleLane(RoadSegment.straight(1000));
        double[] obs = env.reset(3);
        assertState(env, obs, 0, 0, 0, 20);
        double[] action = {0.05, 1.0};
        // step 1: s = 20*0.1; e = 20*tan(0.05)/2.7*0.1; v = 20.1
        obs = env.step(action).observation();
        assertState(env, obs, 2.0, 0.0, 0.0370679321300287, 20.1);
        obs = env.step(action).observation();
        assertState(env, obs, 4.00861925635929, 0.0744894823627458, 0.0743212039207076, 20.2);
        obs = env.step(action).observation();
        assertState(env, obs, 6.02304294609743, 0.22448014281122, 0.111759815372037, 20.3);
    }

    @Test
    void bicycleOnArcIncludesCurvatureTerms() {
        // kappa = 1/500 everywhere: heading error falls behind the tangent by kappa * ds each step
        DrivingEnv env = singleLane(RoadSegment.arc(1000, 500, true));
        double[] obs = env.reset(3);
        assertEquals(0.002, obs[CURVATURE], 1e-12);
        obs = env.step(new double[]{0.02, -2}).observation();
        assertState(env, obs, 2.0, 0.0, 0.0108167904395574, 19.8);
        obs = env.step(new double[]{0.02, -2}).observation();
        assertState(env, obs, 3.97988416820354, 0.0214168274259385, 0.0215256446383121, 19.6);
        obs = env.step(new double[]{-0.01, 0.5}).observation();
        assertState(env, obs, 5.93951403753671, 0.0636038328256686, 0.0103468836553984, 19.65);
    }

    @Test
    void nothingPullsTheEgoBackToTheLaneCentre() {
        DrivingEnv env = singleLane(RoadSegment.straight(1000));
        env.reset(1);
        double[] obs = env.perturbEgo(0.8, 0);
        for (int t = 0; t < 50; t++) obs = env.step(new double[]{0, 0}).observation();
        assertEquals(0.8, obs[LATERAL_OFFSET], 1e-12, "an offset persists without steering");
        obs = env.perturbEgo(0, 0.01);
        for (int t = 0; t < 10; t++) obs = env.step(new double[]{0, 0}).observation();
        assertTrue(obs[LATERAL_OFFSET] > 0.8 + 9 * 0.1 * 20 * Math.sin(0.01),
                "a heading error keeps carrying the ego sideways: " + obs[LATERAL_OFFSET]);
    }

    @Test
    void speedNeverGoesNegative() {
        DrivingEnv env = singleLane(RoadSegment.straight(1000));
        env.reset(1);
        double[] obs = null;
        for (int t = 0; t < 60; t++) obs = env.step(new double[]{0, -6}).observation();
        assertEquals(0, obs[SPEED]);
        double progress = env.episodeMetrics().get("progress");
        env.step(new double[]{0, -6});
        assertEquals(progress, env.episodeMetrics().get("progress"), 0, "a stopped car stays put");
    }

    @Test
    void idmMatchesTheFormula() {
        Idm idm = new Idm(1.5, 2.0, 1.5, 2.0, 4.0);
        // s* = 2 + 20*1.5 + 20*5/(2 sqrt(3)); a = 1.5 (1 - (20/25)^4 - (s*/30)^2)
        assertEquals(-5.28915699123356, idm.acceleration(20, 25, 30, 5), 1e-12);
        // opening fast: the dynamic term is negative and clipped, s* = s0 = 2
        assertEquals(1.45785, idm.acceleration(10, 25, 40, -20), 1e-12);
        assertEquals(1.5 * (1 - Math.pow(0.8, 4)), idm.freeAcceleration(20, 25), 1e-12);
        // a general exponent: a=1, b=1, T=1, s0=1, delta=2: s* = 1 + 12 + 12*2/2 = 25
        assertEquals(-0.64, new Idm(1, 1, 1, 1, 2).acceleration(12, 15, 25, 2), 1e-12);
        assertTrue(Double.isFinite(idm.acceleration(20, 25, -3, 0)), "overlapping vehicles give a finite (huge) braking demand");
    }

    @Test
    void idmRejectsNonPositiveParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Idm(0, 2, 1.5, 2, 4));
        assertTrue(e.getMessage().contains("maxAccel"), e.getMessage());
    }

    @Test
    void outOfBoundsActionsAreClippedToTheBox() {
        DrivingConfig config = DrivingConfig.defaults();
        DrivingEnv clipped = new DrivingEnv(config), bounded = new DrivingEnv(config);
        clipped.reset(4);
        bounded.reset(4);
        VehicleParams p = config.vehicle();
        for (int t = 0; t < 5; t++) {
            StepResult a = clipped.step(new double[]{1.0, 50});
            StepResult b = bounded.step(new double[]{p.maxSteer(), p.maxAccel()});
            assertArrayEquals(b.observation(), a.observation(), 0);
            assertEquals(b.reward(), a.reward(), 0);
        }
    }
}
