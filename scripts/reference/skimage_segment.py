#!/usr/bin/env python3
"""Reference segmentations for SkimageParityTest (scikit-image 0.19, SciPy 1.10).

usage: skimage_segment.py IMAGE.npy OUTDIR FELZ_SPECS
  IMAGE.npy  float32 [H, W] (read as float64)
  FELZ_SPECS comma-separated scale:sigma:min_size triples, e.g. 1:0.8:20,100:0.5:10
Writes into OUTDIR (float32 .npy unless stated):
  otsu.txt                  skimage.filters.threshold_otsu(image) (repr)
  otsu64.txt                the same with nbins=64
  felz-<i>.npy              skimage.segmentation.felzenszwalb(image, scale, sigma, min_size, channel_axis=None)
  mask.npy                  image > otsu
  erosion-RxC.npy, dilation-RxC.npy, opening-RxC.npy, closing-RxC.npy
                            skimage.morphology.binary_* with footprint np.ones((R, C)), for R x C in 3x3, 2x4, 5x1
  ndi-erosion-RxC.npy       scipy.ndimage.binary_erosion(mask, np.ones((R, C)), border_value=1)
  ndi-dilation-RxC.npy      scipy.ndimage.binary_dilation(mask, np.ones((R, C)))
  label4.npy, label8.npy    scipy.ndimage.label(mask)[0]; skimage.measure.label(mask, connectivity=2)
  flood.npy                 skimage.segmentation.flood(image, argmax(image), tolerance=0.3) (4-connected)
"""
import os
import sys

import numpy as np
import scipy.ndimage as ndi
import skimage.filters
import skimage.measure
import skimage.morphology
import skimage.segmentation


def save(out, name, a):
    np.save(os.path.join(out, name), np.ascontiguousarray(a, dtype=np.float32))


def main():
    image = np.load(sys.argv[1]).astype(np.float64)
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    t = skimage.filters.threshold_otsu(image)
    with open(os.path.join(out, "otsu.txt"), "w") as f:
        f.write(repr(float(t)))
    with open(os.path.join(out, "otsu64.txt"), "w") as f:
        f.write(repr(float(skimage.filters.threshold_otsu(image, nbins=64))))
    for i, spec in enumerate(sys.argv[3].split(",")):
        scale, sigma, min_size = spec.split(":")
        labels = skimage.segmentation.felzenszwalb(image, scale=float(scale), sigma=float(sigma), min_size=int(min_size), channel_axis=None)
        save(out, "felz-%d.npy" % i, labels)
    mask = image > t
    save(out, "mask.npy", mask)
    for r, c in [(3, 3), (2, 4), (5, 1)]:
        fp = np.ones((r, c), dtype=bool)
        for op in ["erosion", "dilation", "opening", "closing"]:
            save(out, "%s-%dx%d.npy" % (op, r, c), getattr(skimage.morphology, "binary_" + op)(mask, fp))
        save(out, "ndi-erosion-%dx%d.npy" % (r, c), ndi.binary_erosion(mask, fp, border_value=1))
        save(out, "ndi-dilation-%dx%d.npy" % (r, c), ndi.binary_dilation(mask, fp))
    save(out, "label4.npy", ndi.label(mask)[0])
    save(out, "label8.npy", skimage.measure.label(mask, connectivity=2))
    seed = np.unravel_index(np.argmax(image), image.shape)
    save(out, "flood.npy", skimage.segmentation.flood(image, seed, connectivity=1, tolerance=0.3))


if __name__ == "__main__":
    main()
