"""Errors: VaccelError carries the VACCEL_E* code and the runtime's message."""

from vaccel._enums import Error


class VaccelError(RuntimeError):
    """A vaccel call failed; `.code` is the VACCEL_E* value."""

    def __init__(self, code, message=""):
        self.code = int(code)
        from vaccel import _vaccel

        name = _vaccel.error_str(self.code) or str(self.code)
        self.message = f"{message}: {name} ({self.code})" if message else f"{name} ({self.code})"
        super().__init__(self.message)


class InvalidArgumentError(VaccelError, ValueError):
    """VACCEL_EINVAL"""


class NotSupportedError(VaccelError):
    """VACCEL_ENOTSUP: no loaded plugin implements the op."""


class NotFoundError(VaccelError, FileNotFoundError):
    """VACCEL_ENOENT"""


class SessionError(VaccelError, ConnectionError):
    """VACCEL_ESESS: the session is unknown or its remote end went away."""


class BackendError(VaccelError):
    """VACCEL_EBACKEND: the backend library failed."""


class PermissionDeniedError(VaccelError, PermissionError):
    """VACCEL_EPERM / VACCEL_EACCES"""


class IOError_(VaccelError):
    """VACCEL_EIO"""


class InvalidPluginError(VaccelError):
    """VACCEL_ELIBBAD: not a vaccel plugin or ABI mismatch."""


_BY_CODE = {
    Error.EINVAL: InvalidArgumentError,
    Error.ENOTSUP: NotSupportedError,
    Error.ENOENT: NotFoundError,
    Error.ESESS: SessionError,
    Error.EBACKEND: BackendError,
    Error.EPERM: PermissionDeniedError,
    Error.EACCES: PermissionDeniedError,
    Error.EIO: IOError_,
    Error.ELIBBAD: InvalidPluginError,
}

# vaccel-python 0.3.0 name
FFIError = VaccelError


def raise_for(code, message):
    raise _BY_CODE.get(code, VaccelError)(code, message)
