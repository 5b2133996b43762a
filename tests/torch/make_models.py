#!/usr/bin/python3
"""Makes the torch plugin's test models and their expected outputs.

Run at build time by a genrule under Debian's /usr/bin/python3 (which has
python3-torch): python3 make_models.py OUTDIR. Writes

  OUTDIR/<model>.pt      TorchScript models (traced or scripted): mlp,
                         conv, multi, nested, scalars, dtypes, affine,
                         strout, complex, half_mlp
  OUTDIR/tensors.bin     every input and expected output, back to back,
                         raw little-endian, contiguous
  OUTDIR/manifest.txt    one block per case:
                           case <name> <model file>
                           in  <DTYPE> <nr_dims> <dims...> <offset> <nbytes>
                           out <DTYPE> <nr_dims> <dims...> <offset> <nbytes>
                           end
                         DTYPE is the VACCEL_TORCH_* suffix (FLOAT, ...).

Expected outputs come from the saved model loaded back with torch.jit.load,
so the test compares libtorch through vaccel with libtorch from Python on
the very same file. Outputs are listed flattened the way the plugin
flattens them: tuples and lists in order, numbers as 0-dim tensors.
"""

import os
import sys
from typing import List, Tuple

import torch

DTYPES = {
    torch.uint8: "BYTE",
    torch.int8: "CHAR",
    torch.int16: "SHORT",
    torch.int32: "INT",
    torch.int64: "LONG",
    torch.float16: "HALF",
    torch.float32: "FLOAT",
    torch.float64: "DOUBLE",
    torch.bool: "BOOL",
    torch.bfloat16: "BFLOAT16",
}


class Mlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))

    def forward(self, x):
        return self.net(x)


class Conv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, 3)
        self.bn = torch.nn.BatchNorm2d(4)
        self.fc = torch.nn.Linear(4, 10)

    def forward(self, x):
        y = torch.relu(self.bn(self.conv(x)))
        y = torch.nn.functional.adaptive_avg_pool2d(y, 1).flatten(1)
        return torch.softmax(self.fc(y), dim=1)


class Multi(torch.nn.Module):
    """Three inputs of three dtypes, a tuple of three outputs."""

    def forward(self, a: torch.Tensor, b: torch.Tensor, c: torch.Tensor):
        return a * 2.0 + 1.0, (a.double() * b).sum(1), c * c + 1


class Nested(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> Tuple[
            torch.Tensor, List[torch.Tensor],
            Tuple[torch.Tensor, Tuple[torch.Tensor, torch.Tensor]]]:
        return x, [x + 1, x * 2], (x.sum(), (x.max(), x.argmax()))


class Scalars(torch.nn.Module):
    """Numbers among the outputs: ints, floats, bools, a list of ints."""

    def forward(self, x: torch.Tensor) -> Tuple[
            torch.Tensor, int, float, bool, List[int]]:
        return (x.sum(), x.numel(), float(x.mean()), bool(x.max() > 0),
                [x.shape[0], x.shape[1]])


class Dtypes(torch.nn.Module):
    """One input and one output of every vaccel torch dtype."""

    def forward(self, u8, i8, i16, i32, i64, f16, f32, f64, b, bf16):
        return (u8 + 3, i8 * -1, i16 * 3, i32 - 7, i64 * 2,
                f16 * 0.5 + 1, f32.sqrt(), f64.exp(), torch.logical_not(b),
                bf16 * 2)


class Affine(torch.nn.Module):
    """y = 2x + 1: the thread test computes the expected values itself."""

    def forward(self, x):
        return x * 2 + 1


class StrOut(torch.nn.Module):
    """A string among the outputs: no tensor can carry it."""

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, str]:
        return x, "text"


class Complex(torch.nn.Module):
    """A complex output: no vaccel dtype for it."""

    def forward(self, x):
        return torch.view_as_complex(x)


def tensor_bytes(t):
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)  # numpy has no bfloat16
    return t.numpy().tobytes()


