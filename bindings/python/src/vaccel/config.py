"""Config: what bootstrap(config) starts the runtime with."""


class Config:
    def __init__(self, plugins="libvaccel-noop.so", log_level=1, log_file=None, *,
                 profiling_enabled=False, version_ignore=False):
        if not isinstance(plugins, str):
            raise TypeError("plugins: expected a str")
        self.plugins = plugins
        self.log_level = int(log_level)
        self.log_file = log_file
        self.profiling_enabled = bool(profiling_enabled)
        self.version_ignore = bool(version_ignore)
