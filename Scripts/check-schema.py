#!/usr/bin/env python3
"""Validates snapshot files against Data/schema/snapshot.schema.json with a standard
validator (Python's jsonschema, Draft 2020-12), as a second opinion beside `adopt validate`.

Usage: python3 Scripts/check-schema.py [--feed] [FILE...]   (default: every Data/*.json)
--feed checks feed indexes (index.json) against Data/schema/feed.schema.json instead.
Prints one line per file and "N passed, N failed"; exits 1 when any file fails.
"""
import glob
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    args = sys.argv[1:]
    feed = bool(args) and args[0] == "--feed"
    if feed:
        args = args[1:]
    name = "feed.schema.json" if feed else "snapshot.schema.json"
    with open(os.path.join(ROOT, "Data", "schema", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = args or sorted(glob.glob(os.path.join(ROOT, "Data", "*.json")))
    passed = failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for e in errors[:20]:
                where = "/".join(str(p) for p in e.absolute_path) or "(top)"
                print(f"{path}: {where}: {e.message}")
        else:
            passed += 1
            print(f"{path}: valid ({doc.get('format', 'snapshot')} version {doc.get('version')})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
