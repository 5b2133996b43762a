"""Op outputs reach numpy without a copy (issue 18): an output tensor's
bytes stay in the C tensor the op allocated; the Tensor and the arrays made
from it view that memory and keep it alive, and it is freed with the last
of them (COwned.live() counts the C tensors alive)."""

import subprocess
import sys

import numpy as np
from conftest import path, plugin_path, sample

from vaccel import Resource, ResourceType
from vaccel.ops.torch import Tensor

# In a child process with only the noop plugin, whose torch_model_run
# echoes input i as output i in a tensor it allocates.
CHILD = r"""
import gc, tracemalloc
import numpy as np
import vaccel
from vaccel.ops.torch import Tensor

x = np.arange(4 << 20, dtype=np.float32)  # 16 MiB
with vaccel.Session() as s, vaccel.Resource.from_buffer(b"any", vaccel.ResourceType.MODEL) as m:
    m.register(s)
    tracemalloc.start()
    (out,) = s.torch_model_run(m, [Tensor.from_numpy(x)])
    arr = out.numpy()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    live = type(memoryview(out._data).obj).live
    print("peak_under_1MiB", peak < (1 << 20))
    print("equal", np.array_equal(arr, x))
    print("writeable", arr.flags.writeable)
    print("shares", np.shares_memory(arr, out.numpy()))
    print("live", live())
    del out
    gc.collect()
    print("after_tensor_gone", np.array_equal(arr, x), live())
    del arr
    gc.collect()
    print("after_array_gone", live())
    for _ in range(50):
        (o,) = s.torch_model_run(m, [Tensor.from_numpy(x)])
        a = o.numpy()
        assert a[-1] == x[-1]
    del o, a
    gc.collect()
    print("after_50_calls", live())
    m.unregister(s)
"""


def test_output_tensor_is_viewed_not_copied_and_freed_with_its_last_view():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         timeout=120, env={"VACCEL_PLUGINS": plugin_path("noop"),
                                           "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines() == [
        "peak_under_1MiB True",  # a copy would have traced 16 MiB
        "equal True",
        "writeable True",
        "shares True",
        "live 1",
        "after_tensor_gone True 1",  # the array keeps the C tensor alive
        "after_array_gone 0",
        "after_50_calls 0",
    ], out.stdout + out.stderr


def test_model_outputs_are_views_in_process_and_through_the_agent(session):
    """The digits model's output, local and remote: a view of the C tensor."""
    x = np.fromfile(sample(3), dtype=np.float32).reshape(1, 1, 8, 8)
    with Resource(path("examples/models/digits/digits.pt"), ResourceType.MODEL) as model:
        model.register(session)
        (out,) = session.torch_model_run(model, [Tensor.from_numpy(x)])
        model.unregister(session)
    arr = out.numpy()
    assert arr.argmax() == 3
    owner = memoryview(out._data).obj
    assert type(owner).__name__ == "_COwned"
    # numpy's base chain ends at the C tensor's owner, not a bytes copy.
    base = arr
    while getattr(base, "base", None) is not None:
        base = base.base
    assert isinstance(base, memoryview) and base.obj is owner
