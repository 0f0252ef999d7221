#!/usr/bin/env python3
"""Bulk-loads a large stdtrack database for bench/report-speed.sh: the filings of a
gen_filings.py CSV (their units created), reviews of a tenth of them, and 10,000 standards
with leads and participants. A benchmark fixture only: the product's own import validates."""
import csv, random, sqlite3, sys

db, path = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
rng = random.Random(1)
units = {}
filings = []
with open(path, encoding="utf-8") as f:
    r = csv.reader(f)
    next(r)
    for name, uscc, industry, std, title, fno, filed in r:
        uid = units.get(uscc)
        if uid is None:
            uid = len(units) + 1
            units[uscc] = uid
            con.execute("INSERT INTO unit (id, name, name_key, uscc, kind, industry) VALUES (?,?,?,?,?,?)",
                        (uid, name, name.lower(), uscc, "enterprise", industry))
        filings.append((uid, std, title, fno, filed))
con.executemany("INSERT INTO filing (unit_id, number, title, filing_no, filed_on) VALUES (?,?,?,?,?)", filings)
con.executemany("INSERT OR IGNORE INTO review (unit_id, number, reviewed_on, outcome) VALUES (?,?,?,?)",
                [(u, s, d, "confirm") for (u, s, t, n, d) in filings[::10]])
levels = ["national", "industry", "local", "group", "international"]
n_units = len(units)
for i in range(10000):
    lvl = levels[i % 5]
    y, m, d = 2012 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28)
    cur = con.execute("INSERT INTO standard (number, title, level, action, status, published_on) VALUES (?,?,?,?,?,?)",
                      (None, f"标准{i}", lvl, ["formulate", "revise"][i % 2], "published", f"{y}-{m:02d}-{d:02d}"))
    sid = cur.lastrowid
    people = rng.sample(range(1, n_units + 1), 3)
    con.execute("INSERT INTO standard_unit VALUES (?,?,?,?)", (sid, people[0], "lead", 0))
    for k, p in enumerate(people[1:]):
        con.execute("INSERT INTO standard_unit VALUES (?,?,?,?)", (sid, p, "participant", k + 1))
# The per-day tables the store keeps on every write (a fixture that bypasses the store fills them once).
con.execute("INSERT INTO filing_day SELECT filed_on, count(*) FROM filing WHERE void_reason IS NULL GROUP BY filed_on")
con.execute("INSERT INTO review_day SELECT reviewed_on, count(*) FROM review WHERE void_reason IS NULL GROUP BY reviewed_on")
con.commit()
print(f"loaded {len(filings)} filings, {n_units} units, 10000 standards")
