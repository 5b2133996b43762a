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
        data = [],
        env = {},
        **kwargs):
    """`name` in-process, plus `name`_unix and `name`_tcp through an agent
    that loads `agent_plugins` (runfiles paths). `exec_lib` (a runfiles
    path) names a library whose directory the agent allows exec from.
    `remote_exclude` lists tests of in-process behaviour left out of the
    remote runs."""
    native.cc_test(name = name, data = data, env = env, **kwargs)
    for mode in ["unix", "tcp"]:
        remote_env = dict(env)
        remote_env["VACCEL_TEST_REMOTE"] = mode
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
