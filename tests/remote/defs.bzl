"""A backend test run three ways: in-process, and through vaccel-agent over
a UNIX socket and over TCP loopback (tests/core/vaccel_test.h)."""

REMOTE_DATA = [
    "//c/agent:vaccel-agent",
    "//c/plugins/rpc:libvaccel-rpc.so",
]

def backend_test(
        name,
        agent_plugins,
        exec_lib = None,
        remote_exclude = [],
        shm = False,
        data = [],
        env = {},
        **kwargs):
    """`name` in-process, plus `name`_unix and `name`_tcp through an agent
    that loads `agent_plugins` (runfiles paths). `exec_lib` (a runfiles
    path) names a library whose directory the agent allows exec from.
    `remote_exclude` lists tests of in-process behaviour left out of the
    remote runs. `shm` adds `name`_unix_shm: over UNIX with every array
    of at least one byte going through the shared-memory region, which the
    run must have attached (VACCEL_TEST_EXPECT_SHM)."""
    native.cc_test(name = name, data = data, env = env, **kwargs)
    for mode in ["unix", "tcp"] + (["unix_shm"] if shm else []):
        remote_env = dict(env)
        remote_env["VACCEL_TEST_REMOTE"] = "unix" if mode == "unix_shm" else mode
        if mode == "unix_shm":
            remote_env["VACCEL_RPC_SHM_MIN_BYTES"] = "1"
            remote_env["VACCEL_TEST_EXPECT_SHM"] = "1"
        remote_env["VACCEL_TEST_AGENT_PLUGINS"] = ":".join(agent_plugins)
        if exec_lib:
            remote_env["VACCEL_TEST_EXEC_LIB"] = exec_lib
        native.cc_test(
            name = name + "_" + mode,
            data = data + REMOTE_DATA,
            env = remote_env,
            args = ["--gtest_filter=-" + ":".join(remote_exclude)] if remote_exclude else [],
            **kwargs
        )
