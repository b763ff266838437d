#!/usr/bin/env python3
"""Grad-CAM, Grad-CAM++, Score-CAM and LayerCAM of a spectrolens-exported ResNet, computed in
PyTorch from the published formulas, compared with spectrolens's maps.

Usage: /usr/bin/python3 gradcam_reference.py WEIGHTS.safetensors INPUT.npy TARGETS.npy MAPS_DIR COMPAT

INPUT is float32 [N, C, H, W]; TARGETS int/float [N] (the class explained per input); MAPS_DIR
holds spectrolens's processed maps <method>.npy as float32 [N, H, W] (scorecam.npy may hold
the first inputs only); COMPAT is
pytorch-grad-cam or tf-keras-vis. The target layer is layer4 and the score the target logit.

pytorch-grad-cam (jacobgil/pytorch-grad-cam 1.5.5, not installed here: its formulas are written
out below):
  Grad-CAM   w = mean_ij g;  Grad-CAM++ alpha = g^2 / (2 g^2 + sum(A) g^3 + 1e-6), 0 where g = 0,
  w = sum_ij relu(g) alpha;  LayerCAM sum_k relu(g) A;  Score-CAM masks = UpsamplingBilinear2d
  (align_corners=True) of A, min-max with 1e-8, input * mask, w = softmax over channels of the
  target logits.  Post-processing: ReLU, min-max (1e-7), cv2.resize bilinear (half-pixel centres,
  = F.interpolate(align_corners=False) when enlarging), min-max again.
tf-keras-vis 0.8.8 (on a logit model):
  Grad-CAM++ alpha normalised per channel by its sum over all positions; Score-CAM masks by
  zoom(order=1) (corner-aligned = align_corners=True), min-max with 1e-7, w = softmax over classes
  of the masked input's logits at the target.  Post-processing: ReLU, zoom(order=1) to the input
  (align_corners=True), min-max (1e-7).
Prints one line per method: `<method> pearson_min <r> max_abs_diff <d> constant_maps <k>` (over
inputs; two equal constant maps count as r = 1).
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torchvision_logits import read_safetensors  # noqa: E402
import torchvision  # noqa: E402


def load(path):
    state, meta = read_safetensors(path)
    arch = meta.get("architecture", "resnet18")
    model = getattr(torchvision.models, arch)(num_classes=state["fc.weight"].shape[0])
    if state["conv1.weight"].shape[1] == 1:
        model.conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    model.load_state_dict(state, strict=True)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def features(model, x):
    x = model.maxpool(model.relu(model.bn1(model.conv1(x))))
    return model.layer4(model.layer3(model.layer2(model.layer1(x))))


def head(model, a):
    return model.fc(torch.flatten(model.avgpool(a), 1))


def activations_and_gradients(model, x, targets):
    a = features(model, x).detach().requires_grad_(True)
    logits = head(model, a)
    logits[torch.arange(len(targets)), targets].sum().backward()
    return a.detach(), a.grad.detach()


def minmax(m, eps=1e-7):
    lo = m.amin(dim=(-2, -1), keepdim=True)
    hi = m.amax(dim=(-2, -1), keepdim=True)
    return (m - lo) / (hi - lo + eps)


def post(cam, size, compat):
    cam = torch.relu(cam)[:, None]
    if compat == "pytorch-grad-cam":
        cam = cam - cam.amin(dim=(-2, -1), keepdim=True)
        cam = cam / (1e-7 + cam.amax(dim=(-2, -1), keepdim=True))
        cam = F.interpolate(cam, size=size, mode="bilinear", align_corners=False)
        cam = torch.relu(cam)
        cam = cam - cam.amin(dim=(-2, -1), keepdim=True)
        cam = cam / (1e-7 + cam.amax(dim=(-2, -1), keepdim=True))
    else:
        cam = F.interpolate(cam, size=size, mode="bilinear", align_corners=True)
        cam = minmax(cam, 1e-7)
    return cam[:, 0]


def gradcam(a, g):
    return (g.mean(dim=(2, 3), keepdim=True) * a).sum(1)


def gradcampp(a, g, compat):
    g2, g3 = g ** 2, g ** 3
    sum_a = a.sum(dim=(2, 3), keepdim=True)
    if compat == "pytorch-grad-cam":
        alpha = g2 / (2 * g2 + sum_a * g3 + 1e-6)
        alpha = torch.where(g != 0, alpha, torch.zeros_like(alpha))
    else:
        alpha = g2 / (2 * g2 + sum_a * g3 + (g2 == 0).float())
        s = alpha.sum(dim=(2, 3), keepdim=True)
        alpha = alpha / (s + (s == 0).float())
    w = (torch.relu(g) * alpha).sum(dim=(2, 3), keepdim=True)
    return (w * a).sum(1)


def layercam(a, g):
    return (torch.relu(g) * a).sum(1)


def scorecam(model, x, a, targets, compat, batch=32):
    n, k = a.shape[:2]
    size = x.shape[-2:]
    up = F.interpolate(a, size=size, mode="bilinear", align_corners=True)
    masks = minmax(up, 1e-8 if compat == "pytorch-grad-cam" else 1e-7)
    cams = []
    with torch.no_grad():
        for i in range(n):
            scores = []
            for c0 in range(0, k, batch):
                m = masks[i, c0:c0 + batch, None]
                logits = model(x[i:i + 1] * m)
                if compat == "pytorch-grad-cam":
                    scores.append(logits[:, targets[i]])
                else:
                    scores.append(torch.softmax(logits, dim=1)[:, targets[i]])
            s = torch.cat(scores)
            w = torch.softmax(s, dim=0) if compat == "pytorch-grad-cam" else s
            cams.append((w[:, None, None] * a[i]).sum(0))
    return torch.stack(cams)


def pearson(u, v):
    """Pearson r; two constant maps count as r = 1 when equal, a constant against a varying one as 0."""
    u = u.ravel().astype(np.float64) - u.mean()
    v = v.ravel().astype(np.float64) - v.mean()
    uu, vv = (u * u).sum(), (v * v).sum()
    if uu == 0 or vv == 0:
        return 1.0 if uu == vv else 0.0
    return float((u * v).sum() / np.sqrt(uu * vv))


def main(argv):
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    torch.set_num_threads(int(os.environ.get("SPECTROLENS_THREADS", "2")))
    model = load(argv[1])
    x = torch.from_numpy(np.load(argv[2]).astype(np.float32))
    targets = torch.from_numpy(np.load(argv[3]).astype(np.int64).ravel())
    maps_dir, compat = argv[4], argv[5]
    size = x.shape[-2:]
    a, g = activations_and_gradients(model, x, targets)
    # Score-CAM runs one forward pass per channel: spectrolens may give its maps for the first inputs only
    sc_path = os.path.join(maps_dir, "scorecam.npy")
    k = np.load(sc_path).shape[0] if os.path.exists(sc_path) else len(x)
    ref = {
        "gradcam": post(gradcam(a, g), size, compat),
        "gradcam++": post(gradcampp(a, g, compat), size, compat),
        "layercam": post(layercam(a, g), size, compat),
        "scorecam": post(scorecam(model, x[:k], a[:k], targets[:k], compat), size, compat),
    }
    print("torch", torch.__version__, "compat", compat, "input", list(x.shape), "layer4", list(a.shape[-2:]))
    for name, r in ref.items():
        path = os.path.join(maps_dir, name + ".npy")
        if not os.path.exists(path):
            continue
        ours = np.load(path).reshape(r.shape)
        r = r.numpy()
        rs = [pearson(ours[i], r[i]) for i in range(len(r))]
        constant = sum(1 for i in range(len(r)) if np.ptp(r[i]) == 0)
        print("%s pearson_min %.6f max_abs_diff %.3e constant_maps %d" % (name, min(rs), float(np.max(np.abs(ours - r))), constant))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
