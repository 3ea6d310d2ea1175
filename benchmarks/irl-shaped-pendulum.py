#!/usr/bin/env python3
"""Does a recovered Pendulum reward equal the true one up to potential shaping on the expert's own transitions?

IQ-Learn's reward r(s,a,s') = Q(s,a) - gamma V(s') is identified only up to a shaping gamma Phi(s') - Phi(s), and only on
transitions the dynamics produce (EPIC's canonicalization also scores impossible (s, a, s') triples, so it is not the
test for it; see il-irl's ShapedCorrelation for the exact tabular version). Here Phi is a smooth function of the state
(Fourier terms of theta up to order 3 times powers of theta_dot up to 3: 28 features), fitted with a scale by least
squares on the transitions of FIT_CSV,
    recovered(s,a,s') ~ c * true(s,a) + gamma Phi(s') - Phi(s),
and the "shaped Pearson" is the Pearson correlation of recovered - fitted shaping with the true reward on the held-out
transitions of TEST_CSV. Self-checks: a shaped true reward scores about 1, Gaussian noise about 0.
The recovered reward comes from `il reward export`; the true reward is each file's reward column.

Usage: benchmarks/irl-shaped-pendulum.py REWARD_FILE FIT_CSV TEST_CSV [GAMMA=0.99]
"""
import os, sys

import numpy as np

from pendulum_rewards import OBS, export_recovered


def features(obs):  # obs: (N, 3) -> (N, 28) smooth basis of Phi
    theta = np.arctan2(obs[:, 1], obs[:, 0])
    speed = obs[:, 2] / 8.0
    angular = [np.ones_like(theta)] + [f(k * theta) for k in (1, 2, 3) for f in (np.cos, np.sin)]
    return np.stack([a * speed ** p for a in angular for p in range(4)], axis=1)


def transitions(path, reward_file):
    """(s, s', true reward, recovered reward) of every step that has a next observation in its episode."""
    rows = export_recovered(reward_file, path)
    s, s2, true, rec = [], [], [], []
    for r0, r1 in zip(rows, rows[1:]):
        if r0["episode"] == r1["episode"] and r0["recovered_reward"] != "" and r0["reward"] != "":
            s.append([float(r0[k]) for k in OBS])
            s2.append([float(r1[k]) for k in OBS])
            true.append(float(r0["reward"]))
            rec.append(float(r0["recovered_reward"]))
    return np.array(s), np.array(s2), np.array(true), np.array(rec)


def shaped_pearson(fit, test, gamma):
    """Fit (c, Phi) on `fit` = (s, s', true, target); the held-out Pearson of target - shaping with true on `test`."""
    s, s2, true, target = fit
    basis = gamma * features(s2) - features(s)
    coef, *_ = np.linalg.lstsq(np.column_stack([true, basis]), target, rcond=None)
    ts, ts2, ttrue, ttarget = test
    residual = ttarget - (gamma * features(ts2) - features(ts)) @ coef[1:]
    return float(np.corrcoef(residual, ttrue)[0, 1]), float(np.corrcoef(ttarget, ttrue)[0, 1])


def main():
    if len(sys.argv) < 4 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    reward_file, fit_csv, test_csv = sys.argv[1:4]
    gamma = float(sys.argv[4]) if len(sys.argv) > 4 else 0.99
    fit, test = transitions(fit_csv, reward_file), transitions(test_csv, reward_file)
    # Self-checks on the same transitions: a shaped true reward must come back, noise must not.
    rng = np.random.default_rng(0)
    phi = lambda o: 5 * o[:, 2] ** 2 + 3 * o[:, 0] - 2 * o[:, 1] * o[:, 2]
    shape = lambda d: 2 * d[2] + gamma * phi(d[1]) - phi(d[0])
    check_shaped, _ = shaped_pearson(fit[:3] + (shape(fit),), test[:3] + (shape(test),), gamma)
    check_noise, _ = shaped_pearson(fit[:3] + (rng.normal(size=len(fit[2])),), test[:3] + (rng.normal(size=len(test[2])),), gamma)
    if check_shaped < 0.999 or abs(check_noise) > 0.1:
        sys.exit(f"irl-shaped-pendulum.py: self-check failed (shaped truth {check_shaped:.4f}, noise {check_noise:.3f})")
    held_out, raw = shaped_pearson(fit, test, gamma)
    in_sample, _ = shaped_pearson(fit, fit, gamma)
    print(f"{os.path.basename(reward_file)}: fit on {len(fit[2])} transitions of {os.path.basename(fit_csv)}, "
          f"tested on {len(test[2])} of {os.path.basename(test_csv)}: raw Pearson {raw:.3f}, shaped Pearson {held_out:.3f} "
          f"(in-sample {in_sample:.3f}; self-checks: shaped truth {check_shaped:.4f}, noise {check_noise:.3f})")


if __name__ == "__main__":
    main()
