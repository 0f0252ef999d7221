#!/usr/bin/env bash
# The first thing to run: builds stdtrack (release; cargo shows its progress), makes a fresh
# database beside this script from sample records, shows the three answers the office is
# asked for, and writes the 2014Q4 report as a page (HTML) and a workbook (XLSX).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
echo "== Building stdtrack (release). The first build compiles SQLite and takes a few minutes."
cargo build --release
bin="$root/target/release/stdtrack"
db="$here/quickstart.db"
rm -f "$db" "$db-wal" "$db-shm"
export STDTRACK_DB="$db" STDTRACK_TODAY=2016-06-01 STDTRACK_LANG=zh

echo "== Making $db from the sample records"
"$bin" init >/dev/null
# The worked example's small district, one command a line.
while read -r line; do
  case "$line" in stdtrack\ *) eval "\"\$bin\" ${line#stdtrack } >/dev/null" ;; esac
done < "$root/tests/data/worked-example.sh"
# Filings as an office receives them: a GBK CSV saved from Excel.
if [ -f "$here/filings-gbk.csv" ]; then
  "$bin" import filings "$here/filings-gbk.csv"
fi
"$bin" set-milestone info-platform --status done --on 2013-03-01 >/dev/null
"$bin" set-milestone publicity-events --status done --on 2014-10-14 --note 世界标准日 >/dev/null
"$bin" set-budget industry-fund 2014 80000 >/dev/null
"$bin" record-payment municipal-project:project:4 --paid 2012-12-20 --voucher 区财-2012-118 >/dev/null

echo; echo "== Where each target stands at the deadline (stdtrack progress --as-of 2015-12-31)"
"$bin" progress --as-of 2015-12-31
echo; echo "== What the district owes whom (stdtrack award-calc --outstanding)"
"$bin" award-calc --outstanding
echo; echo "== The leading group's report for 2014Q4 (stdtrack quarterly-report --quarter 2014Q4)"
"$bin" quarterly-report --quarter 2014Q4
"$bin" quarterly-report --quarter 2014Q4 --format html --out "$here/2014Q4.html"
"$bin" quarterly-report --quarter 2014Q4 --format xlsx --out "$here/2014Q4.xlsx"
echo; echo "== The office's other questions: one unit, reviews due, the 2014 budgets, the yearly summary"
"$bin" show unit 1
"$bin" due-reviews
"$bin" award-calc --year 2014
"$bin" annual-report --year 2014 --format xlsx --out "$here/2014.xlsx"
echo
echo "The 2014Q4 report to show and print: $here/2014Q4.html"
echo "The same as an Excel workbook:        $here/2014Q4.xlsx"
echo "The 2014 yearly summary:              $here/2014.xlsx"
echo "The database is $db; try: STDTRACK_DB=$db $bin list units"
