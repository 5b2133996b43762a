# Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

"""The IDL enums."""

import enum
import errno



class Error(enum.IntEnum):
    """Error codes (the linker checks `errors(...)` names against this enum)."""

    OK = 0
    EINVAL = errno.EINVAL
    ENOTSUP = errno.ENOTSUP
    EINVALID = errno.EINVAL


class ResourceType(enum.IntEnum):
    """Resource types (the linker checks `resource(X)` against this enum)."""

    LIB = 0
    MODEL = 2


class SampleDtype(enum.IntEnum):
    """A data-type enum: `size N` gives bytes per element (enum_tables.h)."""

    F32 = 1
    STR = 2
    SINGLE = 1


# bytes per element (0: not fixed-size)
SampleDtype.SIZES = {
    SampleDtype.F32: 4,
    SampleDtype.STR: 0,
}


class SampleFlags(enum.IntFlag):
    """A flags enum: values are rendered in hex."""

    NONE = 0
    FAST = 1
    SAFE = 2
    ALL = 3


class OpType(enum.IntEnum):
    """Operation ids."""

    SAMPLE_BASIC = 0
    SAMPLE_MODEL = 1
