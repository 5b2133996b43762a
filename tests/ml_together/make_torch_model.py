"""Makes the torch model of the ml_together test: a traced Linear(4, 3)
(seeded) and, in torch_linear.txt, an input and the output libtorch gives:
    in  RANK DIMS... VALUES...
    out RANK DIMS... VALUES...

Usage: make_torch_model.py OUT_DIR   (Debian's /usr/bin/python3, which has
python3-torch)
"""

import os
import sys

import torch


def line(kind, t):
    return "%s %d %s %s\n" % (kind, t.dim(), " ".join(map(str, t.shape)),
                              " ".join(repr(v) for v in
                                       t.reshape(-1).tolist()))


def main(out):
    torch.manual_seed(7)
    model = torch.nn.Linear(4, 3).eval()
    x = torch.tensor([[0.5, -1.0, 2.0, 0.25], [-0.75, 1.5, 0.0, 3.0]])
    with torch.no_grad():
        traced = torch.jit.trace(model, x)
        y = traced(x)
    traced.save(os.path.join(out, "torch_linear.pt"))
    with open(os.path.join(out, "torch_linear.txt"), "w") as f:
        f.write(line("in", x) + line("out", y))


if __name__ == "__main__":
    main(sys.argv[1])
