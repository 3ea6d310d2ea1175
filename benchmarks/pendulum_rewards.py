"""Shared by the Pendulum reward scripts (irl-epic-pendulum.py, irl-shaped-pendulum.py): the column names of il4j's
Pendulum CSV and the recovered reward of a CSV's rows by `il reward export`."""
import csv, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OBS = ("obs_cos_theta", "obs_sin_theta", "obs_theta_dot")


def export_recovered(reward_file, data_csv):
    """The rows of data_csv as dicts, each with the reward file's `recovered_reward` (empty on final-observation rows)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "relabelled.csv")
        done = subprocess.run([os.path.join(ROOT, "il"), "reward", "export", "--reward", reward_file, "--data", data_csv,
                               "--out", out], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(done.stderr.strip() or f"il reward export failed with exit code {done.returncode}")
        with open(out) as f:
            return list(csv.DictReader(f))
