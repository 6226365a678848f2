#!/bin/sh
# Issue 21's write paths at 1M deals, timed with /usr/bin/time (wall, CPU, peak RSS):
# the demo generator, then the desk's own export of that book imported into the same book
# emptied of its deals, next to the sqlite3 shell's .import of the same file into an untyped
# table, in the same run.
#
# Usage: scripts/write_paths_1m.sh [SALESDESK_BINARY] [WORK_DIR]
#   defaults: target/release/salesdesk and a fresh folder under /tmp
set -eu
bin=${1:-target/release/salesdesk}
work=${2:-$(mktemp -d /tmp/write-paths-XXXXXX)}
mkdir -p "$work"
as_of=2026-05-15
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak  $1" sh -c "$2" >/dev/null; }

rm -f "$work/demo.db" "$work/demo.db-wal" "$work/demo.db-shm"
timed "demo --customers 100000 --deals 1000000" \
  "$bin --db $work/demo.db --as-of $as_of demo --customers 100000 --deals 1000000 --force"

"$bin" --db "$work/demo.db" --as-of $as_of export deals "$work/deals.csv" >/dev/null
rm -f "$work/book.db"
cp "$work/demo.db" "$work/book.db"
sqlite3 "$work/book.db" "PRAGMA foreign_keys = OFF;
  DELETE FROM assign_plan_tasks; DELETE FROM assign_plan_reps; DELETE FROM assign_plans;
  DELETE FROM tasks; DELETE FROM activities; DELETE FROM stage_changes; DELETE FROM deals;
  VACUUM; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

cp "$work/book.db" "$work/import.db"
timed "import --kind deals (1,000,000 rows)" \
  "$bin --db $work/import.db --as-of $as_of import --kind deals $work/deals.csv"

rm -f "$work/raw.db"
timed "sqlite3 .import into an untyped table" \
  "sqlite3 $work/raw.db 'CREATE TABLE raw($(head -1 "$work/deals.csv"));' '.import --csv --skip 1 $work/deals.csv raw'"
echo "work folder: $work"
