#!/usr/bin/env bash
# Does the recovered reward explain the expert? Re-trains a policy from scratch on it and measures the true return.
# For each IQ-Learn reward file: relabel a dataset that covers more than the expert's states (by default the medium,
# random and expert tiers of the env concatenated, the first TIER_EPISODES episodes of each; TIERS picks them) with the
# recovered reward
# (il reward export), train CQL (il train cql) on that recovered_reward column and, as the control, on the true
# reward column of the same file with the same seed and settings, and evaluate both in the environment (il eval).
# Writes OUT/{runs.csv, table.md}: true return of each policy and its % of expert,
# (R - R_random) / (R_expert - R_random) with the shipped expert and random tiers' returns, as benchmarks/irl.sh.
#
# Usage: benchmarks/irl-retrain.sh [ENV:REWARD_FILE ...]
#   Without arguments, the reward files benchmarks/irl.sh wrote: IRL_OUT/work/iq-MODE-ENV-N-REWARD_SEED-reward.zip
#   for every ENV in ENVS and N in EPISODES.
# Knobs (environment variables): ENVS ("pendulum driving cartpole"), EPISODES ("20": expert episodes the reward was
# learned from), MODE ("online": IQ-Learn run of irl.sh), REWARD_SEED (0), IRL_OUT (runs/irl), SEEDS (CQL seeds, "0"),
# TIERS ("medium random expert"), TIER_EPISODES (30), CQL_STEPS (6000 continuous, as benchmarks/offline-vs-il.sh), DISCRETE_CQL_STEPS (2000),
# RESCALE (0; 1 multiplies the recovered reward by sd(true reward) / sd(recovered reward) over the relabelled data, so that
# CQL's conservative penalty, which does not scale with the reward, weighs the same against either column: a positive
# scale changes no policy's ranking), EVAL_EPISODES (20), PARALLEL (2 CQL runs at a time), OUT (runs/irl-retrain).
# CQL settings are offline-vs-il.sh's: 2x64 networks, batch 256, N = 5 sampled actions, alpha 5 (continuous) or the
# discrete defaults, no BC warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ENVS="${ENVS:-pendulum driving cartpole}"
EPISODES="${EPISODES:-20}"
MODE="${MODE:-online}"
REWARD_SEED="${REWARD_SEED:-0}"
IRL_OUT="${IRL_OUT:-runs/irl}"
SEEDS="${SEEDS:-0}"
TIERS="${TIERS:-medium random expert}"
TIER_EPISODES="${TIER_EPISODES:-30}"
CQL_STEPS="${CQL_STEPS:-6000}"
DISCRETE_CQL_STEPS="${DISCRETE_CQL_STEPS:-2000}"
RESCALE="${RESCALE:-0}"
EVAL_EPISODES="${EVAL_EPISODES:-20}"
PARALLEL="${PARALLEL:-2}"
OUT="${OUT:-runs/irl-retrain}"
WORK="$OUT/work"
mkdir -p "$WORK"
START=$(date +%s)
trap 'echo "irl-retrain.sh: failed at line $LINENO; the logs are in $WORK" >&2' ERR
./il --version >/dev/null # build once, before the parallel runs

# The reward files: ENV:FILE arguments, or irl.sh's.
rewards=()
if [ $# -gt 0 ]; then
  for a in "$@"; do
    case "$a" in *:*) ;; *) echo "irl-retrain.sh: argument '$a' is not ENV:REWARD_FILE" >&2; exit 2 ;; esac
    rewards+=("$a")
  done
else
  for env in $ENVS; do for n in $EPISODES; do rewards+=("$env:$IRL_OUT/work/iq-$MODE-$env-$n-$REWARD_SEED-reward.zip"); done; done
fi
for r in "${rewards[@]}"; do
  [ -f "${r#*:}" ] || { echo "irl-retrain.sh: no reward file ${r#*:} (run benchmarks/irl.sh first, or pass ENV:REWARD_FILE)" >&2; exit 2; }
done

