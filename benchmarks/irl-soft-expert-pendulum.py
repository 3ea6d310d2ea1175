#!/usr/bin/env python3
"""A Boltzmann-rational (MaxEnt) Pendulum expert, to test IQ-Learn's reward recovery where its assumption holds.

IQ-Learn, like every MaxEnt IRL method, assumes the expert acts as pi(a|s) ~ exp(Q*_soft(s,a) / alpha) for the true
reward. The shipped Pendulum expert is a scripted energy-pump + LQR controller (mostly saturated torque), which is not of
that form, so the reward that explains it need not be the true one. This script computes the soft-optimal policy of the
true Pendulum-v1 reward and writes its demonstrations in il4j's CSV format, so the same `il train iqlearn` and the same
correlation check can be run on an expert that satisfies the assumption.

How: soft value iteration on a grid (theta periodic, theta_dot in [-8, 8], torque on K points in [-2, 2]) with the
simulator's exact step (semi-implicit Euler, speed clip) and bilinear interpolation of V at the next state:
  Q(s,a) = r(s,a) + gamma * V(s'),   V(s) = alpha * logsumexp_a Q(s,a) / alpha  (the sum includes log(da): a density).
Rollouts use Gymnasium's start distribution, sample a grid torque from softmax(Q(s,.)/alpha) with Q interpolated at
the exact state, then add uniform jitter within its cell (a piecewise-constant density over the torque interval).
The grid's own error is reported: the greedy grid policy's return next to the soft one's.

Usage: benchmarks/irl-soft-expert-pendulum.py OUT.csv [EPISODES=30] [SEED=1] [ALPHA=0.5]
Environment knobs: GRID_THETA (181), GRID_SPEED (161), GRID_TORQUE (41), GAMMA (0.99).
"""
import math, os, sys, time

import numpy as np

G, M, L, DT, MAX_SPEED, MAX_TORQUE, HORIZON = 10.0, 1.0, 1.0, 0.05, 8.0, 2.0, 200


def angle_normalize(x):
    return (x + np.pi) % (2 * np.pi) - np.pi


def step(theta, theta_dot, u):
    """Pendulum-v1's step (vectorised): reward of (s, u) and the next state; theta is kept unnormalised as in Gym."""
    u = np.clip(u, -MAX_TORQUE, MAX_TORQUE).astype(np.float32).astype(np.float64)  # Gym's float32 action
    reward = -(angle_normalize(theta) ** 2 + 0.1 * theta_dot ** 2 + 0.001 * u ** 2)
    new_dot = np.clip(theta_dot + (3 * G / (2 * L) * np.sin(theta) + 3.0 / (M * L * L) * u) * DT, -MAX_SPEED, MAX_SPEED)
    return reward, theta + new_dot * DT, new_dot


class Grid:
    def __init__(self, n_theta, n_speed):
        self.n_theta, self.n_speed = n_theta, n_speed
        self.d_theta = 2 * np.pi / n_theta
        self.speeds = np.linspace(-MAX_SPEED, MAX_SPEED, n_speed)
        self.d_speed = self.speeds[1] - self.speeds[0]
        self.thetas = -np.pi + self.d_theta * np.arange(n_theta)

    def interp(self, table, theta, theta_dot):
        """Bilinear interpolation of table[n_theta, n_speed, ...] at states (theta wraps around)."""
        x = (angle_normalize(theta) + np.pi) / self.d_theta
        i0 = np.floor(x).astype(int)
        fx = x - i0
        i0 %= self.n_theta
        i1 = (i0 + 1) % self.n_theta
        y = np.clip((theta_dot + MAX_SPEED) / self.d_speed, 0, self.n_speed - 1 - 1e-9)
        j0 = np.floor(y).astype(int)
        fy = y - j0
        j1 = j0 + 1
        if table.ndim == 3:
            fx, fy = fx[..., None], fy[..., None]
        return ((1 - fx) * (1 - fy) * table[i0, j0] + fx * (1 - fy) * table[i1, j0]
                + (1 - fx) * fy * table[i0, j1] + fx * fy * table[i1, j1])


