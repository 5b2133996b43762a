"""Build the extension vaccel.__vaccel: the SWIG wrapper of the generated
interface (src/vaccel/_vaccel.i), the generic op entry (_invoke.c), the
vaccel runtime and the rpc transport (c/plugins/rpc with c/wire and c/rpc,
a built-in plugin: docs/plugins.md "Built-in plugins") compiled in.

In a checkout the runtime sources are copied from ../../c into csrc/ and
SWIG runs; an sdist already carries csrc/ (sources and SWIG output), so
installing it needs no SWIG and no libvaccel."""

import glob
import os
import re
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

HERE = os.path.dirname(os.path.abspath(__file__))
CSRC = os.path.join(HERE, "csrc")
REPO_C = os.path.normpath(os.path.join(HERE, "..", "..", "c"))
PKG = os.path.join(HERE, "src", "vaccel")
WRAP = os.path.join(CSRC, "_vaccel_wrap.c")
# The rpc transport's directories under c/, copied whole (every .c and .h,
# so files added there are picked up) to the same place under csrc/.
RPC_DIRS = ("rpc", "wire", os.path.join("plugins", "rpc"))


def copy_runtime():
    """Copy the runtime sources and headers from the checkout, if there is one."""
    if not os.path.isdir(os.path.join(REPO_C, "src")):
        return
    if os.path.isdir(os.path.join(CSRC, "src")):
        shutil.rmtree(os.path.join(CSRC, "src"))
    if os.path.isdir(os.path.join(CSRC, "include")):
        shutil.rmtree(os.path.join(CSRC, "include"))
    os.makedirs(os.path.join(CSRC, "src", "gen"), exist_ok=True)
    for pat in ("*.c", "*.h", os.path.join("gen", "*.c")):
        for f in glob.glob(os.path.join(REPO_C, "src", pat)):
            shutil.copy(f, os.path.join(CSRC, "src", os.path.relpath(f, os.path.join(REPO_C, "src"))))
    shutil.copytree(os.path.join(REPO_C, "include"), os.path.join(CSRC, "include"),
                    ignore=shutil.ignore_patterns("BUILD", "*.bazel"))
    for d in RPC_DIRS:
        dst = os.path.join(CSRC, d)
        if os.path.isdir(dst):
            shutil.rmtree(dst)
        os.makedirs(dst)
        for f in glob.glob(os.path.join(REPO_C, d, "*.[ch]")):
            shutil.copy(f, dst)


def run_swig():
    """SWIG output, regenerated when the interface is newer (checkout only)."""
    iface = os.path.join(PKG, "_vaccel.i")
    fresh = os.path.exists(WRAP) and os.path.getmtime(WRAP) >= os.path.getmtime(iface)
    if fresh and os.path.exists(os.path.join(PKG, "_vaccel.py")):
        return
    swig = shutil.which("swig") or shutil.which("swig4.0")
    if not swig:
        if os.path.exists(WRAP):
            return
        raise RuntimeError("swig is needed to build from a checkout (apt-get install swig)")
    os.makedirs(CSRC, exist_ok=True)
    subprocess.check_call([swig, "-python", "-threads", "-I" + os.path.join(CSRC, "include"),
                           "-o", WRAP, "-outdir", PKG, iface])


def prepare():
    copy_runtime()
    run_swig()


class BuildExt(build_ext):
    def run(self):
        prepare()
        super().run()


class SDist(sdist):
    def run(self):
        prepare()
        super().run()


def version():
    for base in (os.path.join(REPO_C, "include"), os.path.join(CSRC, "include")):
        path = os.path.join(base, "vaccel", "version.h")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return re.search(r'#define VACCEL_VERSION "([^"]+)"', f.read()).group(1)
    raise RuntimeError("vaccel/version.h not found")


def sources():
    prepare()
    srcs = [WRAP, os.path.join(PKG, "_invoke.c")]
    srcs += sorted(glob.glob(os.path.join(CSRC, "src", "*.c")))
    srcs += sorted(glob.glob(os.path.join(CSRC, "src", "gen", "*.c")))
    for d in RPC_DIRS:
        srcs += sorted(glob.glob(os.path.join(CSRC, d, "*.c")))
    return [os.path.relpath(s, HERE) for s in srcs]


setup(
    version=version(),
    ext_modules=[Extension(
        "vaccel.__vaccel",
        sources=sources(),
        # csrc: "rpc/conn.h"; csrc/wire: the wire headers the plugin uses.
        include_dirs=["csrc/include", "csrc/src", "csrc", "csrc/wire"],
        # The built-in rpc plugin keeps its descriptor to itself.
        define_macros=[("_DEFAULT_SOURCE", None), ("VACCEL_PLUGIN_VISIBILITY", '"hidden"')],
        extra_compile_args=["-std=gnu11", "-fvisibility=hidden"],
        libraries=["dl", "pthread"],
    )],
    cmdclass={"build_ext": BuildExt, "sdist": SDist},
)