# The first TIER_EPISODES episodes of each tier in one file, episode ids shifted so that they stay distinct (the shipped
# files number their episodes 0, 1, ...); OUT.tiers says which ids came from which tier.
tiers_data() { # env out
  local base=0 count tier src first=${TIERS%% *}
  head -n 1 "datasets/$1/$first.csv" > "$2.tmp"
  echo "tier,first_episode,episodes" > "$2.tiers"
  for tier in $TIERS; do
    [ -f "datasets/$1/$tier.csv" ] || { echo "irl-retrain.sh: no tier datasets/$1/$tier.csv (TIERS=\"$TIERS\")" >&2; exit 2; }
    src="datasets/$1/$tier.csv"
    if [ "$(head -n 1 "$src")" != "$(head -n 1 "$2.tmp")" ]; then echo "irl-retrain.sh: $src:1: columns differ from the $first tier's" >&2; exit 2; fi
    awk -F, -v OFS=, -v n="$TIER_EPISODES" -v base="$base" 'NR > 1 && $1 < n { $1 = $1 + base; print }' "$src" >> "$2.tmp"
    count=$(awk -F, -v n="$TIER_EPISODES" 'NR > 1 && $1 < n { print $1 }' "$src" | sort -u | wc -l)
    echo "$tier,$base,$count" >> "$2.tiers"
    base=$((base + count))
  done
  mv "$2.tmp" "$2"
}
is_discrete() { [ "$1" = cartpole ]; }

# An online reward was learned in an MDP where a termination leads to an absorbing state worth V_abs = rho / (1 - gamma),
# and it scores a terminal step Q(s,a) - gamma V_abs. CQL takes no value after a termination, so the terminal steps get
# gamma V_abs back: the relabelled data then has the returns of the MDP the reward was learned in (rho = 0: unchanged).
# A terminal step is the step row before a final-observation row marked terminated.
absorbing_continuation() { # reward-file relabelled-csv
  local meta rho gamma
  meta=$(unzip -p "$1" reward.json)
  rho=$(jq -r '.absorbingReward // 0' <<< "$meta") gamma=$(jq -r '.gamma' <<< "$meta")
  echo "$(basename "$1"): absorbing reward per step $rho, gamma $gamma"
  awk -F, -v OFS=, -v CONVFMT=%.17g -v add="$(awk -v r="$rho" -v g="$gamma" 'BEGIN { printf "%.17g", g * r / (1 - g) }')" '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "terminated") t = i; if ($i == "recovered_reward") c = i }; print; next }
    { if ($t == 1 && $c == "" && prev != "") { n = split(prev, f, ","); f[c] = f[c] + add; prev = f[1]; for (i = 2; i <= n; i++) prev = prev "," f[i] }
      if (NR > 2) print prev; prev = $0 }
    END { if (NR > 1) print prev }' "$2" > "$2.tmp"
  mv "$2.tmp" "$2"
}

# RESCALE=1: the recovered column times sd(reward) / sd(recovered_reward), both over the rows that have both.
rescale() { # relabelled-csv
  local factor
  factor=$(python3 - "$1" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["reward"] != "" and r["recovered_reward"] != ""]
print(repr(statistics.stdev(float(r["reward"]) for r in rows) / statistics.stdev(float(r["recovered_reward"]) for r in rows)))
PY
)
  echo "$(basename "$1"): recovered reward scaled by $factor"
  awk -F, -v OFS=, -v CONVFMT=%.17g -v k="$factor" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "recovered_reward") c = i; print; next }
    { if ($c != "") $c = $c * k; print }' "$1" > "$1.tmp"
  mv "$1.tmp" "$1"
}

# One CQL run on one reward column, then its true return: appends a row to runs.csv.
train_and_eval() { # env reward-label seed data reward-col
  local env=$1 label=$2 seed=$3 data=$4 col=$5 name="cql-$2-$5-seed$3" t0 extra
  t0=$(date +%s)
  if is_discrete "$env"; then extra="--discrete --steps $DISCRETE_CQL_STEPS --eval-interval $DISCRETE_CQL_STEPS"
  else
    # the evaluation env gives the action bounds a CSV lacks; its single end-of-run episode is not the measurement
    extra="--continuous --steps $CQL_STEPS --eval-interval $CQL_STEPS --sampled-actions 5 --eval-env $env --eval-episodes 1"
  fi
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S" -o "$WORK/$name.cpu" ./il train cql --data "$data" --reward-col "$col" --hidden 64,64 $extra --seed "$seed" \
     --out "$WORK/$name.zip" --runs "$WORK" --name "$name" --checkpoint-every 0 > "$WORK/$name.log" 2>&1
  ./il eval --policy "$WORK/$name.zip" --env "$env" --episodes "$EVAL_EPISODES" --runs "$WORK" --name "$name-eval" > "$WORK/$name-eval.log" 2>&1
  echo "$env,$label,$col,$seed,$(jq -r '.totalReturn.mean' "$WORK/$name-eval/results.json"),$EVAL_EPISODES,$(( $(date +%s) - t0 )),$(awk '{print $1 + $2}' "$WORK/$name.cpu")" >> "$OUT/runs.csv"
}