def soft_value_iteration(grid, torques, alpha, gamma, tol=1e-6, max_iter=5000):
    th, sp = np.meshgrid(grid.thetas, grid.speeds, indexing="ij")
    th, sp = th[..., None], sp[..., None]
    reward, th1, sp1 = step(th, sp, torques[None, None, :])
    log_da = math.log(torques[1] - torques[0])
    v = np.zeros((grid.n_theta, grid.n_speed))
    for it in range(max_iter):
        q = reward + gamma * grid.interp(v, th1, sp1)
        qmax = q.max(axis=2, keepdims=True)
        v_new = (qmax + alpha * np.log(np.exp((q - qmax) / alpha).sum(axis=2, keepdims=True)) + alpha * log_da)[..., 0]
        delta = np.abs(v_new - v).max()
        v = v_new
        if delta < tol:
            break
    q = reward + gamma * grid.interp(v, th1, sp1)
    return q, it + 1, delta


def rollout(grid, q, torques, alpha, rng, greedy):
    theta, theta_dot = rng.uniform(-np.pi, np.pi), rng.uniform(-1, 1)
    du = torques[1] - torques[0]
    rows, ret = [], 0.0
    for t in range(HORIZON):
        qs = grid.interp(q, np.array([theta]), np.array([theta_dot]))[0]
        if greedy:
            u = torques[int(np.argmax(qs))]
        else:
            p = np.exp((qs - qs.max()) / alpha)
            k = rng.choice(len(torques), p=p / p.sum())
            u = float(np.clip(torques[k] + rng.uniform(-du / 2, du / 2), -MAX_TORQUE, MAX_TORQUE))
        u = float(np.float32(u))
        obs = (np.float32(math.cos(theta)), np.float32(math.sin(theta)), np.float32(theta_dot))
        r, theta, theta_dot = step(np.array(theta), np.array(theta_dot), np.array(u))
        r, theta, theta_dot = float(r), float(theta), float(theta_dot)
        ret += r
        rows.append((t, obs, u, r, 1 if t == HORIZON - 1 else 0))
    return rows, ret


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) >= 2 else 2)
    out = sys.argv[1]
    episodes = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    alpha = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
    gamma = float(os.environ.get("GAMMA", "0.99"))
    grid = Grid(int(os.environ.get("GRID_THETA", "181")), int(os.environ.get("GRID_SPEED", "161")))
    torques = np.linspace(-MAX_TORQUE, MAX_TORQUE, int(os.environ.get("GRID_TORQUE", "41")))
    t0 = time.time()
    q, iters, delta = soft_value_iteration(grid, torques, alpha, gamma)
    print(f"soft value iteration: {grid.n_theta}x{grid.n_speed} states, {len(torques)} torques, alpha {alpha}, "
          f"gamma {gamma}: {iters} sweeps, last change {delta:.2e}, {time.time() - t0:.1f} s", file=sys.stderr)
    rng = np.random.default_rng(seed)
    greedy = [rollout(grid, q, torques, alpha, np.random.default_rng(seed + 10_000 + e), True)[1] for e in range(10)]
    returns = []
    tmp = out + ".part"  # nothing half-written: the file appears only when complete
    with open(tmp, "w") as f:
        f.write("episode,t,obs_cos_theta,obs_sin_theta,obs_theta_dot,act_torque,reward,terminated,truncated\n")
        for e in range(episodes):
            rows, ret = rollout(grid, q, torques, alpha, rng, False)
            returns.append(ret)
            for t, obs, u, r, trunc in rows:
                f.write(f"{e},{t},{obs[0]},{obs[1]},{obs[2]},{u!r},{r!r},0,{trunc}\n")  # str(float32): shortest digits
    os.replace(tmp, out)
    r = np.array(returns)
    print(f"wrote {out}: {episodes} episodes of the soft-optimal expert (alpha {alpha}), return mean {r.mean():.1f} "
          f"sd {r.std(ddof=1) if len(r) > 1 else 0:.1f} min {r.min():.1f} max {r.max():.1f}; greedy grid policy "
          f"(10 episodes) {np.mean(greedy):.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
