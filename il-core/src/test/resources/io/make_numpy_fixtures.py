"""Writes the numpy NPZ fixtures used by NpzDatasetReaderTest. Run once with numpy installed:
    python3 make_numpy_fixtures.py
The outputs are checked in; the test asserts the exact values written here."""
import json
import numpy as np

# 1) The il4j layout, written by np.savez_compressed (deflated entries), with spec_json.
#    Episode 0: 3 steps + final observation (4 rows); episode 1: 2 steps, no final observation.
obs = np.array([[0.1, -1.5], [0.2, -1.25], [0.3, -1.0], [0.4, -0.75], [5.0, 6.0], [7.0, 8.0]], dtype=np.float32)
act = np.array([[0.5], [-0.5], [0.25], [1.0], [-1.0]], dtype=np.float32)
rew = np.array([1.0, 0.0, 2.5, -1.0, 3.0], dtype=np.float32)
spec = {"format": "il4j-dataset", "version": 1, "observation_names": ["x", "v"],
        "action_space": {"type": "box", "low": [-1.0], "high": [1.0]}, "action_names": ["force"],
        "goal_names": [], "has_rewards": True}
np.savez_compressed("numpy_compressed.npz", observations=obs, actions=act, rewards=rew,
                    episode_obs_offsets=np.array([0, 4, 6], dtype=np.int64),
                    episode_step_offsets=np.array([0, 3, 5], dtype=np.int64),
                    terminated=np.array([True, False]), truncated=np.array([False, True]),
                    spec_json=np.frombuffer(json.dumps(spec).encode("utf-8"), dtype=np.uint8))

# 2) A foreign archive (np.savez, stored entries): float64 Fortran-order observations, int32 offsets,
#    int8 flags, no truncated, no rewards, no spec_json. One episode of 2 steps + final observation.
obs64 = np.asfortranarray(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.5]], dtype=np.float64))
assert obs64.flags.f_contiguous and not obs64.flags.c_contiguous
np.savez("numpy_foreign.npz", observations=obs64, actions=np.array([[1.0, 0.0], [0.0, 1.0]]),
         episode_obs_offsets=np.array([0, 3], dtype=np.int32), episode_step_offsets=np.array([0, 2], dtype=np.int32),
         terminated=np.array([1], dtype=np.int8))