echo "env,reward,trained_on,seed,return,eval_episodes,seconds,cpu_seconds" > "$OUT/runs.csv"
declare -A relabelled_env # one relabelled file per env for the true-reward control (its other columns are the same in all)
jobs_running=0
run_bg() { # at most PARALLEL at a time
  if [ "$jobs_running" -ge "$PARALLEL" ]; then wait -n; jobs_running=$((jobs_running - 1)); fi
  "$@" &
  jobs_running=$((jobs_running + 1))
}
for r in "${rewards[@]}"; do
  env=${r%%:*} file=${r#*:}
  label="$env-$(basename "$file" .zip)"
  data="$WORK/$env-tiers.csv"
  [ -f "$data" ] || tiers_data "$env" "$data"
  echo "== $label ($(( $(date +%s) - START )) s)"
  ./il reward export --reward "$file" --data "$data" --out "$WORK/$label.csv" > "$WORK/$label-export.log" 2>&1
  absorbing_continuation "$file" "$WORK/$label.csv"
  if [ "$RESCALE" = 1 ]; then rescale "$WORK/$label.csv"; fi
  for seed in $SEEDS; do
    run_bg train_and_eval "$env" "$label" "$seed" "$WORK/$label.csv" recovered_reward
    if [ -z "${relabelled_env[$env]:-}" ]; then run_bg train_and_eval "$env" "$env-true" "$seed" "$WORK/$label.csv" reward; fi
  done
  relabelled_env[$env]=1
done
while [ "$jobs_running" -gt 0 ]; do wait -n; jobs_running=$((jobs_running - 1)); done # a failed run stops the script here

# Table: every recovered-reward row next to the true-reward control of its env and seed.
python3 - "$OUT" "$TIER_EPISODES" "$TIERS" <<'PY'
import csv, statistics, sys
out, tier_n, tier_names = sys.argv[1], sys.argv[2], sys.argv[3].split()
def returns(path, col):  # episode id -> summed column
    s = {}
    for row in csv.DictReader(open(path)):
        if row.get(col, "") != "": s[int(row["episode"])] = s.get(int(row["episode"]), 0.0) + float(row[col])
    return s
def mean_return(path): return statistics.mean(returns(path, "reward").values())
rows = list(csv.DictReader(open(f"{out}/runs.csv")))
ref = {env: (mean_return(f"datasets/{env}/expert.csv"), mean_return(f"datasets/{env}/random.csv")) for env in {r["env"] for r in rows}}
def pct(env, x):
    e, rnd = ref[env]
    return 100 * (x - rnd) / (e - rnd)
def cell(env, xs):
    m = statistics.mean(xs)
    sd = f" ± {statistics.stdev(xs):.1f}" if len(xs) > 1 else ""
    return f"{m:.1f}{sd} ({pct(env, m):.0f}%)"
def tier_returns(env, label):  # mean recovered return per episode of each tier of the relabelled data
    rec = returns(f"{out}/work/{label}.csv", "recovered_reward")
    tiers = list(csv.DictReader(open(f"{out}/work/{env}-tiers.csv.tiers")))
    return " / ".join(f'{statistics.mean(rec[e] for e in range(int(t["first_episode"]), int(t["first_episode"]) + int(t["episodes"]))):.1f}'
                      for t in tiers)
groups = {}  # in the order of the runs (the order of the reward arguments)
for r in rows: groups.setdefault((r["env"], r["reward"], r["trained_on"]), []).append(r)
with open(f"{out}/table.md", "w") as f:
    f.write("| env | reward file | CQL seeds | return on recovered reward, mean ± sd (% of expert) | control: on true reward | "
            f"expert / random return | recovered return per episode of the data, {' / '.join(tier_names)} |\n|---|---|---|---|---|---|---|\n")
    for (env, label, col), rs in groups.items():
        if col != "recovered_reward": continue
        seeds = {r["seed"] for r in rs}
        ctrl = [float(c["return"]) for c in groups.get((env, f"{env}-true", "reward"), []) if c["seed"] in seeds]
        f.write(f'| {env} | {label[len(env) + 1:]} | {len(rs)} | {cell(env, [float(r["return"]) for r in rs])} | '
                f'{cell(env, ctrl) if ctrl else "n/a"} | {ref[env][0]:.1f} / {ref[env][1]:.1f} | {tier_returns(env, label)} |\n')
    f.write(f"\nData: the first {tier_n} episodes of the tiers {', '.join(tier_names)} concatenated; returns over "
            f"{rows[0]['eval_episodes']} evaluation episodes per policy; per-seed returns in runs.csv.\n")
print(open(f"{out}/table.md").read())
PY
echo "irl-retrain.sh: $(( $(date +%s) - START )) s"
