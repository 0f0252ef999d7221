#!/usr/bin/env bash
# Times `progress` and `quarterly-report` on a large database (default 1,000,000 filings,
# 100,000 reviews, 10,000 standards), against sqlite3 counting the same filings in the same run.
# Usage: bench/report-speed.sh [FILINGS] [RUNS]   (from the project root; builds --release)
set -euo pipefail
rows=${1:-1000000}; runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared" && pwd)
cd "$root"
cargo build --release --quiet
bin=$root/target/release/stdtrack
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
db=$work/big.db
"$bin" --db "$db" init >/dev/null
python3 "$shared/bench/gen_filings.py" "$rows" > "$work/filings.csv"
python3 "$root/bench/load_big.py" "$db" "$work/filings.csv"

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
time_runs() {  # prints the median wall time in ms of "$@" over $runs runs
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median
}
ref=$(time_runs sqlite3 "$db" "SELECT count(*) FROM filing WHERE filed_on BETWEEN '2012-07-12' AND '2015-12-31'")
p=$(time_runs "$bin" --db "$db" --today 2016-01-15 progress --as-of 2015-12-31 --format json)
q=$(time_runs "$bin" --db "$db" --today 2016-01-15 quarterly-report --quarter 2014Q4 --format json)
command time -f "%M" -o "$work/rss" "$bin" --db "$db" --today 2016-01-15 quarterly-report --quarter 2014Q4 >/dev/null
echo "filings $rows; median of $runs runs (ms): sqlite3 count $ref, progress $p, quarterly-report $q"
echo "ratio progress/sqlite3-count $(echo "scale=2; $p / $ref" | bc), quarterly/sqlite3-count $(echo "scale=2; $q / $ref" | bc); quarterly peak RSS $(( $(cat "$work/rss") / 1024 )) MiB"
"$bin" --db "$db" --today 2016-01-15 progress --as-of 2015-12-31 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("check: enterprise-filings actual", [t["actual"] for t in d["targets"] if t["code"]=="enterprise-filings"][0])'
