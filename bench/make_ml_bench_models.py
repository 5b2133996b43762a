"""Makes the TensorFlow and LiteRT benchmark models (random weights, seeded;
nothing is downloaded).

  convnet  six 3x3 convolutions (32-512 channels, strides 2,1,2,1,2,2;
           about 1.4 GMAC) on a 1x224x224x3 image, global average pool,
           1000 classes: a direct run of over 5 ms on these machines
  tiny     one dense layer 16 -> 16 on a 1x16 input: the per-call overhead

Each is written as a SavedModel (M/, for TF_LoadSessionFromSavedModel) and
as its .tflite conversion (M.tflite, for LiteRT), with fixed shapes (the
tflite plugin wants them). M.nodes names the SavedModel's graph nodes, read
from its serving_default signature:
    in  NODE INDEX
    out NODE INDEX

Usage: make_ml_bench_models.py OUT_DIR   (the venv python of
scripts/ml_runtimes.sh, which has tensorflow-cpu)
"""

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.python.saved_model import loader_impl  # noqa: E402

# What tf.saved_model.save writes (no assets); bench/BUILD declares them.
FILES = ["saved_model.pb", "fingerprint.pb", "variables/variables.index",
         "variables/variables.data-00000-of-00001"]

rng = np.random.RandomState(11)


def weights(*shape):
    # He-style scale keeps activations finite through the layers.
    fan_in = np.prod(shape[:-1])
    return tf.Variable(
        (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(
            np.float32))


class ConvNet(tf.Module):
    def __init__(self):
        super().__init__()
        chans = [3, 32, 64, 128, 128, 256, 512]
        self.kernels = [weights(3, 3, a, b) for a, b in zip(chans, chans[1:])]
        self.biases = [weights(1, b) for b in chans[1:]]
        self.fc = weights(512, 1000)

    @tf.function(input_signature=[
        tf.TensorSpec([1, 224, 224, 3], tf.float32, name="image")])
    def serve(self, image):
        h = image
        for k, b, s in zip(self.kernels, self.biases,
                            [2, 1, 2, 1, 2, 2]):
            h = tf.nn.relu(tf.nn.conv2d(h, k, s, "SAME") + b[0])
        h = tf.reduce_mean(h, axis=[1, 2])
        return {"logits": tf.matmul(h, self.fc)}


class Tiny(tf.Module):
    def __init__(self):
        super().__init__()
        self.w, self.b = weights(16, 16), weights(1, 16)

    @tf.function(input_signature=[tf.TensorSpec([1, 16], tf.float32,
                                                name="x")])
    def serve(self, x):
        return {"y": tf.matmul(x, self.w) + self.b}


def save(out_dir, name, module):
    path = os.path.join(out_dir, name)
    tf.saved_model.save(module, path,
                        signatures={"serving_default": module.serve})
    found = sorted(os.path.relpath(os.path.join(r, f), path)
                   for r, _, fs in os.walk(path) for f in fs)
    if found != sorted(FILES):
        sys.exit("%s: unexpected files %s" % (name, found))
    sig = loader_impl.parse_saved_model(path).meta_graphs[0].signature_def[
        "serving_default"]
    if len(sig.inputs) != 1 or len(sig.outputs) != 1:
        sys.exit("%s: want one input and one output" % name)
    with open(os.path.join(out_dir, name + ".nodes"), "w") as f:
        for kind, side in (("in", sig.inputs), ("out", sig.outputs)):
            node, index = list(side.values())[0].name.rsplit(":", 1)
            f.write("%s %s %s\n" % (kind, node, index))
    conv = tf.lite.TFLiteConverter.from_saved_model(path)
    with open(os.path.join(out_dir, name + ".tflite"), "wb") as f:
        f.write(conv.convert())


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    save(out_dir, "convnet", ConvNet())
    save(out_dir, "tiny", Tiny())


if __name__ == "__main__":
    main(sys.argv[1])
