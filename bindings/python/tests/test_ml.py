"""tflite and tf model runs against the outputs LiteRT/TensorFlow computed
when the test models were made (tests/tflite, tests/tf make_models.py)."""

import os

import numpy as np
from conftest import path

from vaccel import Resource, ResourceType
from vaccel.ops import tf
from vaccel.ops.tf import lite

NP = {1: np.float32, 2: np.int32, 3: np.uint8, 9: np.int8}


def _tflite_case(name):
    ins, outs = [], []
    with open(path(f"tests/tflite/{name}.txt")) as f:
        for line in f:
            w = line.split()
            if w[0] not in ("in", "out"):
                continue
            dtype, rank = int(w[2]), int(w[3])
            dims = [int(x) for x in w[4:4 + rank]]
            vals = np.array([float(x) for x in w[5 + rank:]]).astype(NP[dtype]).reshape(dims)
            (ins if w[0] == "in" else outs).append((dtype, vals))
    return ins, outs


def test_tflite_model_run(session):
    for case in ("dense_b4", "conv_b1_16x16", "int32_b6", "int8_b2"):
        ins, outs = _tflite_case(case)
        with Resource(path(f"tests/tflite/{case}.tflite"), ResourceType.MODEL) as m:
            m.register(session)
            session.tflite_model_load(m)
            tensors = [lite.Tensor.from_numpy(v) for _, v in ins]
            got, status = session.tflite_model_run(m, tensors, nr_out_tensors=len(outs))
            assert status == 0
            assert len(got) == len(outs)
            for g, (dtype, want) in zip(got, outs):
                assert int(g.data_type) == dtype
                assert g.dims == list(want.shape)
                np.testing.assert_allclose(g.numpy(), want, rtol=1e-5, atol=1e-5)
            session.tflite_model_unload(m)
            m.unregister(session)


def _tf_case(name):
    model, ins, outs = None, [], []
    with open(path(f"tests/tf/{name}.txt")) as f:
        for line in f:
            w = line.split()
            if w[0] == "model":
                model = w[1]
                continue
            _key, node, index, dtype, rank = w[1], w[2], int(w[3]), int(w[4]), int(w[5])
            dims = [int(x) for x in w[6:6 + rank]]
            raw = bytes.fromhex(w[6 + rank]) if len(w) > 6 + rank else b""
            (ins if w[0] == "in" else outs).append((tf.Node(node, index), dtype, dims, raw))
    return model, ins, outs


def test_tf_model_run(session):
    cases = sorted(f[:-4] for f in os.listdir(path("tests/tf"))
                   if f.endswith(".txt") and f != "example_scores.txt")
    assert cases
    for case in cases[:3]:
        model, ins, outs = _tf_case(case)
        with Resource(path(f"tests/tf/{model}"), ResourceType.MODEL) as m:
            m.register(session)
            st = session.tf_model_load(m)
            assert st.code == 0, st
            got, st = session.tf_model_run(
                m, [n for n, *_ in ins], [tf.Tensor(d, t, raw) for _, t, d, raw in ins],
                [n for n, *_ in outs])
            assert st.code == 0, st
            for g, (_n, dtype, dims, raw) in zip(got, outs):
                assert int(g.data_type) == dtype and g.dims == dims
                if dtype == 1:
                    np.testing.assert_allclose(np.frombuffer(g.to_bytes(), np.float32),
                                               np.frombuffer(raw, np.float32), rtol=1e-5)
                else:
                    assert g.to_bytes() == raw
            assert session.tf_model_unload(m).code == 0
            m.unregister(session)
