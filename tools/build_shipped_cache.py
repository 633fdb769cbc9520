"""Build the shipped rows of the record set, rotherham_cli/data/shipped-rows.pickle, from records/.

    python tools/build_shipped_cache.py            write them
    python tools/build_shipped_cache.py --check    exit 1 when the committed file differs from the build

What it holds: for each record file, its path under records/, its size and SHA-256, and the listing row
and facts the loader makes of it (with no cache), under a stamp of the version and the contents of the
code that judges a record. A first run over the shipped records serves every file whose bytes are as
built from it, and reads the others (rotherham_cli/cache.py). Run it after any change to the records or
to that code (the stamp says which files: cache._JUDGES); tests/test_shipped_rows.py fails until then.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed file; write nothing")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from rotherham_cli import cache
    from rotherham_cli.errors import RecordProblems

    try:
        built = cache.build_shipped(ROOT / "records")
    except RecordProblems as exc:
        print(f"the records have problems; fix them first:\n{exc}", file=sys.stderr)
        return 1
    if args.check:
        try:
            same = cache.shipped_contents(cache.SHIPPED.read_bytes()) == cache.shipped_contents(built)
        except (OSError, pickle.UnpicklingError, ValueError) as exc:
            print(f"{cache.SHIPPED}: cannot be read: {exc}", file=sys.stderr)
            return 1
        print(f"{cache.SHIPPED.relative_to(ROOT)}: {'up to date' if same else 'out of date: run this without --check'}")
        return 0 if same else 1
    tmp = cache.SHIPPED.with_suffix(".tmp")
    tmp.write_bytes(built)
    tmp.replace(cache.SHIPPED)
    print(f"wrote {cache.SHIPPED.relative_to(ROOT)} ({len(built):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
