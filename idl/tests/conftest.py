"""Shared setup for the IDL generator tests.

The generator is a set of plain modules in idl/gen (no package); put that
directory on sys.path so the tests import them exactly as vaccelgen.py does.
"""

import os
import sys

import pytest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(TESTS_DIR))
GEN_DIR = os.path.join(ROOT, "idl", "gen")
VACCELGEN = os.path.join(GEN_DIR, "vaccelgen.py")

if GEN_DIR not in sys.path:
    sys.path.insert(0, GEN_DIR)


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def vaccelgen():
    return VACCELGEN
