#!/usr/bin/env bash
# The office's scheduled export: on the first day of a quarter, write last quarter's report as
# JSON (for scripts), XLSX (for Excel) and HTML (to show and print) into a dated folder.
# Exits non-zero with a message when anything fails, so cron's mail or the log says so.
#
#   STDTRACK_DB=/srv/stdtrack/stdtrack.db examples/quarterly-export.sh /srv/stdtrack/exports
#
# crontab (07:30 on 1 January, April, July and October):
#   30 7 1 1,4,7,10 *  STDTRACK_DB=/srv/stdtrack/stdtrack.db /opt/stdtrack/examples/quarterly-export.sh /srv/stdtrack/exports
set -euo pipefail
out_root=${1:?usage: quarterly-export.sh EXPORT_FOLDER (and STDTRACK_DB set)}
bin=${STDTRACK_BIN:-$(command -v stdtrack || echo "$(cd "$(dirname "$0")/.." && pwd)/target/release/stdtrack")}
if [ ! -x "$bin" ]; then
  echo "quarterly-export: no stdtrack binary at $bin (set STDTRACK_BIN)" >&2
  exit 1
fi
fail() {
  echo "quarterly-export: $*" >&2
  exit 1
}
# Which quarter "last" is, as the program decides it (today in China Standard Time).
quarter=$("$bin" quarterly-report --quarter last --format json --lang en | sed -n 's/^  "quarter": "\(.*\)",$/\1/p') \
  || fail "the quarterly report could not be made (see the message above)"
[ -n "$quarter" ] || fail "could not read the quarter from the report"
dir="$out_root/$(date +%Y-%m-%d)-$quarter"
mkdir -p "$dir" || fail "cannot make $dir"
for format in json xlsx html; do
  "$bin" quarterly-report --quarter "$quarter" --format "$format" --out "$dir/$quarter.$format" \
    || fail "writing $dir/$quarter.$format failed (see the message above)"
done
"$bin" backup "$dir/stdtrack-$quarter.db" >/dev/null || fail "the backup into $dir failed"
echo "quarterly-export: $quarter written to $dir"
