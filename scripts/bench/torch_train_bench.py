#!/usr/bin/env python3
"""One training epoch of smallcnn or resnet18 in plain PyTorch, for comparison with TrainBench.

Usage: /usr/bin/python3 torch_train_bench.py [model=smallcnn] [items=512] [size=128] [batch=32] [threads=2] [classes=5]

Same networks (smallcnn: four conv blocks 16/32/64/128, (8,4) kernels, padding='same', batch
norm, ReLU, 2x2 max pooling, dense 200 and 100; resnet18: torchvision's with a 1-channel conv1),
same random data sizes, cross-entropy, Adam lr 1e-4, two warm-up steps, then one timed epoch.
"""
import sys
import time

import torch
import torch.nn as nn
import torchvision


class SmallCnn(nn.Module):
    def __init__(self, size, classes):
        super().__init__()
        chans = [1, 16, 32, 64, 128]
        for b in range(4):
            setattr(self, "conv%d" % (b + 1), nn.Sequential(
                nn.Conv2d(chans[b], chans[b + 1], (8, 4), padding="same"), nn.BatchNorm2d(chans[b + 1]),
                nn.ReLU(), nn.MaxPool2d(2)))
        s = size // 16
        self.fc1 = nn.Linear(128 * s * s, 200)
        self.fc2 = nn.Linear(200, 100)
        self.fc = nn.Linear(100, classes)

    def forward(self, x):
        for b in range(4):
            x = getattr(self, "conv%d" % (b + 1))(x)
        x = torch.flatten(x, 1)
        return self.fc(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def main(argv):
    model = argv[1] if len(argv) > 1 else "smallcnn"
    items = int(argv[2]) if len(argv) > 2 else 512
    size = int(argv[3]) if len(argv) > 3 else 128
    batch = int(argv[4]) if len(argv) > 4 else 32
    threads = int(argv[5]) if len(argv) > 5 else 2
    classes = int(argv[6]) if len(argv) > 6 else 5
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    if model == "smallcnn":
        net = SmallCnn(size, classes)
    else:
        net = getattr(torchvision.models, model)(num_classes=classes)
        net.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    net.train()
    x = torch.randn(items, 1, size, size)
    y = torch.randint(0, classes, (items,))
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    loss_fn = nn.CrossEntropyLoss()

    def step(a, n):
        opt.zero_grad()
        loss = loss_fn(net(x[a:a + n]), y[a:a + n])
        loss.backward()
        opt.step()

    step(0, batch)
    step(batch, batch)
    t0 = time.perf_counter()
    steps = []
    for a in range(0, items, batch):
        s0 = time.perf_counter()
        step(a, min(batch, items - a))
        steps.append(time.perf_counter() - s0)
    secs = time.perf_counter() - t0
    steps.sort()
    print("pytorch model=%s items=%d input=1x%dx%d batch=%d threads=%d epoch_seconds=%.3f median_step_seconds=%.4f torch=%s"
          % (model, items, size, size, batch, threads, secs, steps[len(steps) // 2], torch.__version__))


if __name__ == "__main__":
    main(sys.argv)
