"""Resource: files or bytes (models, libraries, data) that ops use."""

import os

from vaccel import _vaccel
from vaccel._enums import ResourceType
from vaccel.error import raise_for


class Resource:
    """A resource made from a path, or a list of paths (several files or
    URLs, as vAccel's Resource takes), or, with from_buffer, from bytes."""

    def __init__(self, paths, type_):
        self._handle = 0
        self._sessions = []
        if isinstance(paths, (list, tuple)):
            if not paths:
                raise ValueError("paths: the list is empty")
            for i, p in enumerate(paths):
                if not isinstance(p, (str, os.PathLike)):
                    raise TypeError(f"paths[{i}]: expected a str or Path, got {type(p).__name__}")
            if len(paths) == 1:
                paths = paths[0]  # a directory is allowed alone
        elif not isinstance(paths, (str, os.PathLike)):
            raise TypeError(f"paths: expected a str, Path or a list of them, got {type(paths).__name__}")
        if not isinstance(type_, int):
            raise TypeError(f"type_: expected a ResourceType, got {type(type_).__name__}")
        if isinstance(paths, (list, tuple)):
            names = tuple(os.fspath(p) for p in paths)
            ret, h = _vaccel.resource_multi_new(names, int(type_))
            what = list(names)
        else:
            ret, h = _vaccel.resource_new(os.fspath(paths), int(type_))
            what = os.fspath(paths)
        if ret != 0:
            raise_for(ret, f"cannot create a resource from {what!r}")
        self._handle = h
        self.type = ResourceType(type_)

    @classmethod
    def from_buffer(cls, data, type_, filename="file"):
        inst = cls.__new__(cls)
        inst._handle = 0
        inst._sessions = []
        ret, h = _vaccel.resource_from_buf(data, int(type_), filename)
        if ret != 0:
            raise_for(ret, "cannot create a resource from a buffer")
        inst._handle = h
        inst.type = ResourceType(type_)
        return inst

    @classmethod
    def from_numpy(cls, data):
        return cls.from_buffer(data.tobytes(), ResourceType.DATA)

    def _live(self):
        if not self._handle:
            raise ValueError("the resource is released")
        return self._handle

    @property
    def id(self):
        return int(_vaccel.resource_id(self._live()))

    @property
    def remote_id(self):
        return int(_vaccel.resource_remote_id(self._live()))

    def register(self, session):
        ret = _vaccel.resource_register(self._live(), session._live())
        if ret != 0:
            raise_for(ret, "cannot register the resource")
        self._sessions.append(session)

    def unregister(self, session):
        ret = _vaccel.resource_unregister(self._live(), session._live())
        if ret != 0:
            raise_for(ret, "cannot unregister the resource")
        if session in self._sessions:
            self._sessions.remove(session)

    def release(self):
        h, self._handle = self._handle, 0
        if not h:
            return
        for s in self._sessions:
            if s._handle:
                _vaccel.resource_unregister(h, s._handle)
        self._sessions = []
        ret = _vaccel.resource_delete(h)
        if ret != 0:
            raise_for(ret, "cannot release the resource")

    def __del__(self):
        try:
            self.release()
        except Exception:  # noqa: BLE001
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()
