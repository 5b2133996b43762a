#!/usr/bin/env python3
"""Traces the benchmark's models with random weights (never downloaded).

  resnet18.pt  a ResNet-18-shaped network (BasicBlock x [2, 2, 2, 2],
               64-128-256-512 channels, 3x224x224 in, 1000 classes out),
               written here because torchvision is not installed
  tiny.pt      one Linear(16, 16) on a [1, 16] input: the per-call overhead

Usage: make_bench_models.py OUT_DIR   (runs under /usr/bin/python3, which has
Debian's python3-torch)
"""

import os
import sys

import torch
from torch import nn


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride, bias=False),
                nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        skip = x if self.down is None else self.down(x)
        return torch.relu(y + skip)


class ResNet18(nn.Module):
    def __init__(self, classes=1000):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64),
            nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        layers, cin = [], 64
        for cout, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            layers += [BasicBlock(cin, cout, stride),
                       BasicBlock(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = self.pool(self.layers(self.stem(x)))
        return self.fc(torch.flatten(x, 1))


def save(model, example, path):
    model.eval()
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
    torch.jit.save(traced, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(11)
    # Batch 1 when tracing: a traced ResNet still accepts any batch size.
    save(ResNet18(), torch.randn(1, 3, 224, 224),
         os.path.join(out, "resnet18.pt"))
    save(nn.Linear(16, 16), torch.randn(1, 16), os.path.join(out, "tiny.pt"))


if __name__ == "__main__":
    main()
