#!/usr/bin/python3
"""Reference timing of one continuous CQL(H) gradient step in single-threaded PyTorch (benchmarks/cql-speed.sh).

Written from the CQL paper's definition (Kumar et al., 2020, CQL(H) with importance-sampled logsumexp) on a SAC
backbone, sized as `il bench cql` sizes il4j's step: Driving's observation and action sizes (22, 2), twin 2x256
critics with Polyak targets, a 2x256 tanh-squashed Gaussian actor, batch 256, N = 10 sampled actions of each of
three kinds (uniform over the box, the policy at s, the policy at s'; all scored at s), automatic entropy
temperature. The N policy actions of a state come from forwarding the N-times repeated states (as CORL and d3rlpy
do it) or, with --shared-actor-forward, from one actor forward per state (as il4j does it: the same distribution). One step = TD targets, sampled actions, both critics' losses and Adam steps, the actor's loss and
Adam step, the temperature step, the target networks. Synthetic data, as il bench cql.

Prints one JSON object: median over timed windows of steps per wall-clock second and per CPU-second.
Run with /usr/bin/python3 (Debian's torch); not used by the build or the tests.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(inp, out, hidden=256):
    return nn.Sequential(nn.Linear(inp, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, out))


class Actor(nn.Module):
    """tanh(Gaussian) policy: the network gives mean and log std per action dim."""

    def __init__(self, obs_dim, act_dim):
        super().__init__()
        self.net = mlp(obs_dim, 2 * act_dim)
        self.act_dim = act_dim

    def sample(self, obs, per_row=1):
        """One reparameterized draw per row; with per_row > 1, per_row draws of each row from one forward."""
        mean, log_std = self.net(obs).split(self.act_dim, dim=-1)
        if per_row > 1:
            mean = mean.repeat_interleave(per_row, dim=0)
            log_std = log_std.repeat_interleave(per_row, dim=0)
        log_std = log_std.clamp(-20.0, 2.0)
        std = log_std.exp()
        u = mean + std * torch.randn_like(mean)
        a = torch.tanh(u)
        # log N(u; mean, std) minus the tanh Jacobian, log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2u))
        logp = (-0.5 * ((u - mean) / std) ** 2 - log_std - 0.5 * math.log(2 * math.pi)).sum(-1)
        logp = logp - (2 * (math.log(2) - u - F.softplus(-2 * u))).sum(-1)
        return a, logp


class Cql:
    def __init__(self, obs_dim, act_dim, n=10, alpha=5.0, gamma=0.99, tau=0.005, shared_actor_forward=False):
        self.shared_actor_forward = shared_actor_forward
        self.obs_dim, self.act_dim, self.n, self.alpha, self.gamma, self.tau = obs_dim, act_dim, n, alpha, gamma, tau
        self.q = [mlp(obs_dim + act_dim, 1) for _ in range(2)]
        self.q_target = [mlp(obs_dim + act_dim, 1) for _ in range(2)]
        for t, q in zip(self.q_target, self.q):
            t.load_state_dict(q.state_dict())
            t.requires_grad_(False)
        self.actor = Actor(obs_dim, act_dim)
        self.log_temp = torch.zeros(1, requires_grad=True)
        self.q_opt = [torch.optim.Adam(q.parameters(), lr=3e-4) for q in self.q]
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), lr=1e-4)
        self.temp_opt = torch.optim.Adam([self.log_temp], lr=3e-4)
        self.target_entropy = -float(act_dim)
        self.log_uniform = -act_dim * math.log(2.0)  # density of the uniform distribution on [-1, 1]^D

    def qs(self, nets, obs, act):
        x = torch.cat([obs, act], dim=-1)
        return [net(x).squeeze(-1) for net in nets]

    def step(self, obs, act, rew, done, nxt):
        b, n, d = obs.shape[0], self.n, self.act_dim
        temp = self.log_temp.exp().detach()
        with torch.no_grad():
            a_next, _ = self.actor.sample(nxt)
            t1, t2 = self.qs(self.q_target, nxt, a_next)
            y = rew + self.gamma * (1 - done) * torch.min(t1, t2)
            # 3N actions per state, all scored at s
            obs_rep = obs.repeat_interleave(n, dim=0)
            nxt_rep = nxt.repeat_interleave(n, dim=0)
            a_unif = torch.empty(b * n, d).uniform_(-1, 1)
            if self.shared_actor_forward:  # as il4j: N draws per state from one actor forward per state
                a_cur, lp_cur = self.actor.sample(obs, n)
                a_nrep, lp_nrep = self.actor.sample(nxt, n)
            else:  # as CORL and d3rlpy: the actor forwards the N-times repeated states
                a_cur, lp_cur = self.actor.sample(obs_rep)
                a_nrep, lp_nrep = self.actor.sample(nxt_rep)
            ood_obs = torch.cat([obs_rep, obs_rep, obs_rep], dim=0)
            ood_act = torch.cat([a_unif, a_cur, a_nrep], dim=0)
            log_density = torch.cat([torch.full((b * n,), self.log_uniform), lp_cur, lp_nrep], dim=0)
        # the stacked inputs of each critic: the data actions and the 3N sampled actions (one forward each)
        for i in range(2):
            q = self.q[i]
            q_data = q(torch.cat([obs, act], dim=-1)).squeeze(-1)
            q_ood = q(torch.cat([ood_obs, ood_act], dim=-1)).squeeze(-1)
            weighted = (q_ood - log_density).view(3, b, n).permute(1, 0, 2).reshape(b, 3 * n)
            lse = torch.logsumexp(weighted, dim=1)
            loss = F.mse_loss(q_data, y) + self.alpha * (lse.mean() - q_data.mean())
            self.q_opt[i].zero_grad(set_to_none=True)
            loss.backward()
            self.q_opt[i].step()
        # actor against the updated critics (their parameters take no gradient here)
        for q in self.q:
            q.requires_grad_(False)
        a_pi, lp_pi = self.actor.sample(obs)
        p1, p2 = self.qs(self.q, obs, a_pi)
        actor_loss = (temp * lp_pi - torch.min(p1, p2)).mean()
        self.actor_opt.zero_grad(set_to_none=True)
        actor_loss.backward()
        self.actor_opt.step()
        for q in self.q:
            q.requires_grad_(True)
        temp_loss = -(self.log_temp * (lp_pi.detach() + self.target_entropy)).mean()
        self.temp_opt.zero_grad(set_to_none=True)
        temp_loss.backward()
        self.temp_opt.step()
        with torch.no_grad():
            for t, q in zip(self.q_target, self.q):
                for pt, p in zip(t.parameters(), q.parameters()):
                    pt.mul_(1 - self.tau).add_(p, alpha=self.tau)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--obs-dim", type=int, default=22)
    ap.add_argument("--act-dim", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--sampled-actions", type=int, default=10)
    ap.add_argument("--windows", type=int, default=5)
    ap.add_argument("--window-seconds", type=float, default=3.0)
    ap.add_argument("--shared-actor-forward", action="store_true",
                    help="draw the N policy actions of a state from one actor forward (as il4j) instead of forwarding N copies")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    cql = Cql(args.obs_dim, args.act_dim, n=args.sampled_actions, shared_actor_forward=args.shared_actor_forward)
    batches = []
    for _ in range(8):
        batches.append((torch.rand(args.batch, args.obs_dim), torch.rand(args.batch, args.act_dim) * 2 - 1,
                        torch.rand(args.batch), torch.zeros(args.batch), torch.rand(args.batch, args.obs_dim)))
    k = 0

    def one():
        nonlocal k
        cql.step(*batches[k % len(batches)])
        k += 1

    t0 = time.perf_counter()
    i = 0
    while i < 5 or time.perf_counter() - t0 < args.window_seconds:  # warm-up window
        one()
        i += 1
    wall, cpu = [], []
    for _ in range(args.windows):
        t0, c0, n = time.perf_counter(), time.process_time(), 0
        while n < 3 or time.perf_counter() - t0 < args.window_seconds:
            one()
            n += 1
        wall.append(n / (time.perf_counter() - t0))
        cpu.append(n / (time.process_time() - c0))
    wall.sort()
    cpu.sort()
    print(json.dumps({
        "what": "continuous CQL step, PyTorch %s, 1 thread (twin 2x256 critics, 2x256 actor, batch %d, N=%d, obs %d, actions %d%s)"
                % (torch.__version__, args.batch, args.sampled_actions, args.obs_dim, args.act_dim,
                   ", one actor forward per state" if args.shared_actor_forward else ", actor forwards the repeated states"),
        "shared_actor_forward": args.shared_actor_forward,
        "steps_per_second": wall[len(wall) // 2],
        "steps_per_cpu_second": cpu[len(cpu) // 2],
        "torch_threads": torch.get_num_threads(),
        "malloc_tuned": "MALLOC_MMAP_THRESHOLD_" in os.environ,
        "load_average": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
