#!/usr/bin/python3
"""Peer of `offerkit convert CORPUS.jsonl --to jsonl -o OUT.jsonl`: Python's json
module reads each line into objects and writes it back as one compact line
(UTF-8 kept, key order kept), the whole file streamed.

    /usr/bin/python3 bench/peers/json_roundtrip.py CORPUS.jsonl OUT.jsonl

Prints one line: "<offers> offers <bytes in> bytes in <bytes out> bytes out".
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    n = 0
    loads, dumps = json.loads, json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    tmp = dst + ".tmp"
    with open(src, encoding="utf-8") as f, open(tmp, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            out.write(dumps(loads(line)))
            out.write("\n")
            n += 1
    os.replace(tmp, dst)
    print(f"{n} offers {os.path.getsize(src)} bytes in {os.path.getsize(dst)} bytes out")


if __name__ == "__main__":
    main()
