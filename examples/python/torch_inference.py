"""Run the digits TorchScript model on input tensors (64 float32 each) and
print each output's argmax; numpy in, numpy out, no copies of the input.

    python torch_inference.py MODEL.pt TENSOR.f32...
"""

import sys
from pathlib import Path

import numpy as np

from vaccel import Resource, ResourceType, Session
from vaccel.ops.torch import Tensor


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    with Session() as session, Resource(argv[1], ResourceType.MODEL) as model:
        model.register(session)
        session.torch_model_load(model)
        for path in argv[2:]:
            x = np.fromfile(path, dtype=np.float32).reshape(1, 1, 8, 8)
            (out,) = session.torch_model_run(model, [Tensor.from_numpy(x)])
            print(f"{Path(path).name}: argmax {int(out.numpy().argmax())}")
        model.unregister(session)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
