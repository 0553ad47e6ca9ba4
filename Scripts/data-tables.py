#!/usr/bin/env python3
"""Prints the figures docs/DATA.md quotes, as Markdown tables, from the shipped snapshots:
per snapshot, per province and per kind of body in the current one. Run after
make-snapshots.py and paste the output into DATA.md, so the document and the data agree.
"""
import collections
import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = {"government-office": "administration", "data-bureau": "administration", "party-organ": "administration",
          "police": "law and justice", "procuratorate": "law and justice", "court": "law and justice",
          "justice-bureau": "law and justice", "hotline": "public services", "healthcare-security": "public services",
          "meteorology": "public services", "hospital": "public services", "school": "public services",
          "state-enterprise": "business", "company": "business", "compute-centre": "infrastructure"}


def gazetteer_names():
    names = {}
    path = os.path.join(ROOT, "Sources", "AdoptCore", "Gazetteer", "GazetteerTable.swift")
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 7 and parts[0].isdigit() and parts[2] == "1":
            names[parts[0][:2]] = f"{parts[6]} {parts[4]}"
    return names


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "Data", "*.json")))
    snaps = [json.load(open(f, encoding="utf-8")) for f in files]
    print("| file | asOf | deployments | provinces | government | public service | enterprise | distinct government bodies | uncertain | approximate date | sources | events | claims |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for f, s in zip(files, snaps):
        d = s["deployments"]
        sec = collections.Counter(x["sector"] for x in d)
        print(f"| `{os.path.basename(f)}` | {s['asOf']} | {len(d)} | {len({x['region'][:2] for x in d})} | "
              f"{sec['government']} | {sec['public-service']} | {sec['enterprise']} | "
              f"{len({x['organization'] for x in d if x['sector'] == 'government'})} | "
              f"{sum(1 for x in d if x.get('uncertain'))} | {sum(1 for x in d if x.get('approximate'))} | "
              f"{len(s['sources'])} | {len(s.get('events', []))} | {len(s.get('claims', []))} |")
    current = snaps[-1]["deployments"]
    names = gazetteer_names()
    print()
    print("| province | deployments | of them uncertain | government | law and justice |")
    print("|---|---|---|---|---|")
    by = collections.defaultdict(list)
    for x in current:
        by[x["region"][:2]].append(x)
    for p, rows in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"| {names.get(p, p)} ({p}) | {len(rows)} | {sum(1 for x in rows if x.get('uncertain'))} | "
              f"{sum(1 for x in rows if x['sector'] == 'government')} | "
              f"{sum(1 for x in rows if GROUPS.get(x.get('body')) == 'law and justice')} |")
    missing = sorted(set(names) - set(by))
    print()
    print("No deployment: " + ", ".join(f"{names[p]} ({p})" for p in missing))
    print()
    print("| body | group | deployments |")
    print("|---|---|---|")
    for b, n in collections.Counter(x.get("body", "(none)") for x in current).most_common():
        print(f"| `{b}` | {GROUPS.get(b, '')} | {n} |")
    print()
    print("| source | publisher | date | URL read |")
    print("|---|---|---|---|")
    for src in sorted(snaps[-1]["sources"], key=lambda x: (x.get("date", "9999"), x["id"])):
        print(f"| `{src['id']}` | {src['publisher']} | {src.get('date', '')} | {src.get('url', '')} |")
    models = collections.Counter(m for x in current for m in x["models"])
    print()
    print("Models as reported: " + ", ".join(f"{m} {n}" for m, n in models.most_common())
          + f"; no model named: {sum(1 for x in current if not x['models'])}")


if __name__ == "__main__":
    main()
