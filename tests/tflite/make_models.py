"""Makes the tflite tests' models and their expected outputs.

Run by a genrule with the Python of scripts/ml_runtimes.sh's venv
(tensorflow-cpu and ai-edge-litert): each model is a tf.function with fixed
weights (seeded), converted with tf.lite.TFLiteConverter, one fixed-shape
model per batch size/shape. Expected outputs come from Python LiteRT's
interpreter on the .tflite and from TensorFlow on the tf.function; this
script fails if the two disagree, so the C test comparing against them
checks both.

For each case NAME it writes NAME.tflite and NAME.txt:
    in  NAME DTYPE RANK DIMS... COUNT VALUES...
    out NAME DTYPE RANK DIMS... COUNT VALUES...   (LiteRT's result)
    tf  NAME COUNT VALUES...                      (TensorFlow's; floats)
DTYPE is vaccel's tflite enum (TfLiteType). Inputs and outputs are listed
in the order of the model's signature as LiteRT's C API reports it (which
is how vaccel_tflite_model_run takes and returns them).
"""

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ai_edge_litert.compiled_model import CompiledModel  # noqa: E402
from ai_edge_litert.interpreter import Interpreter  # noqa: E402

DTYPES = {np.float32: 1, np.int32: 2, np.uint8: 3, np.int8: 9}
rng = np.random.RandomState(1234)


def weights(*shape):
    return tf.constant(rng.uniform(-1, 1, shape).astype(np.float32))


# ---- models: a tf.function per (kind, shape) ---------------------------


def dense(batch):
    """Two inputs, two outputs: a small MLP and a residual sum."""
    w1, b1, w2 = weights(7, 8), weights(8), weights(8, 2)

    @tf.function(input_signature=[
        tf.TensorSpec([batch, 4], tf.float32, name="x"),
        tf.TensorSpec([batch, 3], tf.float32, name="y"),
    ])
    def f(x, y):
        h = tf.nn.relu(tf.matmul(tf.concat([x, y], 1), w1) + b1)
        return {"logits": tf.matmul(h, w2),
                "total": tf.reduce_sum(x, 1, keepdims=True) * 2.0}

    return f


def conv(batch, height, width):
    """Images in, class scores out."""
    k1, k2, w = weights(3, 3, 3, 4), weights(3, 3, 4, 8), weights(8, 5)

    @tf.function(input_signature=[
        tf.TensorSpec([batch, height, width, 3], tf.float32, name="image")
    ])
    def f(image):
        h = tf.nn.relu(tf.nn.conv2d(image, k1, 1, "SAME"))
        h = tf.nn.max_pool2d(h, 2, 2, "VALID")
        h = tf.nn.relu(tf.nn.conv2d(h, k2, 1, "SAME"))
        h = tf.reduce_mean(h, axis=[1, 2])
        return {"scores": tf.nn.softmax(tf.matmul(h, w))}

    return f


def int32_ops(batch):
    """Integer arithmetic: exact results expected."""

    @tf.function(input_signature=[
        tf.TensorSpec([batch, 5], tf.int32, name="a"),
        tf.TensorSpec([batch, 5], tf.int32, name="b"),
    ])
    def f(a, b):
        return {"mul_add": a * b + 3, "max": tf.maximum(a, b) - a}

    return f


