#!/usr/bin/env bash
# The fuzz suite (tests/fuzz/) under the thorough hypothesis profile, repeated with new
# seeds until MINUTES (default 11) have passed; prints each run's summary and the totals.
#   bash benchmarks/fuzz_thorough.sh [MINUTES]
set -u
cd "$(dirname "$0")/.."
limit=$(( ${1:-11} * 60 ))
start=$(date +%s); runs=0; failed=0; examples=0
log=$(mktemp)
while [ $(( $(date +%s) - start )) -lt "$limit" ]; do
  runs=$((runs + 1))
  GONGKAI_HYPOTHESIS_PROFILE=thorough python -m pytest tests/fuzz -q -p no:cacheprovider \
    --hypothesis-seed=$((runs + 100)) --hypothesis-show-statistics > "$log" 2>&1 || failed=$((failed + 1))
  n=$(grep -oE '[0-9]+ passing,' "$log" | awk '{s += $1} END {print s + 0}')
  examples=$((examples + n))
  echo "run $runs: $(tail -1 "$log" | tr -s '=' | sed 's/^ *//') — $n generated examples passed"
done
echo "runs=$runs failed=$failed passing_examples=$examples seconds=$(( $(date +%s) - start ))"
rm -f "$log"
