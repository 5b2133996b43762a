"""Session: the handle every op runs on; ops are its methods (generated)."""

from vaccel import _vaccel
from vaccel._enums import PluginType
from vaccel._ops import OpsMixin
from vaccel.error import raise_for


class Session(OpsMixin):
    """A vaccel session. `flags` are plugin-type hints (PluginType)."""

    def __init__(self, flags=0):
        if not isinstance(flags, int):
            raise TypeError(f"flags: expected a PluginType or int, got {type(flags).__name__}")
        self._handle = 0
        ret, handle = _vaccel.session_new(int(flags))
        if ret != 0:
            raise_for(ret, f"cannot create a session with flags {int(flags):#x}")
        self._handle = handle

    def release(self):
        """Release the session (idempotent)."""
        h, self._handle = self._handle, 0
        if h:
            ret = _vaccel.session_delete(h)
            if ret != 0:
                raise_for(ret, "cannot release the session")

    def __del__(self):
        try:
            self.release()
        except Exception:  # noqa: BLE001 - never raise from a finaliser
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()

    def _live(self):
        if not self._handle:
            raise ValueError("the session is released")
        return self._handle

    @property
    def id(self):
        return int(_vaccel.session_id(self._live()))

    @property
    def remote_id(self):
        return int(_vaccel.session_remote_id(self._live()))

    @property
    def flags(self):
        return PluginType(_vaccel.session_hint(self._live()))

    @property
    def is_remote(self):
        return bool(_vaccel.session_is_remote(self._live()))

    def genop(self, arg_read, arg_write):
        """Run the op named by the first read arg (an OpType) with the rest
        of the args; results are written into the write args' buffers."""
        from vaccel._marshal import args

        ret, _ = _vaccel.genop(self._live(), args(arg_read), args(arg_write, writable=True))
        if ret != 0:
            raise_for(ret, "genop failed")
