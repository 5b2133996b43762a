"""Per-call cost of Session.noop() and of torch_model_run on the digits
model from Python, next to the same calls from C (//bench:call_cost) run
in the same invocation. Not a test: it prints, it asserts nothing.

    bazel build //bench:call_cost //c/plugins/noop:libvaccel-noop.so \\
        //c/plugins/torch:libvaccel-torch.so //examples/models:digits_gen
    VACCEL_BAZEL_BIN=$(bazel info bazel-bin) python bindings/python/bench.py [CALLS]
"""

import os
import subprocess
import sys
import time

import numpy as np


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    b = os.environ["VACCEL_BAZEL_BIN"]
    plugins = [f"{b}/c/plugins/{p}/libvaccel-{p}.so" for p in ("noop", "torch")]
    model = f"{b}/examples/models/digits/digits.pt"
    tensor = f"{b}/examples/models/samples/digit_7.f32"
    c = subprocess.run([f"{b}/bench/call_cost", model, tensor, str(calls)],
                       env={**os.environ, "VACCEL_PLUGINS": ":".join(plugins)},
                       capture_output=True, text=True, check=True).stdout.split()
    c_noop, c_run = float(c[2]), float(c[5])

    import vaccel
    from vaccel.ops.torch import Tensor, TensorType

    for p in plugins:
        vaccel.load_plugin(p)
    with vaccel.Session() as s, vaccel.Resource(model, vaccel.ResourceType.MODEL) as m:
        m.register(s)
        t0 = time.perf_counter()
        for _ in range(calls * 100):
            s.noop()
        py_noop = (time.perf_counter() - t0) / (calls * 100) * 1e9
        x = Tensor([1, 1, 8, 8], TensorType.FLOAT, np.fromfile(tensor, np.float32))
        for _ in range(10):
            s.torch_model_run(m, [x])
        t0 = time.perf_counter()
        for _ in range(calls):
            s.torch_model_run(m, [x])
        py_run = (time.perf_counter() - t0) / calls * 1e6
        m.unregister(s)
    print(f"{'call':<22}{'C':>12}{'Python':>12}{'overhead':>12}")
    print(f"{'noop':<22}{c_noop:>9.0f} ns{py_noop:>9.0f} ns{py_noop - c_noop:>9.0f} ns")
    print(f"{'torch_model_run':<22}{c_run:>9.1f} us{py_run:>9.1f} us{py_run - c_run:>9.1f} us")


if __name__ == "__main__":
    main()
