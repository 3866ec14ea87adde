#!/usr/bin/python3
"""Validates canonical JSON offers against schema/job-offer-1.schema.json.

Usage: check_schema.py SCHEMA FILE...  (each FILE: one object, an array, or JSON Lines)
Checks date values with a real calendar (2025-02-30 fails). Exit 0 when all valid.
"""
import datetime
import json
import sys

import jsonschema


def offers_in(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    value = json.loads(text)
    return value if isinstance(value, list) else [value]


def main():
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    count = 0
    for path in files:
        for i, offer in enumerate(offers_in(path)):
            count += 1
            for err in validator.iter_errors(offer):
                bad += 1
                print(f"{path}[{i}] {'/'.join(map(str, err.path))}: {err.message}")
            for key in ("reference_date", "posted_on", "deadline", "available_from"):
                if isinstance(offer.get(key), str):
                    try:
                        datetime.date.fromisoformat(offer[key])
                    except ValueError as e:
                        bad += 1
                        print(f"{path}[{i}] {key}: {e}")
    print(f"{count} offers checked, {bad} problems")
    return 1 if bad or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
