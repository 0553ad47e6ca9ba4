#!/usr/bin/env python3
"""Writes the shipped snapshots (Data/YYYY-MM-DD.json, format version 2) from the registry.

The registry (Data/registry/) holds every sourced record once, with the date it was first
reported (`reported`, the earliest publication among its sources) and its sources inline.
Each snapshot holds only what had been reported by its `asOf`: the deployments, events and
claims reported by then, each citing only the sources published by then (undated sources,
known by their URL, are kept). That is what makes history, the diff pane and "known by"
counting real.

Run from the repository: python3 Scripts/make-snapshots.py   (then: adopt validate Data)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Data")
REGISTRY = os.path.join(DATA, "registry")

# Publication dates of the snapshots: the three early-2025 reporting waves, then quarterly to
# the end of 2025, and one after it for what was reported in January 2026.
AS_OF = ["2025-02-18", "2025-03-10", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-01-31"]

DEPLOYMENT_FIELDS = ["id", "region", "organization", "date", "approximate", "status", "sector", "body",
                     "models", "useCases", "sources", "note", "uncertain"]
SOURCE_FIELDS = ["id", "publisher", "title", "date", "url"]


def load(name):
    with open(os.path.join(REGISTRY, name), encoding="utf-8") as f:
        return json.load(f)


def published_by(source, as_of):
    return "date" not in source or source["date"] <= as_of


def cited(sources, as_of):
    """The sources of a record that had been published by as_of (at least the earliest)."""
    kept = [s for s in sources if published_by(s, as_of)]
    return kept


def dump_line(obj):
    return json.dumps(obj, ensure_ascii=False)


def write_snapshot(as_of, deployments, events, claims):
    sources = {}
    out_deployments = []
    for r in deployments:
        if r["reported"] > as_of:
            continue
        refs = cited(r["sources"], as_of)
        if not refs:
            sys.exit(f"{r['id']}: reported {r['reported']} but no source published by {as_of}")
        for s in refs:
            sources[s["id"]] = s
        d = {k: r[k] for k in DEPLOYMENT_FIELDS if k in r and k != "sources"}
        d["sources"] = [s["id"] for s in refs]
        if not d.get("approximate"):
            d.pop("approximate", None)
        if not d.get("uncertain"):
            d.pop("uncertain", None)
        out_deployments.append({k: d[k] for k in DEPLOYMENT_FIELDS if k in d})
    out_events = []
    for e in events:
        if e["reported"] > as_of or e["date"] > as_of:
            continue
        ev = {"date": e["date"], "title": e["title"]}
        if "region" in e:
            ev["region"] = e["region"]
        if "source" in e and published_by(e["source"], as_of):
            sources[e["source"]["id"]] = e["source"]
            ev["source"] = e["source"]["id"]
        if e.get("analysis"):
            ev["analysis"] = e["analysis"]
        out_events.append(ev)
    out_claims = []
    for c in claims:
        if c["reported"] > as_of:
            continue
        sources[c["source"]["id"]] = c["source"]
        cl = {"date": c["date"], "region": c["region"], "metric": c["metric"], "value": c["value"],
              "source": c["source"]["id"]}
        if c.get("counts"):
            cl["counts"] = c["counts"]
        out_claims.append(cl)

    out_deployments.sort(key=lambda d: (d["date"], d["id"]))
    out_events.sort(key=lambda e: (e["date"], e["title"]))
    out_claims.sort(key=lambda c: (c["date"], c["metric"]))
    ordered_sources = sorted(sources.values(), key=lambda s: (s.get("date", "9999"), s["id"]))

    day = as_of.replace("-", " ").split()
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    title = f"Reported AI-model deployments in China, as of {int(day[2])} {months[int(day[1]) - 1]} {day[0]}"
    lines = ["{", '  "format": "adopt.snapshot",', '  "version": 2,', f'  "asOf": "{as_of}",',
             f'  "title": {dump_line(title)},', '  "sources": [']
    lines += ["    " + dump_line({k: s[k] for k in SOURCE_FIELDS if k in s}) + ("," if i < len(ordered_sources) - 1 else "")
              for i, s in enumerate(ordered_sources)]
    lines += ["  ],", '  "deployments": [']
    for i, d in enumerate(out_deployments):
        body = json.dumps(d, ensure_ascii=False, indent=2).split("\n")
        # Each field on its own line (messages name lines), lists kept on one line.
        fields = ["      " + f'"{k}": {dump_line(v)}' for k, v in d.items()]
        lines.append("    {")
        lines += [f + ("," if j < len(fields) - 1 else "") for j, f in enumerate(fields)]
        lines.append("    }" + ("," if i < len(out_deployments) - 1 else ""))
    lines += ["  ],", '  "events": [']
    lines += ["    " + dump_line(e) + ("," if i < len(out_events) - 1 else "") for i, e in enumerate(out_events)]
    lines += ["  ],", '  "claims": [']
    lines += ["    " + dump_line(c) + ("," if i < len(out_claims) - 1 else "") for i, c in enumerate(out_claims)]
    lines += ["  ]", "}"]
    with open(os.path.join(DATA, f"{as_of}.json"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(out_deployments), len(out_events), len(out_claims), len(ordered_sources)


def main():
    deployments = load("deployments.json")
    events = load("events.json")
    claims = load("claims.json")
    for r in deployments:
        assert r["date"] <= r["reported"], f"{r['id']}: date after reported"
    for as_of in AS_OF:
        n, e, c, s = write_snapshot(as_of, deployments, events, claims)
        print(f"{as_of}: {n} deployments, {e} events, {c} claims, {s} sources")


if __name__ == "__main__":
    main()
