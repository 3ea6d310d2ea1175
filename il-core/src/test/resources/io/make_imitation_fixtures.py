"""Writes NPZ fixtures in the legacy trajectory layout of the `imitation` library (HumanCompatibleAI), used by
ImitationNpzTest. Run once with numpy installed:
    python3 make_imitation_fixtures.py
imitation itself is not needed: `save` below builds the archive the way imitation's legacy
`imitation.data.types.save` did (before it moved to HuggingFace datasets): trajectories concatenated, `indices`
the cumulative lengths of all trajectories but the last, `terminal` one flag per trajectory, `infos` an object array
of dicts (pickled by numpy), `rews` only when every trajectory has rewards. The outputs are checked in; the test
asserts the values of the formulas here."""
import numpy as np


def save(path, trajectories):
    infos = [t["infos"] if t.get("infos") is not None else np.full(len(t["acts"]), {}) for t in trajectories]
    condensed = {
        "obs": np.concatenate([t["obs"] for t in trajectories]),
        "acts": np.concatenate([t["acts"] for t in trajectories]),
        "infos": np.concatenate(infos),
        "terminal": np.array([t["terminal"] for t in trajectories]),
        "indices": np.cumsum([len(t["acts"]) for t in trajectories[:-1]]),
    }
    if all("rews" in t for t in trajectories):
        condensed["rews"] = np.concatenate([t["rews"] for t in trajectories])
    np.savez_compressed(path, **condensed)


def obs(e, rows, dim):
    # observation row t of trajectory e: (10e + t) * (-1/2)^j in column j, exact in float32
    return np.array([[(10 * e + t) * (-0.5) ** j for j in range(dim)] for t in range(rows)], dtype=np.float32)


# 1) continuous actions (2-dim float32), rewards, infos dicts; lengths 3, 1, 2; the middle one cut off
cont = []
for e, (length, terminal) in enumerate([(3, True), (1, False), (2, True)]):
    cont.append({
        "obs": obs(e, length + 1, 2),
        "acts": np.array([[0.5 * t - e, 0.25 * e] for t in range(length)], dtype=np.float32),
        "rews": np.array([t + 0.5 * e for t in range(length)], dtype=np.float32),
        "infos": np.array([{"step": t} for t in range(length)], dtype=object),
        "terminal": terminal,
    })
save("imitation_continuous.npz", cont)

# 2) discrete actions (int64 vector), no rewards, no infos (imitation fills empty dicts); lengths 2, 3
disc = []
for e, (length, terminal) in enumerate([(2, False), (3, True)]):
    disc.append({
        "obs": obs(e, length + 1, 4),
        "acts": np.array([(t + e) % 3 for t in range(length)], dtype=np.int64),
        "terminal": terminal,
    })
save("imitation_discrete.npz", disc)

# 3) one trajectory: `indices` is np.cumsum([]), an empty float64 array
save("imitation_single.npz", [{
    "obs": obs(0, 4, 3),
    "acts": np.array([[1.0], [2.0], [3.0]], dtype=np.float64),
    "rews": np.array([1.0, 1.0, 1.0], dtype=np.float64),
    "terminal": True,
}])

for name in ["imitation_continuous.npz", "imitation_discrete.npz", "imitation_single.npz"]:
    z = np.load(name, allow_pickle=True)
    print(name, {k: (z[k].dtype.str, z[k].shape) for k in z.files})