class Writer:
    def __init__(self, outdir):
        self.outdir = outdir
        self.manifest = []
        self.data = bytearray()

    def tensor(self, kind, t):
        raw = tensor_bytes(t)
        dims = " ".join(str(d) for d in t.shape)
        head = f"{kind} {DTYPES[t.dtype]} {t.dim()}"
        self.manifest.append(
            f"{head}{' ' + dims if dims else ''} {len(self.data)} {len(raw)}")
        self.data += raw

    def case(self, name, model_file, inputs):
        model = torch.jit.load(os.path.join(self.outdir, model_file))
        with torch.no_grad():
            outputs = flatten(model(*inputs))
        self.manifest.append(f"case {name} {model_file}")
        for t in inputs:
            self.tensor("in", t)
        for t in outputs:
            self.tensor("out", t)
        self.manifest.append("end")

    def finish(self):
        with open(os.path.join(self.outdir, "tensors.bin"), "wb") as f:
            f.write(self.data)
        with open(os.path.join(self.outdir, "manifest.txt"), "w") as f:
            f.write("\n".join(self.manifest) + "\n")


def flatten(v):
    """The plugin's flattening: tuples/lists in order, numbers as 0-dim."""
    if isinstance(v, torch.Tensor):
        return [v]
    if isinstance(v, (tuple, list)):
        return [t for e in v for t in flatten(e)]
    if isinstance(v, bool):
        return [torch.tensor(v, dtype=torch.bool)]
    if isinstance(v, int):
        return [torch.tensor(v, dtype=torch.int64)]
    if isinstance(v, float):
        return [torch.tensor(v, dtype=torch.float64)]
    raise TypeError(type(v))


def save(outdir, name, module, example=None):
    module.eval()
    if example is None:
        m = torch.jit.script(module)
    else:
        with torch.no_grad():
            m = torch.jit.trace(module, example)
    m.save(os.path.join(outdir, name))


def dtype_inputs():
    g = torch.Generator().manual_seed(7)

    def ints(lo, hi, shape, dtype):
        return torch.randint(lo, hi, shape, generator=g, dtype=dtype)

    return [
        ints(0, 256, (4,), torch.uint8),  # 255 + 3 wraps around
        ints(-100, 100, (2, 3), torch.int8),
        ints(-1000, 1000, (3, 1, 2), torch.int16),
        # One element, not 0-dim: applications cannot build 0-dim tensors.
        torch.tensor([123456], dtype=torch.int32),
        ints(-2**40, 2**40, (5,), torch.int64),
        torch.randn(2, 2, generator=g).half(),
        torch.rand(3, 4, generator=g),
        torch.randn(2, generator=g, dtype=torch.float64),
        ints(0, 2, (6,), torch.bool),
        torch.randn(1, 3, generator=g).bfloat16(),
    ]


def main():
    outdir = sys.argv[1]
    torch.manual_seed(0)
    os.makedirs(outdir, exist_ok=True)
    conv = Conv()
    # Non-trivial running statistics, so that eval mode matters.
    conv.bn.running_mean.uniform_(-0.5, 0.5)
    conv.bn.running_var.uniform_(0.5, 2.0)
    save(outdir, "mlp.pt", Mlp(), torch.randn(2, 4))
    save(outdir, "conv.pt", conv, torch.randn(1, 1, 8, 8))
    save(outdir, "multi.pt", Multi())
    save(outdir, "nested.pt", Nested())
    save(outdir, "scalars.pt", Scalars())
    save(outdir, "dtypes.pt", Dtypes())
    save(outdir, "affine.pt", Affine())
    save(outdir, "strout.pt", StrOut())
    save(outdir, "complex.pt", Complex())
    # Half weights: libtorch 1.13 has no float16 addmm on the cpu.
    save(outdir, "half_mlp.pt", Mlp().half())

    w = Writer(outdir)
    w.case("mlp_b1", "mlp.pt", [torch.randn(1, 4)])
    w.case("mlp_b16", "mlp.pt", [torch.randn(16, 4)])
    w.case("conv_b1", "conv.pt", [torch.randn(1, 1, 8, 8)])
    w.case("conv_b3", "conv.pt", [torch.randn(3, 1, 8, 8)])
    w.case("conv_b2_12x10", "conv.pt", [torch.randn(2, 1, 12, 10)])
    for n in (2, 7):
        w.case(f"multi_b{n}", "multi.pt", [
            torch.randn(n, 3),
            torch.randn(n, 3, dtype=torch.float64),
            torch.randint(-1000, 1000, (n,)),
        ])
    w.case("nested", "nested.pt", [torch.randn(2, 3)])
    w.case("scalars", "scalars.pt", [torch.randn(3, 5)])
    w.case("dtypes", "dtypes.pt", dtype_inputs())
    w.finish()


if __name__ == "__main__":
    main()
