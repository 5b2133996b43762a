#!/usr/bin/env python3
"""Count the test cases of one `bazel test` run, for scripts/test.sh.

usage: bazel_test_counts.py BAZEL_OUTPUT_LOG TESTLOGS_DIR

Prints one line "TESTS PASSED FAILED" on stdout; notes on stderr.

The test targets and their status come from the summary lines Bazel prints
("//tests/core:x   (cached) PASSED in 0.1s"), so stale test.xml files of
targets that were not part of this run are never counted. For each target
the GoogleTest cases come from its test.xml (every shard's, of the latest
run only): the tests,
failures and errors attributes; disabled and skipped cases did not run and
are left out. A target that did not pass counts at least one failed case
even when its XML says otherwise (a crash or sanitizer report after the
last test case, a timeout, a build failure with no XML at all), and so
does a target Bazel counts but does not list.
"""

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

STATUS = re.compile(
    r"^(//\S+|@\S+)\s+(?:\(cached\)\s+)?"
    r"(PASSED|FLAKY|FAILED TO BUILD|FAILED|TIMEOUT|NO STATUS|INCOMPLETE"
    r"|REMOTE FAILURE|BUILD FAILURE|TOOL FAILURE)\b"
)

EXECUTED = re.compile(r"^Executed \d+ out of (\d+) tests?\b")


def xml_counts(path):
    """(ran, failed) test cases in one test.xml, or None if unreadable."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    if not suites:
        suites = [root]
    ran = failed = 0
    for s in suites:
        def attr(name):
            try:
                return int(s.get(name, "0"))
            except ValueError:
                return 0

        ran += attr("tests") - attr("disabled") - attr("skipped")
        failed += attr("failures") + attr("errors")
    return max(ran, 0), failed


def label_dir(testlogs, label):
    # //a/b:c -> TESTLOGS/a/b/c ; //a/b -> TESTLOGS/a/b/b
    label = label.lstrip("@")
    if label.startswith("/"):
        label = label.lstrip("/")
    pkg, _, name = label.partition(":")
    if not name:
        name = pkg.rsplit("/", 1)[-1]
    return os.path.join(testlogs, pkg, name)


def latest_xmls(target_dir):
    """The test.xml files of the target's latest run.

    A target's log directory keeps the XML of earlier runs made with other
    flags (shard_K_of_N/ when sharded, run_K_of_N/ with --runs_per_test):
    group the files by layout (indices stripped) and keep the group written
    last.
    """
    groups = {}
    for x in glob.glob(os.path.join(target_dir, "**", "test.xml"),
                       recursive=True):
        rel = os.path.relpath(os.path.dirname(x), target_dir)
        key = re.sub(r"_\d+_of_", "_K_of_", rel)
        groups.setdefault(key, []).append(x)
    if not groups:
        return []

    def newest(files):
        return max(os.path.getmtime(f) for f in files)

    return sorted(max(groups.values(), key=newest))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    log, testlogs = sys.argv[1], sys.argv[2]
    with open(log, errors="replace") as f:
        lines = f.read().splitlines()

    tests = passed = failed = 0
    seen = set()
    for line in lines:
        m = STATUS.match(line.strip())
        if not m or m.group(1) in seen:
            continue
        label, status = m.group(1), m.group(2)
        seen.add(label)
        ok = status in ("PASSED", "FLAKY")
        xmls = []
        if status not in ("FAILED TO BUILD", "NO STATUS", "BUILD FAILURE"):
            xmls = latest_xmls(label_dir(testlogs, label))
        ran = bad = 0
        for x in xmls:
            c = xml_counts(x)
            if c is None:
                print(f"bazel: {label}: unreadable {x}", file=sys.stderr)
                bad += 1
                continue
            ran += c[0]
            bad += c[1]
        if not ok and bad == 0:
            # Failed without a failing case on record: count the target.
            bad = 1
            print(f"bazel: {label} {status} (counted as 1 failed)",
                  file=sys.stderr)
        ran = max(ran, bad)
        tests += ran
        failed += bad
        passed += ran - bad
    # Bazel lists only a few of the targets that failed to build ("Skipping
    # other failed to build tests"); its "Executed X out of N tests" line
    # has the full count: each target not listed counts as 1 failed.
    for line in lines:
        m = EXECUTED.match(line.strip())
        if m and int(m.group(1)) > len(seen):
            hidden = int(m.group(1)) - len(seen)
            print(f"bazel: {hidden} more targets not listed by Bazel "
                  "(counted as 1 failed each)", file=sys.stderr)
            tests += hidden
            failed += hidden
            break
    print(tests, passed, failed)


if __name__ == "__main__":
    main()
