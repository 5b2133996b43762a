#!/usr/bin/env python3
"""Build Bazel C targets with another gcc (a cross compiler), outside Bazel.

    scripts/cross_build.py [--cc aarch64-linux-gnu-gcc] [--out DIR] [TARGET...]

Debian's Bazel 4.2.3 has no cross C toolchain, so this script compiles the
targets itself - but it keeps no list of its own: it asks `bazel query` for
the cc rules the targets link (following `deps`, not `data`) and compiles
exactly their sources with their copts, defines, includes and
include prefixes, links with their linkopts (alwayslink libraries whole),
and adds the --copt/--conlyopt lines of .bazelrc (-Wall -Wextra -Werror
-std=c11). A BUILD attribute it does not know stops it with an error
rather than being ignored, so the two builds cannot drift apart silently.

Default targets: the client side (libvaccel.so, the rpc plugin and the
noop, sgemm and classify examples). Each lands in DIR under its own name
(DIR/libvaccel.so, DIR/noop, ...). docs/agent.md, "Cross-building the
client for arm64".
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

DEFAULT_TARGETS = [
    "//:libvaccel.so",
    "//c/plugins/rpc:libvaccel-rpc.so",
    "//examples:noop",
    "//examples:sgemm",
    "//examples:classify",
]

# What Bazel's default Linux toolchain adds to every compile and link
# (unix_cc_toolchain_config): the same warnings set as the native build,
# position-independent code, and -lm.
TOOLCHAIN_COPTS = [
    "-U_FORTIFY_SOURCE",
    "-fstack-protector",
    "-Wall",
    "-Wunused-but-set-parameter",
    "-Wno-free-nonheap-object",
    "-fno-omit-frame-pointer",
    "-fPIC",
]
TOOLCHAIN_LINK_LIBS = ["-lm"]

# Attributes that change how a rule compiles or links: all handled below.
HANDLED = {
    "srcs", "hdrs", "deps", "copts", "linkopts", "includes", "defines",
    "local_defines", "include_prefix", "strip_include_prefix",
    "linkshared", "alwayslink", "additional_linker_inputs",
}
# Attributes with no effect on the objects or the link.
IGNORED = {
    "name", "visibility", "generator_name", "generator_function",
    "generator_location", "data", "args", "env", "tags", "testonly",
    "linkstatic", "size", "timeout", "licenses",
}


class BuildError(Exception):
    pass


def label_path(label):
    """//pkg:file -> pkg/file (a path from the workspace root)."""
    if not label.startswith("//"):
        raise BuildError(f"{label}: only labels of this workspace are "
                         "supported (no external repositories)")
    pkg, _, name = label[2:].partition(":")
    return os.path.join(pkg, name) if pkg else name


def package_of(label):
    return label[2:].partition(":")[0]


def resolve(label, pkg):
    """A label as written in a rule of package pkg, made absolute."""
    if label.startswith("//") or label.startswith("@"):
        return label
    if label.startswith(":"):
        return f"//{pkg}{label}"
    return f"//{pkg}:{label}"


class Rule:
    def __init__(self, elem):
        self.kind = elem.get("class")
        self.label = elem.get("name")
        self.pkg = package_of(self.label)
        self.attrs = {}
        for child in elem:
            name = child.get("name")
            if child.tag == "list":
                self.attrs[name] = [c.get("value") for c in child]
            elif child.tag in ("string", "boolean", "label"):
                self.attrs[name] = child.get("value")
            elif child.tag in ("rule-input", "rule-output"):
                continue
            else:
                self.attrs[name] = child  # dicts etc.: checked below
        unknown = set(self.attrs) - HANDLED - IGNORED
        if unknown:
            raise BuildError(f"{self.label}: attribute(s) "
                             f"{', '.join(sorted(unknown))} not supported by "
                             "scripts/cross_build.py: teach it, or the cross "
                             "build would differ from Bazel's")

    def list(self, name):
        return self.attrs.get(name) or []

    def flag(self, name):
        return self.attrs.get(name) == "true"

    @property
    def basename(self):
        return self.label.partition(":")[2]


