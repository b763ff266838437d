#!/usr/bin/env python3
"""Grad-CAM throughput in plain PyTorch, for comparison with spectrolens's ExplainBench.

Usage: /usr/bin/python3 torch_explain_bench.py [model=resnet18] [height=224] [width=224] [batch=8] [threads=2] [rounds=3] [classes=5]

The same work as spectrolens's Grad-CAM on a batch: forward to the last convolutional block
(resnet18 layer4, smallcnn conv4), the rest of the network from the detached activations,
backward of the target logits, w = mean of the gradients, map = relu(sum_k w_k A^k), bilinear
resize to the input (half-pixel centres) and per-map min-max. Random weights (batch norms in
eval mode), parameters without gradients, random inputs; one warm-up batch, then the best of
`rounds` timed batches. Prints `pytorch-gradcam model=... maps_per_second=...`.
"""
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_train_bench import SmallCnn  # noqa: E402


def split(net, model):
    if model == "smallcnn":
        def features(x):
            for b in range(4):
                x = getattr(net, "conv%d" % (b + 1))(x)
            return x

        def head(a):
            x = torch.flatten(a, 1)
            return net.fc(torch.relu(net.fc2(torch.relu(net.fc1(x)))))
    else:
        def features(x):
            x = net.maxpool(net.relu(net.bn1(net.conv1(x))))
            return net.layer4(net.layer3(net.layer2(net.layer1(x))))

        def head(a):
            return net.fc(torch.flatten(net.avgpool(a), 1))
    return features, head


def gradcam(features, head, x, targets):
    a = features(x).detach().requires_grad_(True)
    logits = head(a)
    logits[torch.arange(len(targets)), targets].sum().backward()
    w = a.grad.mean(dim=(2, 3), keepdim=True)
    cam = torch.relu((w * a.detach()).sum(1, keepdim=True))
    cam = F.interpolate(cam, size=x.shape[-2:], mode="bilinear", align_corners=False)
    lo = cam.amin(dim=(2, 3), keepdim=True)
    hi = cam.amax(dim=(2, 3), keepdim=True)
    return ((cam - lo) / (hi - lo + 1e-7))[:, 0].numpy()


def main(argv):
    model = argv[1] if len(argv) > 1 else "resnet18"
    h = int(argv[2]) if len(argv) > 2 else 224
    w = int(argv[3]) if len(argv) > 3 else 224
    batch = int(argv[4]) if len(argv) > 4 else 8
    threads = int(argv[5]) if len(argv) > 5 else 2
    rounds = int(argv[6]) if len(argv) > 6 else 3
    classes = int(argv[7]) if len(argv) > 7 else 5
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    if model == "smallcnn":
        if h != w:
            raise SystemExit("smallcnn here is square")
        net = SmallCnn(h, classes)
    else:
        net = getattr(torchvision.models, model)(num_classes=classes)
        net.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    net.eval()
    for p in net.parameters():
        p.requires_grad_(False)
    features, head = split(net, model)
    x = torch.randn(batch, 1, h, w)
    targets = torch.arange(batch) % classes
    gradcam(features, head, x, targets)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        gradcam(features, head, x, targets)
        best = min(best, time.perf_counter() - t0)
    print("pytorch-gradcam model=%s input=1x%dx%d batch=%d threads=%d batch_seconds=%.4f maps_per_second=%.2f"
          % (model, h, w, batch, threads, best, batch / best))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
