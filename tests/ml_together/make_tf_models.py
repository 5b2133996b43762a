"""Makes the TensorFlow and LiteRT models of the ml_together test: one
dense layer (x[2,4] -> [2,3], seeded weights) saved as a
SavedModel (dense/), with its graph nodes in dense.nodes ("in NODE INDEX",
"out NODE INDEX", from the serving_default signature), and converted to
dense.tflite. dense.txt holds an input and TensorFlow's output:
    in  RANK DIMS... VALUES...
    out RANK DIMS... VALUES...
The script fails if Python LiteRT disagrees with TensorFlow on the
.tflite, so the C test checks both plugins against one expectation.

Usage: make_tf_models.py OUT_DIR   (the venv python of
scripts/ml_runtimes.sh)
"""

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ai_edge_litert.interpreter import Interpreter  # noqa: E402
from tensorflow.python.saved_model import loader_impl  # noqa: E402

FILES = ["saved_model.pb", "fingerprint.pb", "variables/variables.index",
         "variables/variables.data-00000-of-00001"]


class Dense(tf.Module):
    def __init__(self, rng):
        super().__init__()
        self.w = tf.Variable(rng.uniform(-1, 1, (4, 3)).astype(np.float32))
        self.b = tf.Variable(rng.uniform(-1, 1, (3,)).astype(np.float32))

    @tf.function(input_signature=[tf.TensorSpec([2, 4], tf.float32,
                                                name="x")])
    def serve(self, x):
        return {"y": tf.matmul(x, self.w) + self.b}


def line(kind, a):
    return "%s %d %s %s\n" % (kind, a.ndim, " ".join(map(str, a.shape)),
                              " ".join(repr(v) for v in
                                       a.reshape(-1).tolist()))


def main(out):
    m = Dense(np.random.RandomState(5))
    path = os.path.join(out, "dense")
    tf.saved_model.save(m, path, signatures={"serving_default": m.serve})
    found = sorted(os.path.relpath(os.path.join(r, f), path)
                   for r, _, fs in os.walk(path) for f in fs)
    if found != sorted(FILES):
        sys.exit("unexpected SavedModel files %s" % found)
    sig = loader_impl.parse_saved_model(path).meta_graphs[0].signature_def[
        "serving_default"]
    with open(os.path.join(out, "dense.nodes"), "w") as f:
        for kind, side in (("in", sig.inputs), ("out", sig.outputs)):
            node, index = list(side.values())[0].name.rsplit(":", 1)
            f.write("%s %s %s\n" % (kind, node, index))

    model = tf.lite.TFLiteConverter.from_saved_model(path).convert()
    with open(os.path.join(out, "dense.tflite"), "wb") as f:
        f.write(model)

    x = np.array([[0.5, -1.0, 2.0, 0.25], [-0.75, 1.5, 0.0, 3.0]],
                 np.float32)
    want = m.serve(x)["y"].numpy()
    got = Interpreter(model_content=model).get_signature_runner()(x=x)["y"]
    if not np.allclose(got, want, rtol=1e-5, atol=1e-6):
        sys.exit("LiteRT %s, TensorFlow %s" % (got, want))
    with open(os.path.join(out, "dense.txt"), "w") as f:
        f.write(line("in", x) + line("out", want))


if __name__ == "__main__":
    main(sys.argv[1])
