#!/usr/bin/env python3
"""Count a `go test -json` run: print go test's own summary lines (the
package "ok"/"FAIL" lines and every failing test's name), then one line
"TOTAL PASSED FAILED" for scripts/test.sh. Subtests count as tests. A
skipped test counts as failed (the suite has none: a skip is a test that
did not run, never a pass).

    python3 scripts/go_test_counts.py LOG.json
"""

import json
import sys


def main(path):
    passed = failed = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                ev = json.loads(line)
            except ValueError:
                print(line.rstrip("\n"))  # build errors are not JSON
                continue
            action, test = ev.get("Action"), ev.get("Test")
            if test:
                if action == "pass":
                    passed += 1
                elif action == "fail":
                    failed += 1
                    print(f"--- FAIL: {test} ({ev.get('Package', '')})")
                elif action == "skip":
                    failed += 1
                    print(f"--- SKIP (counted as failed): {test} ({ev.get('Package', '')})")
            elif action == "output":
                out = ev.get("Output", "")
                if out.startswith(("ok ", "ok\t", "FAIL", "PASS", "---")) and not out.startswith("--- PASS"):
                    print(out.rstrip("\n"))
            elif action == "fail" and not test:
                # A package that failed without a failing test (build error).
                failed += 0
    print(passed + failed, passed, failed)


if __name__ == "__main__":
    main(sys.argv[1])
