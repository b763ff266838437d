#!/usr/bin/env python3
"""The Python side of scripts/bench/explain_vs_pytorch.sh: load a ResNet's weights, read a folder
of .npy inputs [1, H, W], explain them with one method exactly as pytorch-grad-cam 1.5.5 computes
it, and save the maps as one stacked float32 array [N, H, W].

Usage: /usr/bin/python3 pytorch_grad_cam_explain.py WEIGHTS.safetensors INPUT_DIR METHOD OUT.npy [BATCH=32] [THREADS=2]

pytorch-grad-cam cannot be installed here (no PyPI), so its code path is written out: BaseCAM's
forward hook on layer4 keeps the activations and a tensor hook the gradients; the targets are the
predicted classes (ClassifierOutputTarget of the argmax); the model keeps requires_grad on its
parameters (as a user's model does); model.zero_grad(), sum of the target logits, backward. Weights:
gradcam w = mean g; gradcam++ alpha = g^2 / (2 g^2 + sum(A) g^3 + 1e-6) (0 where g = 0),
w = sum relu(g) alpha; layercam sum_k relu(g) A; scorecam: UpsamplingBilinear2d of A to the input,
min-max per channel (1e-8), input * mask, forward in batches of 16, softmax over channels of the
target logits. scale_cam_image: relu, min-max (1e-7), cv2.resize bilinear (half-pixel centres =
F.interpolate(align_corners=False) when enlarging); aggregate_multi_layers: max over the one layer,
scale again.
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from gradcam_reference import load as load_frozen  # noqa: E402


def load(path):
    # as a user's model: parameters keep requires_grad (pytorch-grad-cam computes their gradients too)
    model = load_frozen(path)
    for p in model.parameters():
        p.requires_grad_(True)
    return model


class ActivationsAndGradients:
    def __init__(self, model, layer):
        self.model = model
        self.activations = []
        self.gradients = []
        layer.register_forward_hook(self.save_activation)
        layer.register_forward_hook(self.save_gradient)

    def save_activation(self, module, inputs, output):
        self.activations.append(output.cpu().detach())

    def save_gradient(self, module, inputs, output):
        if not hasattr(output, "requires_grad") or not output.requires_grad:
            return  # as pytorch-grad-cam: no gradient hook inside torch.no_grad() (Score-CAM's masked passes)

        def store(grad):
            self.gradients = [grad.cpu().detach()] + self.gradients
        output.register_hook(store)

    def __call__(self, x):
        self.activations = []
        self.gradients = []
        return self.model(x)


def scale(cam, size):
    out = []
    for img in cam:
        img = img - img.min()
        img = img / (1e-7 + img.max())
        img = F.interpolate(torch.from_numpy(img)[None, None], size=size, mode="bilinear", align_corners=False)[0, 0].numpy()
        out.append(img)
    return np.float32(out)


def weights(method, a, g, model, x, targets, layer_hook):
    if method == "gradcam":
        return np.mean(g, axis=(2, 3))
    if method == "gradcam++":
        g2 = g ** 2
        g3 = g2 * g
        sum_a = np.sum(a, axis=(2, 3))
        alpha = g2 / (2 * g2 + sum_a[:, :, None, None] * g3 + 1e-6)
        alpha = np.where(g != 0, alpha, 0)
        return np.sum(np.maximum(g, 0) * alpha, axis=(2, 3))
    if method == "scorecam":
        with torch.no_grad():
            up = torch.nn.UpsamplingBilinear2d(size=x.shape[-2:])
            act = torch.from_numpy(a)
            upsampled = up(act)
            maxs = upsampled.view(upsampled.size(0), upsampled.size(1), -1).max(dim=-1)[0]
            mins = upsampled.view(upsampled.size(0), upsampled.size(1), -1).min(dim=-1)[0]
            maxs, mins = maxs[:, :, None, None], mins[:, :, None, None]
            upsampled = (upsampled - mins) / (maxs - mins + 1e-8)
            masked = x[:, None, :, :] * upsampled[:, :, None, :, :]
            scores = []
            for t, tensor in zip(targets, masked):
                for i in range(0, tensor.size(0), 16):
                    scores.extend(model(tensor[i:i + 16])[:, t].cpu().numpy().tolist())
            scores = torch.tensor(scores).view(a.shape[0], a.shape[1])
            return torch.nn.Softmax(dim=-1)(scores).numpy()
    raise SystemExit("unknown method " + method)


def explain(model, hooks, method, x):
    out = hooks(x)
    targets = np.argmax(out.cpu().data.numpy(), axis=-1)
    a = hooks.activations[0].numpy()
    g = None
    if method != "scorecam":  # ScoreCAM sets uses_gradients = False
        model.zero_grad()
        loss = sum(out[i, t] for i, t in enumerate(targets))
        loss.backward(retain_graph=True)
        g = hooks.gradients[0].numpy()
    if method == "layercam":
        cam = (np.maximum(g, 0) * a).sum(axis=1)
    else:
        w = weights(method, a, g, model, x, targets, hooks)
        cam = (w[:, :, None, None] * a).sum(axis=1)
    cam = scale(np.maximum(cam, 0), x.shape[-2:])
    return scale(cam, x.shape[-2:])  # aggregate_multi_layers over the one layer


def main(argv):
    weights_file, folder, method, out = argv[1:5]
    batch = int(argv[5]) if len(argv) > 5 else 32
    threads = int(argv[6]) if len(argv) > 6 else 2
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    model = load(weights_file)
    hooks = ActivationsAndGradients(model, model.layer4)
    files = sorted(f for f in os.listdir(folder) if f.endswith(".npy"))
    maps = []
    for i in range(0, len(files), batch):
        x = torch.from_numpy(np.stack([np.load(os.path.join(folder, f)) for f in files[i:i + batch]]))
        maps.append(explain(model, hooks, method, x))
    np.save(out, np.concatenate(maps).astype(np.float32))


if __name__ == "__main__":
    main(sys.argv)
