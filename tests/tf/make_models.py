"""Makes the tf tests' SavedModels and their expected outputs.

Run by a genrule with the Python of scripts/ml_runtimes.sh's venv
(tensorflow-cpu): each model is a tf.Module with seeded weights and one
tf.function signature, "serving_default", whose batch dimension is None so
one model serves several batch sizes (and the conv model several image
sizes). Expected outputs are TensorFlow's, computed here on the module; the
script also runs the saved signature and fails if the two disagree.

For each model M it writes the SavedModel M/ (the four files of FILES) and
M.nodes, the graph node names read from the saved signature as
saved_model_cli shows them:
    in  KEY NODE INDEX DTYPE         (serving_default_x:0 -> NODE INDEX)
    out KEY NODE INDEX DTYPE
For each case C (a model and a batch) it writes C.txt:
    model M
    in  KEY NODE INDEX DTYPE RANK DIMS... HEX
    out KEY NODE INDEX DTYPE RANK DIMS... HEX
DTYPE is TF_DataType (vaccel's tf enum), HEX the tensor's bytes.
"""

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.python.saved_model import loader_impl  # noqa: E402

# What tf.saved_model.save writes for these models (no assets); the BUILD
# file declares them as the genrule's outputs.
FILES = ["saved_model.pb", "fingerprint.pb", "variables/variables.index",
         "variables/variables.data-00000-of-00001"]

rng = np.random.RandomState(4321)


def weights(*shape):
    return tf.Variable(rng.uniform(-1, 1, shape).astype(np.float32))


class Dense(tf.Module):
    """Two inputs, two outputs: a small MLP and a scaled sum."""

    def __init__(self):
        super().__init__()
        self.w1, self.b1, self.w2 = weights(7, 8), weights(8), weights(8, 2)

    @tf.function(input_signature=[
        tf.TensorSpec([None, 4], tf.float32, name="x"),
        tf.TensorSpec([None, 3], tf.float32, name="y"),
    ])
    def serve(self, x, y):
        h = tf.nn.relu(tf.matmul(tf.concat([x, y], 1), self.w1) + self.b1)
        return {"logits": tf.matmul(h, self.w2),
                "total": tf.reduce_sum(x, 1, keepdims=True) * 2.0}


class Conv(tf.Module):
    """Images of any size in, class scores out."""

    def __init__(self):
        super().__init__()
        self.k1, self.k2 = weights(3, 3, 3, 4), weights(3, 3, 4, 8)
        self.w = weights(8, 5)

    @tf.function(input_signature=[
        tf.TensorSpec([None, None, None, 3], tf.float32, name="image")
    ])
    def serve(self, image):
        h = tf.nn.relu(tf.nn.conv2d(image, self.k1, 1, "SAME"))
        h = tf.nn.max_pool2d(h, 2, 2, "VALID")
        h = tf.nn.relu(tf.nn.conv2d(h, self.k2, 1, "SAME"))
        h = tf.reduce_mean(h, axis=[1, 2])
        return {"scores": tf.nn.softmax(tf.matmul(h, self.w))}


class Integer(tf.Module):
    """Integer arithmetic (exact results) with int32, int64 and bool
    outputs."""

    def __init__(self):
        super().__init__()
        self.offset = tf.Variable(3, dtype=tf.int32)

    @tf.function(input_signature=[
        tf.TensorSpec([None, 5], tf.int32, name="a"),
        tf.TensorSpec([None, 5], tf.int32, name="b"),
    ])
    def serve(self, a, b):
        return {"mul_add": a * b + self.offset,
                "wide": tf.cast(a, tf.int64) * 1000003,
                "greater": a > b}


# Every fixed-size dtype the plugin carries, each passed through an op.
DTYPES = [tf.float64, tf.float16, tf.bfloat16, tf.int8, tf.int16, tf.int64,
          tf.uint8, tf.uint16, tf.uint32, tf.uint64, tf.complex64,
          tf.complex128, tf.bool]


class Dtypes(tf.Module):
    """One input and one output per dtype: reversed along the last axis."""

    def __init__(self):
        super().__init__()
        self.unused = tf.Variable(1.0)  # every model has a variables/ dir

    @tf.function(input_signature=[
        tf.TensorSpec([None, 3], d, name=d.name) for d in DTYPES
    ])
    def serve(self, *xs):
        return {"r_" + d.name: tf.reverse(x, [1]) for d, x in zip(DTYPES, xs)}


def random_of(dtype, shape):
    if dtype == tf.bool:
        return rng.randint(0, 2, shape).astype(bool)
    if dtype.is_complex:
        return (rng.uniform(-9, 9, shape) +
                1j * rng.uniform(-9, 9, shape)).astype(dtype.as_numpy_dtype)
    if dtype.is_floating:
        # Multiples of 1/4 are exact in every float type.
        return (rng.randint(-40, 40, shape) / 4.0).astype(
            dtype.as_numpy_dtype)
    lo, hi = max(dtype.min, -1000), min(dtype.max, 1000)
    return rng.randint(lo, hi + 1, shape).astype(dtype.as_numpy_dtype)