def convert(fn, quantize_int8=None):
    # With the module that holds the function, the model gets a signature.
    module = tf.Module()
    module.f = fn
    conv_ = tf.lite.TFLiteConverter.from_concrete_functions(
        [fn.get_concrete_function()], module)
    if quantize_int8 is not None:
        conv_.optimizations = [tf.lite.Optimize.DEFAULT]
        conv_.representative_dataset = quantize_int8
        conv_.target_spec.supported_ops = [
            tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        conv_.inference_input_type = tf.int8
        conv_.inference_output_type = tf.int8
    return conv_.convert()


# ---- running and writing -----------------------------------------------


def signature_order(model):
    sig = CompiledModel.from_buffer(model).get_signature_by_index(0)
    return sig["inputs"], sig["outputs"]


def litert_run(model, feeds):
    interp = Interpreter(model_content=model)
    return interp.get_signature_runner()(**feeds)


def line(kind, name, arr):
    vals = " ".join(repr(v) for v in arr.reshape(-1).tolist())
    dims = " ".join(str(d) for d in arr.shape)
    return "%s %s %d %d %s %d %s\n" % (kind, name, DTYPES[arr.dtype.type],
                                       arr.ndim, dims, arr.size, vals)


def write_case(out_dir, case, model, feeds, tf_out, tol):
    ins, outs = signature_order(model)
    got = litert_run(model, feeds)
    with open(os.path.join(out_dir, case + ".tflite"), "wb") as f:
        f.write(model)
    with open(os.path.join(out_dir, case + ".txt"), "w") as f:
        for n in ins:
            f.write(line("in", n, feeds[n]))
        for n in outs:
            f.write(line("out", n, got[n]))
            if tf_out is None:
                continue
            want = np.asarray(tf_out[n])
            if not np.allclose(got[n].astype(np.float64), want, atol=tol,
                               rtol=tol):
                sys.exit("%s: LiteRT and TensorFlow disagree on %s" %
                         (case, n))
            f.write("tf %s %d %s\n" % (n, want.size, " ".join(
                repr(v) for v in want.reshape(-1).tolist())))


def example_image(height, width):
    """The synthetic image of examples/tflite_inference.c."""
    y, x, c = np.meshgrid(np.arange(height), np.arange(width), np.arange(3),
                          indexing="ij")
    return (((y * width + x) * 3 + c) % 17 / 16.0).astype(np.float32)[None]


def main(out_dir):
    for b in (1, 4):
        fn = dense(b)
        feeds = {"x": rng.uniform(-2, 2, (b, 4)).astype(np.float32),
                 "y": rng.uniform(-2, 2, (b, 3)).astype(np.float32)}
        write_case(out_dir, "dense_b%d" % b, convert(fn), feeds,
                   fn(**feeds), 1e-5)
    for b, h, w in ((1, 16, 16), (2, 24, 32)):
        fn = conv(b, h, w)
        feeds = {"image": rng.uniform(0, 1, (b, h, w, 3)).astype(
            np.float32)}
        model = convert(fn)
        write_case(out_dir, "conv_b%d_%dx%d" % (b, h, w), model, feeds,
                   fn(**feeds), 1e-5)
        if b == 1:
            # What examples/tflite_inference.c must print for this model.
            got = litert_run(model, {"image": example_image(h, w)})
            with open(os.path.join(out_dir, "example_scores.txt"), "w") as f:
                f.write(" ".join("%.6f" % v for v in got["scores"][0]) + "\n")
    for b in (1, 6):
        fn = int32_ops(b)
        feeds = {k: rng.randint(-1000, 1000, (b, 5)).astype(np.int32)
                 for k in ("a", "b")}
        write_case(out_dir, "int32_b%d" % b, convert(fn), feeds,
                   fn(**feeds), 0)

    # Full int8 quantization of the dense model: int8 in and out. LiteRT's
    # own result is the expectation (TensorFlow has no int8 kernel for
    # it); the dequantized output is checked against TensorFlow's float
    # result loosely here.
    fn = dense(2)

    def rep():
        for _ in range(32):
            yield [rng.uniform(-2, 2, (2, 4)).astype(np.float32),
                   rng.uniform(-2, 2, (2, 3)).astype(np.float32)]

    model = convert(fn, rep)
    runner = Interpreter(model_content=model).get_signature_runner()
    # Inside the calibrated range, so nothing saturates.
    fx = rng.uniform(-1, 1, (2, 4)).astype(np.float32)
    fy = rng.uniform(-1, 1, (2, 3)).astype(np.float32)
    feeds = {}
    for n, v in (("x", fx), ("y", fy)):
        scale, zero = runner.get_input_details()[n]["quantization"]
        feeds[n] = np.clip(np.round(v / scale) + zero, -128,
                           127).astype(np.int8)
    write_case(out_dir, "int8_b2", model, feeds, None, 0)
    q = runner(**feeds)
    want = fn(x=fx, y=fy)
    for n, d in runner.get_output_details().items():
        scale, zero = d["quantization"]
        deq = (q[n].astype(np.float32) - zero) * scale
        if not np.allclose(deq, want[n], atol=0.25, rtol=0.1):
            sys.exit("int8_b2: quantized %s: %s, TensorFlow: %s" %
                     (n, deq, want[n]))


if __name__ == "__main__":
    main(sys.argv[1])
