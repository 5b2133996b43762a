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

def vaccel_plugin(
        name,
        srcs,
        deps = [],
        copts = [],
        linkopts = [],
        additional_linker_inputs = [],
        **kwargs):
    """A plugin shared object: compiled against the header-only SDK, linked
    against nothing from vaccel. `copts` and `linkopts` are added to the
    defaults.

    The SDK promise is enforced here, so no plugin can forget it: hidden
    visibility, -z defs (an unresolved symbol, e.g. a vaccel_* function the
    plugin should get from the host table, fails the link) and a version
    script that exports vaccel_plugin_descriptor only. Every plugin also
    gets `<name without .so>_symbols_test`, which reads its dynamic symbol
    table and checks exactly that."""
    native.cc_binary(
        name = name,
        srcs = srcs,
        linkshared = 1,
        copts = ["-D_DEFAULT_SOURCE", "-fvisibility=hidden"] + copts,
        additional_linker_inputs = ["//c:plugin_exports.map"] +
                                   additional_linker_inputs,
        linkopts = [
            "-Wl,-z,defs",
            "-Wl,--version-script=$(location //c:plugin_exports.map)",
        ] + linkopts,
        deps = ["//c/include:headers"] + deps,
        **kwargs
    )
    base = name[:-3] if name.endswith(".so") else name
    native.sh_test(
        name = base + "_symbols_test",
        srcs = ["//c:check_plugin_symbols.sh"],
        args = ["$(location :%s)" % name],
        data = [":" + name],
        tags = kwargs.get("tags", []),
    )

def vaccel_agent(name, runtime, visibility = None):
    """vaccel-agent linked with one runtime (the real IDL's, or a test
    IDL's, so a test-only op is served over the wire too). The wire layer
    is compiled in from its sources, against the runtime's generated
    headers: nothing here names an op."""
    native.cc_binary(
        name = name,
        srcs = [
            "//c/agent:agent_srcs",
            "//c/wire:wire_srcs",
        ],
        copts = [
            "-D_DEFAULT_SOURCE",
            "-D_GNU_SOURCE",
            "-Ic/wire",
        ],
        linkopts = [
            "-lpthread",
        ],
        visibility = visibility,
        deps = [
            runtime,
            "//c/rpc:transport",
            "//c/src:internal_headers",
        ],
    )
