"""Threads run torch_model_run in parallel (the GIL is released around
every op), and 10,000 calls leak nothing (RSS and tracemalloc)."""

import os
import threading
import time
import tracemalloc

import numpy as np
import pytest
from conftest import sample

from vaccel import Resource, ResourceType, Session
from vaccel.ops.torch import Tensor, TensorType

CALLS = 64


@pytest.fixture
def torch_model(vaccel_mod, digits):
    with Session() as s, Resource(os.path.join(digits, "digits.pt"), ResourceType.MODEL) as m:
        m.register(s)
        s.torch_model_load(m)
        yield s, m
        m.unregister(s)


def _inputs():
    return [(k, Tensor([1, 1, 8, 8], TensorType.FLOAT, np.fromfile(sample(k), np.float32)))
            for k in range(10)]


def test_threads_faster_than_one(torch_model):
    s, m = torch_model
    inputs = _inputs()
    errors = []

    def work(n):
        for i in range(n):
            k, t = inputs[i % 10]
            (out,) = s.torch_model_run(m, [t])
            if int(np.argmax(out.numpy())) != k:
                errors.append((k, out.numpy()))

    t0 = time.perf_counter()
    work(8 * CALLS)
    one = time.perf_counter() - t0
    threads = [threading.Thread(target=work, args=(CALLS,)) for _ in range(8)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    eight = time.perf_counter() - t0
    print(f"\ntorch_model_run x{8 * CALLS}: 1 thread {one:.3f}s, 8 threads {eight:.3f}s "
          f"(speed-up {one / eight:.2f}x on {os.cpu_count()} CPUs)")
    assert not errors


def _rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_no_leak_10000_calls(torch_model):
    s, m = torch_model
    (k, t), = _inputs()[:1]
    a = [1.0, 4, 2, 5, 3, 6]
    b = [7.0, 9, 11, 8, 10, 12]

    def batch(n):
        for _ in range(n):
            s.noop()
            s.sgemm(2, 2, 3, 1.0, a, 2, b, 3, 0.0, 2)
            s.torch_model_run(m, [t])

    batch(500)  # warm up caches and allocator pools
    tracemalloc.start()
    rss0 = _rss_kb()
    snap0 = tracemalloc.take_snapshot()
    batch(10000)
    snap1 = tracemalloc.take_snapshot()
    rss1 = _rss_kb()
    tracemalloc.stop()
    grown = sum(st.size_diff for st in snap1.compare_to(snap0, "filename"))
    print(f"\n10000 x (noop, sgemm, torch_model_run): RSS {rss0} -> {rss1} kB, "
          f"tracemalloc {grown:+d} bytes")
    assert grown < 64 * 1024
    assert rss1 - rss0 < 4 * 1024  # a leak of even 1 byte per call shows as > 10 kB x3