def query(targets):
    """The cc rules, filegroups and source files the targets depend on."""
    expr = 'kind("cc_.* rule|filegroup|source file", deps(%s))' % " + ".join(
        targets)
    out = subprocess.run(
        ["bazel", "query", "--noimplicit_deps", "--output=xml", expr],
        check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    root = ET.fromstring(out)
    rules = {}
    sources = set()
    for elem in root:
        if elem.tag == "rule":
            rules[elem.get("name")] = Rule(elem)
        elif elem.tag == "source-file":
            sources.add(elem.get("name"))
    return rules, sources


class Graph:
    def __init__(self, rules, sources):
        self.rules = rules
        self.sources = sources

    def files(self, rule, attr):
        """The source paths of an attribute, filegroups expanded."""
        out = []
        for label in rule.list(attr):
            if label in self.sources:
                out.append(label_path(label))
            elif label in self.rules and \
                    self.rules[label].kind == "filegroup":
                out.extend(self.files(self.rules[label], "srcs"))
            else:
                raise BuildError(f"{rule.label}: {attr} entry {label} is "
                                 "neither a source file nor a filegroup "
                                 "(generated files are not supported)")
        return out

    def deps_closure(self, rule):
        """The libraries a rule links, dependents before their deps."""
        order, seen = [], set()

        def visit(r):
            for label in r.list("deps"):
                dep = self.rules.get(label)
                if dep is None or dep.kind != "cc_library":
                    raise BuildError(f"{r.label}: dep {label} is not a "
                                     "cc_library of this workspace")
                if label not in seen:
                    seen.add(label)
                    visit(dep)
                    order.append(dep)

        visit(rule)
        return list(reversed(order))


def bazelrc_copts(path=".bazelrc"):
    """The --copt and --conlyopt values of the plain `build` lines."""
    copts = []
    with open(path) as f:
        for line in f:
            words = shlex.split(line, comments=True)
            if not words or words[0] != "build":
                continue
            for w in words[1:]:
                m = re.fullmatch(r"--(copt|conlyopt)=(.*)", w)
                if m:
                    copts.append(m.group(2))
    return copts


def expand_locations(text, rule):
    def sub(m):
        return label_path(resolve(m.group(2).strip(), rule.pkg))

    text = re.sub(r"\$\((location|locations|execpath|execpaths|rootpath)"
                  r" ([^)]+)\)", sub, text)
    if "$(" in text:
        raise BuildError(f"{rule.label}: make variable in {text!r} not "
                         "supported")
    return text


class Builder:
    def __init__(self, graph, cc, ar, out, verbose):
        self.graph = graph
        self.cc = cc
        self.ar = ar
        self.out = os.path.abspath(out)
        self.verbose = verbose
        self.global_copts = bazelrc_copts()
        self.compiled = {}  # rule label -> object paths

    def virtual_includes(self, lib):
        """include_prefix/strip_include_prefix: the headers under the path
        they are included by, as symlinks (Bazel's _virtual_includes)."""
        strip = lib.attrs.get("strip_include_prefix")
        prefix = lib.attrs.get("include_prefix")
        if strip is None and prefix is None:
            return None
        if strip is None or strip == ".":
            strip_dir = lib.pkg
        elif strip.startswith("/"):
            strip_dir = strip.lstrip("/")
        else:
            strip_dir = os.path.normpath(os.path.join(lib.pkg, strip))
        top = os.path.join(self.out, "_virtual_includes", lib.pkg,
                           lib.basename)
        for hdr in self.graph.files(lib, "hdrs"):
            rel = os.path.relpath(hdr, strip_dir)
            if rel.startswith(".."):
                raise BuildError(f"{lib.label}: header {hdr} is not under "
                                 f"strip_include_prefix {strip_dir}")
            link = os.path.join(top, prefix or "", rel)
            os.makedirs(os.path.dirname(link), exist_ok=True)
            if os.path.lexists(link):
                os.unlink(link)
            os.symlink(os.path.abspath(hdr), link)
        return top

    def compile_flags(self, rule):
        """What Bazel passes when compiling rule's sources."""
        flags = ["-iquote", "."]
        for lib in [rule] + self.graph.deps_closure(rule):
            for inc in lib.list("includes"):
                flags += ["-isystem", os.path.normpath(
                    os.path.join(lib.pkg, inc))]
            virt = self.virtual_includes(lib)
            if virt:
                flags += ["-I", virt]
            flags += ["-D" + d for d in lib.list("defines")]
        flags += ["-D" + d for d in rule.list("local_defines")]
        copts = [expand_locations(c, rule) for c in rule.list("copts")]
        return (TOOLCHAIN_COPTS + self.global_copts + copts + flags)

    def objects_jobs(self, rule):
        """(source, object, flags) for every C source of rule."""
        flags = self.compile_flags(rule)
        jobs = []
        for src in self.graph.files(rule, "srcs"):
            if src.endswith(".h"):
                continue
            if not src.endswith(".c"):
                raise BuildError(f"{rule.label}: {src}: only C sources are "
                                 "supported")
            obj = os.path.join(self.out, "_objs", rule.pkg, rule.basename,
                               src + ".o")
            jobs.append((src, obj, flags))
        self.compiled[rule.label] = [o for _, o, _ in jobs]
        return jobs

    def run(self, cmd):
        if self.verbose:
            print(" ".join(shlex.quote(c) for c in cmd))
        return subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)

    def compile_all(self, targets):
        jobs, done = [], set()
        for t in targets:
            for r in [t] + self.graph.deps_closure(t):
                if r.label not in done:
                    done.add(r.label)
                    jobs += self.objects_jobs(r)

        def one(job):
            src, obj, flags = job
            os.makedirs(os.path.dirname(obj), exist_ok=True)
            res = self.run([self.cc] + flags + ["-c", src, "-o", obj])
            return src, res

        failed = 0
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for src, res in pool.map(one, jobs):
                if res.returncode != 0:
                    failed += 1
                    print(f"cross_build: compiling {src} failed:\n"
                          f"{res.stdout}", file=sys.stderr)
                elif res.stdout:
                    print(res.stdout, end="", file=sys.stderr)
        if failed:
            raise BuildError(f"{failed} of {len(jobs)} sources failed to "
                             "compile")
        return len(jobs)

    def archive(self, lib):
        path = os.path.join(self.out, "_objs", lib.pkg, lib.basename,
                            f"lib{lib.basename}.a")
        if os.path.exists(path):
            os.unlink(path)
        res = self.run([self.ar, "rcs", path] + self.compiled[lib.label])
        if res.returncode != 0:
            raise BuildError(f"{self.ar} for {lib.label}: {res.stdout}")
        return path

    def link(self, target):
        if target.kind != "cc_binary":
            raise BuildError(f"{target.label}: only cc_binary targets are "
                             f"linked (this is a {target.kind})")
        out = os.path.join(self.out, target.basename)
        cmd = [self.cc, "-o", out] + self.compiled[target.label]
        linkopts = list(target.list("linkopts"))
        for lib in self.graph.deps_closure(target):
            if self.compiled[lib.label]:
                if lib.flag("alwayslink"):
                    cmd += ["-Wl,--whole-archive", self.archive(lib),
                            "-Wl,--no-whole-archive"]
                else:
                    cmd.append(self.archive(lib))
            linkopts += lib.list("linkopts")
        if target.flag("linkshared"):
            cmd.insert(1, "-shared")
        cmd += [expand_locations(o, target) for o in linkopts]
        cmd += TOOLCHAIN_LINK_LIBS
        res = self.run(cmd)
        if res.returncode != 0:
            raise BuildError(f"linking {target.label} failed:\n{res.stdout}")
        return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cc", default="aarch64-linux-gnu-gcc",
                    help="the C compiler (default %(default)s)")
    ap.add_argument("--ar", help="the archiver (default: --cc with 'gcc' "
                    "replaced by 'ar')")
    ap.add_argument("--out", default="bazel-cross-aarch64",
                    help="output directory (default %(default)s)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print every command")
    ap.add_argument("targets", nargs="*", default=DEFAULT_TARGETS)
    args = ap.parse_args()
    ar = args.ar or re.sub(r"gcc(-[0-9.]+)?$", "ar", args.cc)
    try:
        rules, sources = query(args.targets)
        graph = Graph(rules, sources)
        missing = [t for t in args.targets if t not in rules]
        if missing:
            raise BuildError(f"not cc rules: {', '.join(missing)}")
        targets = [rules[t] for t in args.targets]
        builder = Builder(graph, args.cc, ar, args.out, args.verbose)
        n = builder.compile_all(targets)
        outs = [builder.link(t) for t in targets]
    except subprocess.CalledProcessError as e:
        print(f"cross_build: {' '.join(e.cmd[:2])} failed (status "
              f"{e.returncode})", file=sys.stderr)
        return 1
    except BuildError as e:
        print(f"cross_build: {e}", file=sys.stderr)
        return 1
    print(f"cross_build: {n} sources compiled with {args.cc}, linked "
          f"{len(outs)} targets into {builder.out}")
    for o in outs:
        rel = os.path.relpath(o)
        print(f"  {o if rel.startswith('..') else rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
