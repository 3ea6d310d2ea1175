package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.InvalidActionException;
import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.pendulum.PendulumEnv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EnvsTest {

    static List<String> ids() {
        return Envs.ids();
    }

    @Test
    void listsTheClassicEnvironments() {
        assertTrue(Envs.ids().containsAll(List.of("cartpole", "pendulum", "pointmass", "pointmass-obstacle", "gridworld")));
        // the built-in ids, in the order Envs' Javadoc lists them (tests may register more after these)
        assertEquals(List.of("cartpole", "pendulum", "pointmass", "pointmass-obstacle", "gridworld", "driving", "driving-goal"),
                Envs.ids().subList(0, 7));
        Map<String, String> help = Envs.descriptions();
        for (String id : Envs.ids()) assertTrue(help.containsKey(id), help.toString());
        assertTrue(help.get("cartpole").contains("max_steps=500"), help.toString());
    }

    @Test
    void unknownIdListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Envs.make("cartpol"));
        assertTrue(e.getMessage().contains("unknown environment 'cartpol'") && e.getMessage().contains("pointmass-obstacle"),
                e.getMessage());
    }

    @Test
    void optionsAreParsedAndValidated() {
        assertEquals(7, Envs.make("cartpole", Map.of("max_steps", "7")).spec().maxEpisodeSteps());
        assertEquals(5.0, ((PendulumEnv) Envs.make("pendulum", Map.of("g", "5"))).gravity());
        assertEquals(GridWorldEnv.Encoding.ONEHOT, ((GridWorldEnv) Envs.make("gridworld", Map.of("obs", "onehot"))).encoding());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Envs.make("cartpole", Map.of("gravity", "3")));
        assertTrue(unknown.getMessage().contains("no option 'gravity'") && unknown.getMessage().contains("max_steps"), unknown.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class, () -> Envs.make("pendulum", Map.of("g", "ten")));
        assertTrue(notNumber.getMessage().contains("'g' must be a finite number, got 'ten'"), notNumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Envs.make("pendulum", Map.of("max_steps", "0")));
        assertThrows(IllegalArgumentException.class, () -> Envs.make("gridworld", Map.of("obs", "pixels")));
        assertThrows(IllegalArgumentException.class, () -> Envs.make("gridworld", Map.of("slip", "1.5")));
    }

    @Test
    void registeringADuplicateIdFails() {
        EnvProvider cartpole = Envs.provider("cartpole");
        assertThrows(IllegalArgumentException.class, () -> Envs.register(cartpole));
    }

    @Test
    void tierNamesParseAndUnknownNamesListTheValidOnes() {
        assertEquals(BehaviourTier.MEDIUM, BehaviourTier.parse("Medium"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BehaviourTier.parse("good"));
        assertTrue(e.getMessage().contains("expert, medium, random, mixed"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void resetIsDeterministicGivenTheSeed(String id) {
        Env a = Envs.make(id), b = Envs.make(id);
        assertArrayEquals(a.reset(17), b.reset(17));
        var pa = Envs.behaviour(id, BehaviourTier.MEDIUM, a, Map.of(), 3);
        var pb = Envs.behaviour(id, BehaviourTier.MEDIUM, b, Map.of(), 3);
        double[] oa = a.reset(5), ob = b.reset(5);
        pa.reset();
        pb.reset();
        for (int t = 0; t < 30; t++) {
            StepResult ra = a.step(pa.act(oa)), rb = b.step(pb.act(ob));
            assertArrayEquals(ra.observation(), rb.observation());
            assertEquals(ra.reward(), rb.reward());
            if (ra.done()) break;
            oa = ra.observation();
            ob = rb.observation();
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void badActionsGetAClearError(String id) {
        Env env = Envs.make(id);
        env.reset(0);
        int dim = env.spec().actionSpace().storageDim();
        InvalidActionException wrongLength = assertThrows(InvalidActionException.class, () -> env.step(new double[dim + 1]));
        assertTrue(wrongLength.getMessage().contains(Integer.toString(dim + 1)), wrongLength.getMessage());
        double[] nan = new double[dim];
        nan[0] = Double.NaN;
        assertThrows(InvalidActionException.class, () -> env.step(nan));
        if (env.spec().actionSpace().isDiscrete()) {
            assertThrows(InvalidActionException.class, () -> env.step(new double[]{-1}));
            assertThrows(InvalidActionException.class, () -> env.step(new double[]{99}));
        }
        // the episode is still usable after rejected actions
        env.step(new double[dim]);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void expertOracleAnswersForObservationsOfTheEnvironment(String id) {
        Env env = Envs.make(id);
        double[] obs = env.reset(4);
        if (env instanceof GoalEnv g) {
            double[] goal = g.desiredGoal();
            double[] x = new double[obs.length + goal.length];
            System.arraycopy(obs, 0, x, 0, obs.length);
            System.arraycopy(goal, 0, x, obs.length, goal.length);
            obs = x;
        }
        double[] action = Envs.expert(id).act(obs);
        env.spec().actionSpace().validate(action);
    }
}
