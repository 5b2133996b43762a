"""bootstrap/cleanup of the runtime (it also bootstraps itself from the
environment when the extension loads), and plugin loading by path."""

import os

from vaccel import _vaccel
from vaccel.error import raise_for


def bootstrap(config=None):
    if config is None:
        ret = _vaccel.bootstrap()
    else:
        ret = _vaccel.bootstrap_with_config(config.plugins, config.log_level, config.log_file,
                                            int(config.profiling_enabled),
                                            int(config.version_ignore))
    if ret != 0:
        raise_for(ret, "bootstrap failed")


def cleanup():
    ret = _vaccel.cleanup()
    if ret != 0:
        raise_for(ret, "cleanup failed")


def load_plugin(path):
    """Load a plugin shared object by path."""
    ret = _vaccel.plugin_load(os.fspath(path))
    if ret != 0:
        raise_for(ret, f"cannot load plugin {os.fspath(path)!r}")
