#!/usr/bin/env python3
"""A torchvision resnet18 with a 1-channel stem and random weights, saved the ways a user would
bring it to `spectrolens import`, with the maps spectrolens must reproduce on it.

Usage: /usr/bin/python3 import_reference.py OUT_DIR H W N

Writes to OUT_DIR:
  model.pt        torch.jit.script of a wrapper whose forward is the resnet's, exposing the
                  layer-4 convention of docs/import.md: to_layer4(x) -> activations,
                  from_layer4(a) -> logits
  model.onnx      torch.onnx.export of the same network (opset 13, dynamic batch); absent if the
                  export fails (then a line `onnx_export_failed <reason>` is printed)
  x.npy           N inputs [N, 1, H, W] (float32, seeded) and t.npy their targets [N]
  logits.npy      the network's logits [N, classes] (eval mode)
  saliency.npy    Captum's Saliency(abs=True): |d logit_t / dx| [N, H, W]
  ig.npy          Captum's IntegratedGradients, zero baseline, 50 steps, method riemann_middle:
                  (x - 0) * mean over alpha = (k + 0.5)/50 of the gradient at alpha x  [N, H, W]
  gradcam.npy     pytorch-grad-cam's GradCAM at layer4 with ClassifierOutputTarget(t): weights =
                  mean gradient per channel, cam = relu(sum_k w_k A_k), min-max (1e-7), bilinear
                  resize to H x W (half-pixel centres), min-max again  [N, H, W]
  gradcam_raw.npy sum_k w_k A_k before post-processing [N, h, w]
Batch norms get random running statistics so that eval mode is not the identity.
"""
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradcam_reference import post  # noqa: E402


class Exposed(torch.nn.Module):
    """The convention for CAM methods: the named layer's activations, and the logits from them."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, x):
        return self.m(x)

    @torch.jit.export
    def to_layer4(self, x):
        m = self.m
        x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
        return m.layer4(m.layer3(m.layer2(m.layer1(x))))

    @torch.jit.export
    def from_layer4(self, a):
        return self.m.fc(torch.flatten(self.m.avgpool(a), 1))


def build(classes=3):
    torch.manual_seed(18)
    m = torchvision.models.resnet18(num_classes=classes)
    m.conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            mod.running_mean.normal_(0, 0.1)
            mod.running_var.uniform_(0.5, 1.5)
            mod.weight.data.uniform_(0.5, 1.5)
            mod.bias.data.normal_(0, 0.1)
    return m.eval()


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    out, h, w, n = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    torch.set_num_threads(int(os.environ.get("SPECTROLENS_THREADS", "2")))
    model = build()
    for p in model.parameters():
        p.requires_grad_(False)
    wrapped = Exposed(model).eval()
    torch.jit.script(wrapped).save(os.path.join(out, "model.pt"))
    g = torch.Generator().manual_seed(7)
    x = torch.randn(n, 1, h, w, generator=g)
    with torch.no_grad():
        logits = model(x)
    t = (logits.argmax(1) + torch.arange(n)) % logits.shape[1]  # some inputs explained for a class they did not predict
    np.save(os.path.join(out, "x.npy"), x.numpy())
    np.save(os.path.join(out, "t.npy"), t.numpy().astype(np.float32))
    np.save(os.path.join(out, "logits.npy"), logits.numpy())
    idx = torch.arange(n)

    xr = x.clone().requires_grad_(True)
    model(xr)[idx, t].sum().backward()
    np.save(os.path.join(out, "saliency.npy"), xr.grad.abs().amax(1).numpy())

    steps = 50
    total = torch.zeros_like(x)
    for k in range(steps):
        xa = ((k + 0.5) / steps * x).requires_grad_(True)
        model(xa)[idx, t].sum().backward()
        total += xa.grad
    np.save(os.path.join(out, "ig.npy"), (x * total / steps).sum(1).numpy())

    a = wrapped.to_layer4(x).detach().requires_grad_(True)
    wrapped.from_layer4(a)[idx, t].sum().backward()
    raw = (a.grad.mean(dim=(2, 3), keepdim=True) * a).sum(1).detach()
    np.save(os.path.join(out, "gradcam_raw.npy"), raw.numpy())
    np.save(os.path.join(out, "gradcam.npy"), post(raw, (h, w), "pytorch-grad-cam").numpy())

    try:
        torch.onnx.export(model, x[:1], os.path.join(out, "model.onnx"), input_names=["x"], output_names=["logits"],
                          dynamic_axes={"x": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    except Exception as e:  # noqa: BLE001 - reported, the caller skips the ONNX checks
        print("onnx_export_failed", str(e).splitlines()[0] if str(e) else type(e).__name__)
    print("torch", torch.__version__, "input", list(x.shape), "layer4", list(a.shape[-2:]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
