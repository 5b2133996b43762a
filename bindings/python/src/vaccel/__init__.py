"""vaccel: run ML and compute operations in-process or on a remote agent.

Source-compatible with vaccel-python 0.3.0; plugins are loaded by path
(VACCEL_PLUGINS, or load_plugin)."""

from vaccel import _vaccel
from vaccel._enums import ArgType, Error, LogLevel, OpType, PluginType, ResourceType
from vaccel.arg import Arg
from vaccel.config import Config
from vaccel.error import (
    BackendError,
    InvalidArgumentError,
    NotFoundError,
    NotSupportedError,
    SessionError,
    VaccelError,
)
from vaccel.resource import Resource
from vaccel.session import Session
from vaccel.vaccel import bootstrap, cleanup, load_plugin

__version__ = _vaccel.version()

__all__ = [
    "Arg", "ArgType", "BackendError", "Config", "Error", "InvalidArgumentError", "LogLevel",
    "NotFoundError", "NotSupportedError", "OpType", "PluginType", "Resource", "ResourceType",
    "Session", "SessionError", "VaccelError", "__version__", "bootstrap", "cleanup", "load_plugin",
]
