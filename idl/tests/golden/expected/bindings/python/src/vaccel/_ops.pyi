# Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

import os
from typing import Any, Sequence, Union

from vaccel.arg import Arg
from vaccel.resource import Resource
import vaccel.ops.tf as _tf

BufferLike = Union[bytes, bytearray, memoryview, Any]


class OpsMixin:
    def basic(self, count: int, name: str | os.PathLike[str], data: BufferLike | Sequence[int], len_text: int = ..., arg_read: list[Arg | Any] | None = ..., arg_write: list[Arg | Any] | None = ...) -> tuple[list[int], float, list[Any] | None]: ...
    def sample_model(self, resource: Resource, inputs: list[_tf.Tensor], a: BufferLike | Sequence[float], lda: int, k: int, nr_out: int = ..., options: _tf.Buffer | None = ...) -> tuple[list[_tf.Tensor], _tf.Status]: ...
    def sample_model_legacy(self, resource: Resource, inputs: list[_tf.Tensor], a: BufferLike | Sequence[float], lda: int, k: int, nr_out: int = ..., options: _tf.Buffer | None = ...) -> tuple[list[_tf.Tensor], _tf.Status]: ...
