#!/usr/bin/env python3
"""Is a recovered Pendulum reward wrong only by potential shaping? Sample-based EPIC (Gleave et al., ICLR 2021).

Per-transition Pearson between a recovered and the true reward is not invariant to potential shaping
(R + gamma*Phi(s') - Phi(s) explains the same expert). EPIC's canonicalization removes any such shaping:
  C(R)(s,a,s') = R(s,a,s') + E[gamma*R(s',A,S') - R(s,A,S')] + const,
with A uniform over the action box and S' drawn from a coverage distribution of states (here the states of the
first 30 episodes of the expert, medium and random tiers), both sampled (M pairs, the same for every point). The
script prints the raw and the canonical Pearson correlation, and EPIC = sqrt((1 - rho_canonical) / 2), on N points:
the expert's own transitions (first 20 shipped expert episodes) and independent (S, A, S') coverage samples.
The recovered reward is evaluated by `il reward export` on a CSV of one-step episodes; the true reward is
Gymnasium's Pendulum cost, checked here against the reward column of the shipped data before use.

Caveat (measured since): canonicalization evaluates rewards at (s, A, S') triples the dynamics never produce, where
IQ-Learn's reward is not identified; a correct recovery can score a high EPIC (GridWorld, soft-optimal expert: EPIC 0.31
at a shaped Pearson of 0.93). irl-shaped-pendulum.py compares on the expert's own transitions instead.

Usage: benchmarks/irl-epic-pendulum.py REWARD_FILE [N=500] [M=100] [SEED=0]
Environment: EXPERT=FILE takes the expert transitions from FILE instead (e.g. held-out episodes of the soft-optimal
expert of irl-soft-expert-pendulum.py), EXPERT_EPISODES=N its first N episodes (default 20).
"""
import csv, math, os, random, statistics, sys, tempfile

from pendulum_rewards import OBS, ROOT, export_recovered

DATA = os.path.join(ROOT, "datasets", "pendulum")
GAMMA = 0.99  # the discount the benchmark's rewards were learned with


def true_reward(s, a):  # Gymnasium Pendulum-v1: -(theta^2 + 0.1 theta_dot^2 + 0.001 u^2), theta in [-pi, pi)
    theta = math.atan2(s[1], s[0])
    return -(theta * theta + 0.1 * s[2] * s[2] + 0.001 * a * a)


def potential(s):  # an arbitrary potential, for the shaping check
    return 5 * s[2] * s[2] + 3 * s[0]


def transitions(tier, episodes, path=None):  # [(s, a, s', recorded reward)] of the first `episodes` episodes
    rows = [r for r in csv.DictReader(open(path or os.path.join(DATA, tier + ".csv"))) if int(r["episode"]) < episodes]
    return [([float(r0[k]) for k in OBS], float(r0["act_torque"]), [float(r1[k]) for k in OBS], float(r0["reward"]))
            for r0, r1 in zip(rows, rows[1:]) if r0["episode"] == r1["episode"] and r0["act_torque"] != ""]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    reward_file = sys.argv[1]
    n, m, seed = (int(sys.argv[i]) if len(sys.argv) > i else d for i, d in ((2, 500), (3, 100), (4, 0)))
    rnd = random.Random(seed)
    expert_file = os.environ.get("EXPERT")  # another expert's demonstrations (irl-soft-expert-pendulum.py)
    expert = transitions("expert", int(os.environ.get("EXPERT_EPISODES", "20")), expert_file)
    worst = max(abs(true_reward(s, a) - r) for s, a, _, r in expert)
    if worst > 1e-4:
        sys.exit(f"irl-epic-pendulum.py: the true reward here differs from "
                 f"{expert_file or DATA + '/expert.csv'}'s reward column by {worst}")
    cover = [t[0] for tier in ("expert", "medium", "random") for t in transitions(tier, 30)]
    pairs = [(rnd.uniform(-2, 2), rnd.choice(cover)) for _ in range(m)]  # (A, S') shared by every point
    point_sets = {
        "expert transitions": [(s, a, s2) for s, a, s2, _ in rnd.sample(expert, n)],
        "coverage samples": [(rnd.choice(cover), rnd.uniform(-2, 2), rnd.choice(cover)) for _ in range(n)],
    }
    # One-step episodes: per point (s, a, s'), then (s, A_j, S'_j) and (s', A_j, S'_j) for every j.
    triples = [t for pts in point_sets.values() for s, a, s2 in pts
               for t in [(s, a, s2)] + [(s, a_j, s_j) for a_j, s_j in pairs] + [(s2, a_j, s_j) for a_j, s_j in pairs]]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "points.csv")
        with open(src, "w") as f:
            f.write("episode,t," + ",".join(OBS) + ",act_torque,reward,terminated,truncated\n")
            for e, (s, a, s2) in enumerate(triples):
                f.write(f"{e},0,{s[0]!r},{s[1]!r},{s[2]!r},{a!r},{true_reward(s, a)!r},0,0\n")
                f.write(f"{e},1,{s2[0]!r},{s2[1]!r},{s2[2]!r},,,0,1\n")
        recovered = {int(r["episode"]): float(r["recovered_reward"]) for r in export_recovered(reward_file, src) if r["recovered_reward"]}
    true = [true_reward(s, a) for s, a, _ in triples]
    block = 1 + 2 * m
    print(f"{os.path.basename(reward_file)}: N = {n} points per set, M = {m} (A, S') samples, seed {seed}")
    for k, name in enumerate(point_sets):
        def raw_and_canonical(r):
            raw, can = [], []
            for i in range(k * n, (k + 1) * n):
                b = i * block
                raw.append(r(b))
                can.append(r(b) + GAMMA * statistics.mean(r(b + 1 + m + j) for j in range(m))
                           - statistics.mean(r(b + 1 + j) for j in range(m)))
            return raw, can
        t_raw, t_can = raw_and_canonical(lambda i: true[i])
        r_raw, r_can = raw_and_canonical(lambda i: recovered[i])
        rho = statistics.correlation(t_can, r_can)
        # The index arithmetic, checked: the true reward plus a potential shaping must canonicalize to the same values.
        _, s_can = raw_and_canonical(lambda i: true[i] + GAMMA * potential(triples[i][2]) - potential(triples[i][0]))
        if statistics.correlation(t_can, s_can) < 0.999999:
            sys.exit("irl-epic-pendulum.py: canonicalization does not remove a potential shaping (bug)")
        print(f"  {name}: raw Pearson {statistics.correlation(t_raw, r_raw):.3f}, canonical Pearson {rho:.3f}, "
              f"EPIC {math.sqrt(max(0.0, (1 - rho) / 2)):.3f}")


if __name__ == "__main__":
    main()
