# Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

from typing import Any


class OpsMixin:
    def basic(self, count, name, data, len_text=512, arg_read=None, arg_write=None) -> Any: ...
    def sample_model(self, resource, inputs, a, lda, k, nr_out=1, options=None) -> Any: ...
    def sample_model_legacy(self, resource, inputs, a, lda, k, nr_out=1, options=None) -> Any: ...