# ---- writing --------------------------------------------------------------


def node(tensor_name):
    name, index = tensor_name.rsplit(":", 1)
    return name, int(index)


def signature(out_dir, model):
    """(key, node, index, dtype) of inputs and outputs, as saved."""
    sm = loader_impl.parse_saved_model(os.path.join(out_dir, model))
    sig = sm.meta_graphs[0].signature_def["serving_default"]

    def read(side):
        return [(k,) + node(v.name) + (v.dtype,)
                for k, v in sorted(side.items())]

    return read(sig.inputs), read(sig.outputs)


def tensor_line(kind, key, nd, arr):
    dtype = tf.as_dtype(arr.dtype).as_datatype_enum
    dims = " ".join(str(d) for d in arr.shape)
    return "%s %s %s %d %d %d %s %s\n" % (kind, key, nd[0], nd[1], dtype,
                                          arr.ndim, dims,
                                          arr.tobytes().hex() or "-")


def save(out_dir, name, module):
    path = os.path.join(out_dir, name)
    tf.saved_model.save(module, path,
                        signatures={"serving_default": module.serve})
    found = sorted(os.path.relpath(os.path.join(r, f), path)
                   for r, _, fs in os.walk(path) for f in fs)
    if found != sorted(FILES):
        sys.exit("%s: unexpected files %s" % (name, found))
    ins, outs = signature(out_dir, name)
    with open(os.path.join(out_dir, name + ".nodes"), "w") as f:
        for kind, side in (("in", ins), ("out", outs)):
            for key, nd, idx, dt in side:
                f.write("%s %s %s %d %d\n" % (kind, key, nd, idx, dt))
    return ins, outs, tf.saved_model.load(path).signatures["serving_default"]


def write_case(out_dir, case, model, sig, feeds, want):
    ins, outs, loaded = sig
    again = loaded(**{k: tf.constant(v) for k, v in feeds.items()})
    with open(os.path.join(out_dir, case + ".txt"), "w") as f:
        f.write("model %s\n" % model)
        for key, nd, idx, _ in ins:
            f.write(tensor_line("in", key, (nd, idx), feeds[key]))
        for key, nd, idx, _ in outs:
            w, a = np.asarray(want[key]), np.asarray(again[key])
            if (not np.allclose(a, w, rtol=1e-6, atol=1e-6)
                    if w.dtype in (np.float32, np.float64)
                    else a.tobytes() != w.tobytes()):
                sys.exit("%s: the saved model disagrees on %s" % (case, key))
            f.write(tensor_line("out", key, (nd, idx), w))


def example_image(height, width):
    """The synthetic image of examples/tf_inference.c."""
    i = np.arange(height * width * 3)
    return ((i % 17) / 16.0).astype(np.float32).reshape(1, height, width, 3)


def main(out_dir):
    m = Dense()
    sig = save(out_dir, "dense", m)
    for b in (1, 4, 7):
        feeds = {"x": rng.uniform(-2, 2, (b, 4)).astype(np.float32),
                 "y": rng.uniform(-2, 2, (b, 3)).astype(np.float32)}
        write_case(out_dir, "dense_b%d" % b, "dense", sig, feeds,
                   m.serve(**feeds))

    m = Conv()
    sig = save(out_dir, "conv", m)
    for b, h, w in ((1, 16, 16), (2, 24, 32), (3, 8, 12)):
        feeds = {"image": rng.uniform(0, 1, (b, h, w, 3)).astype(np.float32)}
        write_case(out_dir, "conv_b%d_%dx%d" % (b, h, w), "conv", sig, feeds,
                   m.serve(**feeds))
    # What examples/tf_inference.c must print.
    got = m.serve(image=example_image(16, 16))["scores"].numpy()[0]
    with open(os.path.join(out_dir, "example_scores.txt"), "w") as f:
        f.write(" ".join("%.6f" % v for v in got) + "\n")

    m = Integer()
    sig = save(out_dir, "integer", m)
    for b in (1, 6):
        feeds = {k: rng.randint(-1000, 1000, (b, 5)).astype(np.int32)
                 for k in ("a", "b")}
        write_case(out_dir, "integer_b%d" % b, "integer", sig, feeds,
                   m.serve(**feeds))

    m = Dtypes()
    sig = save(out_dir, "dtypes", m)
    feeds = {d.name: random_of(d, (2, 3)) for d in DTYPES}
    write_case(out_dir, "dtypes_b2", "dtypes", sig, feeds,
               m.serve(*[feeds[d.name] for d in DTYPES]))


if __name__ == "__main__":
    main(sys.argv[1])
