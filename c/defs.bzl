"""Build macros shared by the runtime and the tests."""

def vaccel_runtime(name, gen_headers, gen_srcs, visibility = None):
    """The core runtime built from the hand-written sources plus one set of
    generated headers and sources (the real IDL's, or a test IDL's)."""
    native.cc_library(
        name = name,
        srcs = ["//c/src:runtime_srcs"] + gen_srcs,
        # C11 plus the POSIX/BSD interfaces (strdup, mkdtemp, nftw, ...).
        copts = ["-D_DEFAULT_SOURCE"],
        linkopts = ["-ldl", "-lpthread"],
        # The automatic bootstrap/cleanup constructors must stay linked in.
        alwayslink = 1,
        visibility = visibility,
        deps = [
            "//c/include:api_headers",
            "//c/src:internal_headers",
            gen_headers,
        ],
    )

def vaccel_plugin(name, srcs, deps = [], copts = [], **kwargs):
    """A plugin shared object: compiled against the header-only SDK, linked
    against nothing from vaccel. `copts` are added to the defaults."""
    native.cc_binary(
        name = name,
        srcs = srcs,
        linkshared = 1,
        copts = ["-D_DEFAULT_SOURCE"] + copts,
        deps = ["//c/include:headers"] + deps,
        **kwargs
    )
