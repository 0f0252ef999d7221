#!/usr/bin/env bash
# Times `stdtrack import filings` of an .xlsx register (default 100,000 rows, made from the
# rows of gen_filings.py by bench/xlsx-gen with rust_xlsxwriter: text cells, the date column
# as date cells) against the import of the same rows as CSV, in the same run, alternating the
# two, and prints each one's wall time and peak memory (`command time -f "%e s, %M KiB"`).
# Usage: bench/xlsx-import.sh [ROWS] [RUNS]   (from the project root; builds --release)
set -euo pipefail
rows=${1:-100000}; runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared" && pwd)
cd "$root"
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command (apt-get install sqlite3)"; exit 2; }
cargo build --release --quiet
cargo build --release --quiet --manifest-path bench/xlsx-gen/Cargo.toml
bin=$root/target/release/stdtrack
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$shared/bench/gen_filings.py" "$rows" > "$work/filings.csv"
"$root/bench/xlsx-gen/target/release/xlsx-gen" "$work/filings.csv" "$work/filings.xlsx"
echo "rows $rows: filings.csv $(( $(stat -c %s "$work/filings.csv") / 1024 )) KiB, filings.xlsx $(( $(stat -c %s "$work/filings.xlsx") / 1024 )) KiB"
for i in $(seq "$runs"); do
  for form in xlsx csv; do
    rm -f "$work"/$form.db*
    "$bin" --db "$work/$form.db" init >/dev/null
    command time -f "%e s, %M KiB" -o "$work/time" "$bin" --db "$work/$form.db" import filings "$work/filings.$form" >/dev/null
    stored=$(sqlite3 "$work/$form.db" "SELECT count(*) FROM filing")
    [ "$stored" = "$rows" ] || { echo "$form: $stored filings stored, not $rows"; exit 1; }
    echo "run $i: $form import: $(cat "$work/time") ($stored filings)"
  done
done
