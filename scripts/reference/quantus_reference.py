#!/usr/bin/env python3
"""Quantus's metric definitions, written out in numpy, run on the maps, truth masks and model that
spectrolens judges (QuantusParityTest writes them), so both libraries can be compared number by
number.

Usage: /usr/bin/python3 quantus_reference.py DIR

Quantus cannot be installed here; this file restates what its source does (Quantus 0.6.0,
github.com/understandable-machine-intelligence-lab/Quantus at commit 85bc29d1, read, not copied:
Quantus is LGPL-3.0). Every metric below names the Quantus file and function it follows and
every default it fixes. Metric definitions use numpy only; torch/torchvision run the model,
scipy.sparse solves ROAD's linear system (Quantus calls the same solver; dense solves of up to
4,055 unknowns, 400 of them per map set, would take minutes), and scipy / scikit-image, where installed,
only cross-check the numpy transcriptions of their functions (lines ending in `_check`).

Shared by every metric (quantus/metrics/base.py, Metric.general_preprocess / explain_batch):
  normalise=True with normalise_by_max (quantus/functions/normalise_func.py): the whole batch of
  maps divided by its largest |value| (one number for the batch); the identity on maps whose
  largest value is 1, as explain's min-max scaled maps are. Applied here exactly as Quantus does.
  abs: False unless stated. Maps [N, H, W] are broadcast to the inputs' shape [N, C, H, W] and
  flattened (C = 1 here, so a feature is a pixel).
  "black" baseline (quantus/helpers/utils.py, get_baseline_dict): arr.min() over every axis but
  the batch axis, i.e. each sample's own minimum (not zero). For one channel this is spectrolens's
  floor baseline (the minimum per sample and channel).
  Model (quantus/helpers/model/pytorch_model.py, PyTorchModel.predict): eval mode, no_grad,
  float32, softmax over the logits where the metric's __call__ asks for it.
  Arithmetic: sums, means and correlations here are float64 (Quantus keeps the maps' float32);
  orderings (argsort) and maxima are taken on the float32 maps, as Quantus takes them.

Per metric (output line names in brackets):
  PixelFlipping (quantus/metrics/faithfulness/pixel_flipping.py, PixelFlipping.evaluate_batch)
    [pixel_flipping_curve, pixel_flipping_auc, p0]: features sorted by np.argsort(-a) (numpy's
    default, unstable sort); step k = 1..ceil(F / features_in_step) sets the next features_in_step
    features to the black baseline of the current array; the curve is the softmax probability of
    y (softmax=True) after each step (no point for the unperturbed input); get_auc_score /
    utils.calculate_auc: np.trapz(curve, dx=1). Fixed: features_in_step from settings (Quantus's
    default 1 = 4,096 forward passes per input), perturb_baseline "black", abs False. p0 (the
    unperturbed probability) is one extra pass Quantus does not make, for the conversion to
    spectrolens's area: AUC_spectrolens = (Q + (p0 + curve[0]) / 2) / steps.
  RegionPerturbation (quantus/metrics/faithfulness/region_perturbation.py, evaluate_batch)
    [region_perturbation_curve, region_perturbation_auc, region_perturbation_p0]: non-overlapping
    patch_size x patch_size patches in row-major order (utils.get_block_indices), ranked by the sum
    of the map over the patch, np.argsort(-sums) (order "morf"); the first regions_evaluation
    patches are set one by one to the black baseline; the curve is y_pred - y_pred_perturbed
    (softmax=True); AUC np.trapz(dx=1). Fixed: patch_size from settings (Quantus: 8),
    regions_evaluation 100 (more than the 64 patches, so all are removed), order morf. H and W
    must be multiples of patch_size (Quantus would pad; not needed here).
  FaithfulnessCorrelation (quantus/metrics/faithfulness/faithfulness_correlation.py,
    evaluate_batch) [faithfulness_correlation]: nr_runs times a random subset of subset_size
    features is set to the black baseline of the unperturbed input; the logit drop
    y_pred - y_pred_perturbed (softmax=False) and the map's sum over the subset; Pearson
    correlation per sample (similarity_func correlation_pearson = scipy.stats.pearsonr). The
    subsets are spectrolens's own draws (subsets.npy): Quantus draws them with
    np.random.choice(n_features, subset_size, replace=False), which cannot be reproduced in Java.
    Fixed: nr_runs and subset_size from subsets.npy (Quantus: 100 and 224), abs False.
  ROAD (quantus/metrics/faithfulness/road.py, ROAD.evaluate_batch; perturb_func.py,
    noisy_linear_imputation) [road_morf_curve, road_lerf_curve]: for p in range(1, 100, 2) the
    first int(a_size * p / 100) features of np.argsort(-a) (a_size = H * W; truncation) are
    replaced by noisy linear imputation: each removed pixel equals the weighted mean of its 8
    neighbours (edge 1/6, diagonal 1/12, weights summed over the neighbours inside the image),
    solved jointly for all removed pixels with scipy.sparse.linalg.spsolve, plus noise * N(0, 1);
    1 where argmax of the prediction equals y. Fixed: percentages 1, 3, ..., 99; noise from
    settings (0 for parity; Quantus's default 0.01 draws from np.random, not reproducible across
    libraries). Quantus has no LeRF: road_lerf_curve is the same definition on np.argsort(a).
  Sparseness (quantus/metrics/complexity/sparseness.py, evaluate_batch) [sparseness]: abs=True;
    a + 1e-7, sorted ascending, sum((2i - n - 1) a_i) / (n sum a), i = 1..n (Gini index).
  Complexity (quantus/metrics/complexity/complexity.py, evaluate_batch) [complexity]: abs=True;
    p = a / sum|a|; -sum p log(p + 1e-12) (nats).
  RelevanceMassAccuracy (quantus/metrics/localisation/relevance_mass_accuracy.py) [relevance_mass]:
    abs=False; sum(a * s) / sum(a); NaN for an empty mask.
  RelevanceRankAccuracy (quantus/metrics/localisation/relevance_rank_accuracy.py)
    [relevance_rank]: abs=False; K = |s|; the share of the first K of np.argsort(-a) (numpy's
    default sort: tied cells come in an order decided by the sort, not by the map) inside s.
    [relevance_rank_expected] is not Quantus: the hits expected when the cells tied at the K-th
    value are drawn uniformly.
  PointingGame (quantus/metrics/localisation/pointing_game.py, evaluate_batch) [pointing_game]:
    weighted=False, abs=False; 1 when any cell equal to the map's maximum lies in s (no tolerance).
    [pointing_game_expected] is not Quantus: the share of the maximal cells inside s (the expected
    hit of a uniformly drawn maximum).
    [max_ties]: how many cells equal the maximum.
  RandomLogit (quantus/metrics/randomisation/random_logit.py, evaluate_batch) with
    similarity_func ssim (quantus/functions/similarity_func.py, ssim) [ssim_quantus]: both maps
    flattened to 1-D (reshape(batch, -1)), skimage.metrics.structural_similarity with win_size None
    (7), data_range = max - min of the two maps together. The off-class draw (np.random.seed 42)
    is not transcribed: the pairs are given.
  skimage.metrics.structural_similarity 0.19 defaults on 2-D maps [ssim_2d]: 7x7 uniform window,
    K1 0.01, K2 0.03, sample covariance (NP / (NP - 1)), data_range 1, the mean over the cells
    whose window lies inside the map (the border of 3 cropped): spectrolens's Similarity.ssim.
  MPRT (quantus/metrics/randomisation/mprt.py, MPRT.__call__, the similarity step) with
    similarity_func correlation_spearman (scipy.stats.spearmanr) [spearman_quantus]: abs=True,
    maps flattened, Spearman correlation with average ranks for ties. The re-initialisation is not
    transcribed (it cannot match across frameworks): the pairs are given.

DIR holds (float32 .npy, C order):
  w.safetensors         the network (spectrolens's TorchWeights.export)
  x.npy [N, C, H, W]    inputs exactly as the network sees them
  y.npy [N]             the class explained per input
  truth.npy [N, H, W]   truth masks (0/1)
  subsets.npy [N, R, S] faithfulness-correlation subsets (flat pixel indices)
  maps/<name>.npy       [N, H, W] maps
  pairs/<name>.a.npy, pairs/<name>.b.npy   [K, H, W] map pairs for the similarity functions
  settings.txt          `key value` lines: features_in_step, patch_size, road_noise, model_maps
                        (comma-separated map names that get PixelFlipping, RegionPerturbation and
                        FaithfulnessCorrelation), road_maps (those that get ROAD)
Prints one line per result, `<metric> <name> <v_1> ... <v_N>`, values with 17 significant digits;
per-sample curves as `<metric> <name>#<i> ...`.
"""
import math
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torchvision_logits import read_safetensors  # noqa: E402
import torchvision  # noqa: E402


def load_model(path):
    state, meta = read_safetensors(path)
    model = getattr(torchvision.models, meta.get("architecture", "resnet18"))(num_classes=state["fc.weight"].shape[0])
    if state["conv1.weight"].shape[1] == 1:
        model.conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    model.load_state_dict(state, strict=True)
    model.eval()
    return model


class Predictor:
    """PyTorchModel.predict: float32 forward passes in eval mode, optionally a softmax, in batches."""

    def __init__(self, model, shape, batch=128):
        self.model, self.shape, self.batch = model, shape, batch

    def __call__(self, x, softmax):
        x = np.asarray(x, dtype=np.float32).reshape(-1, *self.shape)
        out = []
        with torch.no_grad():
            for s in range(0, len(x), self.batch):
                p = self.model(torch.from_numpy(np.ascontiguousarray(x[s:s + self.batch])))
                out.append((torch.softmax(p, dim=-1) if softmax else p).numpy())
        return np.concatenate(out)


def normalise_by_max(a):
    """normalise_func.normalise_by_max with its default axes: one divisor for the whole batch."""
    if np.all(a == 0):
        return a
    return a / np.max(np.abs(a))


def black(x_flat):
    """The "black" baseline of get_baseline_dict(batched=True): each sample's minimum."""
    return x_flat.min(axis=1)


def pixel_flipping(predict, x, y, a, features_in_step):
    n = len(x)
    flat = np.broadcast_to(a[:, None], x.shape).reshape(n, -1)
    order = np.argsort(-flat, axis=1)
    steps = math.ceil(flat.shape[1] / features_in_step)
    xp = x.reshape(n, -1).copy()
    rows = np.arange(n)[:, None]
    batch = []
    for k in range(steps):
        idx = order[:, k * features_in_step:(k + 1) * features_in_step]
        xp[rows, idx] = black(xp)[:, None]
        batch.append(xp.copy())
    # all steps' inputs in one run of forward passes; [steps, n, F] -> predictions [steps * n]
    probs = predict(np.stack(batch), softmax=True)
    curve = probs.reshape(steps, n, -1)[:, np.arange(n), y].T
    p0 = predict(x, softmax=True)[np.arange(n), y]
    return curve, np.trapz(curve, dx=1, axis=1), p0


def region_perturbation(predict, x, y, a, patch):
    n, c, h, w = x.shape
    if h % patch or w % patch:
        raise ValueError("H and W must be multiples of patch_size")
    flat_a = np.broadcast_to(a[:, None], x.shape).reshape(n, -1)
    index = np.arange(c * h * w).reshape(c, h, w)
    patches = [index[:, r:r + patch, t:t + patch].ravel() for r in range(0, h, patch) for t in range(0, w, patch)]
    sums = np.stack([flat_a[:, p].sum(axis=1) for p in patches], axis=1)
    order = np.argsort(-sums, axis=1)
    y_pred = predict(x, softmax=True)[np.arange(n), y]
    xp = x.reshape(n, -1).copy()
    batch = []
    for k in range(min(100, len(patches))):
        for i in range(n):
            xp[i, patches[order[i, k]]] = black(xp)[i]
        batch.append(xp.copy())
    probs = predict(np.stack(batch), softmax=True).reshape(len(batch), n, -1)[:, np.arange(n), y].T
    curve = y_pred[:, None] - probs
    return curve, np.trapz(curve, dx=1, axis=1), y_pred


def pearson(u, v):
    u = np.asarray(u, dtype=np.float64) - np.mean(u)
    v = np.asarray(v, dtype=np.float64) - np.mean(v)
    uu, vv = (u * u).sum(), (v * v).sum()
    return float((u * v).sum() / math.sqrt(uu * vv)) if uu > 0 and vv > 0 else float("nan")


def faithfulness_correlation(predict, x, y, a, subsets):
    n = len(x)
    runs = subsets.shape[1]
    flat_x = x.reshape(n, -1)
    flat_a = np.broadcast_to(a[:, None], x.shape).reshape(n, -1).astype(np.float64)
    y_pred = predict(x, softmax=False)[np.arange(n), y]
    batch = []
    for r in range(runs):
        xp = flat_x.copy()
        xp[np.arange(n)[:, None], subsets[:, r]] = black(flat_x)[:, None]
        batch.append(xp)
    logits = predict(np.stack(batch), softmax=False).reshape(runs, n, -1)[:, np.arange(n), y].T
    drops = (y_pred[:, None] - logits).astype(np.float64)
    sums = np.stack([flat_a[i, subsets[i]].sum(axis=1) for i in range(n)])
    return np.array([pearson(sums[i], drops[i]) for i in range(n)]), sums, drops


def impute(img, removed, noise, rng):
    """noisy_linear_imputation on one input [C, H, W]: removed is a list of flat pixel indices.

    The system Quantus builds: for removed pixel i with neighbours j inside the image (weights w_ij),
    sum_j w_ij v_i - sum_{j removed} w_ij v_j = sum_{j kept} w_ij x_j (Quantus writes both sides
    negated); solved by scipy.sparse.linalg.spsolve as Quantus does. The matrix is assembled from
    (row, column, value) triplets rather than Quantus's lil_matrix: the same matrix, faster.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import spsolve
    c, h, w = img.shape
    flat = img.reshape(c, -1).astype(np.float64)
    m = len(removed)
    if m == 0:
        return img.copy()
    is_removed = np.zeros(h * w, dtype=bool)
    is_removed[removed] = True
    var = np.zeros(h * w, dtype=int)
    var[removed] = np.arange(m)
    rhs = np.zeros((m, c))
    weight_sum = np.zeros(m)
    rows, cols = removed // w, removed % w
    ti, tj, tv = [np.arange(m)], [np.arange(m)], [None]
    for (dr, dc), wt in (((1, 1), 1 / 12), ((0, 1), 1 / 6), ((-1, 1), 1 / 12), ((1, -1), 1 / 12),
                         ((0, -1), 1 / 6), ((-1, -1), 1 / 12), ((1, 0), 1 / 6), ((-1, 0), 1 / 6)):
        rr, cc = rows + dr, cols + dc
        inside = (rr >= 0) & (rr < h) & (cc >= 0) & (cc < w)
        ids = np.nonzero(inside)[0]
        q = rr[inside] * w + cc[inside]
        weight_sum[ids] += wt
        kept = ~is_removed[q]
        rhs[ids[kept]] += wt * flat[:, q[kept]].T
        ti.append(ids[~kept])
        tj.append(var[q[~kept]])
        tv.append(np.full(int((~kept).sum()), -wt))
    tv[0] = weight_sum
    lhs = coo_matrix((np.concatenate(tv), (np.concatenate(ti), np.concatenate(tj))), shape=(m, m)).tocsc()
    solution = spsolve(lhs, rhs).reshape(m, c).T
    out = flat.copy()
    out[:, removed] = solution + (noise * rng.standard_normal(solution.shape) if noise > 0 else 0)
    return out.reshape(c, h, w).astype(np.float32)


def road(predict, x, y, a, noise, most_relevant_first, rng):
    n, c, h, w = x.shape
    flat = a.reshape(n, -1)
    order = np.argsort(-flat if most_relevant_first else flat, axis=1)
    percentages = list(range(1, 100, 2))
    batch = []
    for p in percentages:
        k = int(h * w * p / 100)
        batch.append(np.stack([impute(x[i], order[i, :k], noise, rng) for i in range(n)]))
    pred = predict(np.stack(batch), softmax=True).reshape(len(percentages), n, -1).argmax(axis=-1).T
    return (pred == y[:, None]).astype(int)


def sparseness(a):
    v = np.sort(np.abs(a.reshape(len(a), -1)).astype(np.float64) + 1e-7, axis=1)
    n = v.shape[1]
    i = np.arange(1, n + 1)
    return ((2 * i - n - 1) * v).sum(axis=1) / (n * v.sum(axis=1))


def complexity(a):
    v = np.abs(a.reshape(len(a), -1)).astype(np.float64)
    p = v / v.sum(axis=1, keepdims=True)
    return -(p * np.log(p + 1e-12)).sum(axis=1)


def relevance_mass(a, s):
    v = a.reshape(len(a), -1).astype(np.float64)
    s = s.reshape(len(s), -1).astype(bool)
    out = (v * s).sum(axis=1) / v.sum(axis=1)
    out[s.sum(axis=1) == 0] = np.nan
    return out


def relevance_rank(a, s):
    v = a.reshape(len(a), -1)
    s = s.reshape(len(s), -1).astype(bool)
    order = np.argsort(-v, axis=-1)
    out = []
    for i in range(len(v)):
        k = int(s[i].sum())
        out.append(s[i, order[i, :k]].sum() / k if k else np.nan)
    return np.array(out)


def relevance_rank_expected(a, s):
    """Not Quantus: the hits expected when the cells tied at the K-th largest value are drawn uniformly."""
    v = a.reshape(len(a), -1).astype(np.float64)
    s = s.reshape(len(s), -1).astype(bool)
    out = []
    for i in range(len(v)):
        k = int(s[i].sum())
        if k == 0:
            out.append(np.nan)
            continue
        kth = np.sort(v[i])[::-1][k - 1]
        above = v[i] > kth
        tied = v[i] == kth
        need = k - above.sum()
        out.append((s[i, above].sum() + need * s[i, tied].sum() / tied.sum()) / k)
    return np.array(out)


def pointing(a, s):
    v = a.reshape(len(a), -1)
    s = s.reshape(len(s), -1).astype(bool)
    top = v == v.max(axis=1, keepdims=True)
    any_hit = np.any(s & top, axis=1).astype(float)
    expected = (s & top).sum(axis=1) / top.sum(axis=1)
    return any_hit, expected, top.sum(axis=1)


def windows(v, size):
    """Every window of `size` cells along every axis of v, [..., size ** ndim] (the valid part only)."""
    from numpy.lib.stride_tricks import sliding_window_view
    wv = sliding_window_view(v, (size,) * v.ndim)
    return wv.reshape(*wv.shape[:v.ndim], -1)


def ssim(u, v, data_range, size=7):
    """structural_similarity with uniform windows, sample covariance, K1 0.01, K2 0.03, border cropped."""
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    wu, wv = windows(u, size), windows(v, size)
    n = size ** u.ndim
    mu, mv = wu.mean(-1), wv.mean(-1)
    cov = n / (n - 1)
    vu = cov * ((wu * wu).mean(-1) - mu * mu)
    vv = cov * ((wv * wv).mean(-1) - mv * mv)
    vuv = cov * ((wu * wv).mean(-1) - mu * mv)
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    s = ((2 * mu * mv + c1) * (2 * vuv + c2)) / ((mu * mu + mv * mv + c1) * (vu + vv + c2))
    return float(s.mean())


def ssim_quantus(a, b):
    """similarity_func.ssim on maps flattened as RandomLogit passes them: data range of the pair."""
    out = []
    for u, v in zip(a.reshape(len(a), -1), b.reshape(len(b), -1)):
        both = np.concatenate([u, v])
        out.append(ssim(u, v, float(abs(both.max() - both.min()))))
    return np.array(out)


def average_ranks(v):
    values, inverse, counts = np.unique(v, return_inverse=True, return_counts=True)
    end = np.cumsum(counts)
    return (end - (counts - 1) / 2.0)[inverse]


def spearman_quantus(a, b):
    """MPRT's similarity step: abs=True, flattened, Spearman with average ranks."""
    return np.array([pearson(average_ranks(np.abs(u)), average_ranks(np.abs(v)))
                     for u, v in zip(a.reshape(len(a), -1), b.reshape(len(b), -1))])


def emit(metric, name, values):
    print(metric, name, " ".join("%.17g" % float(v) for v in np.ravel(values)))


def checks(name, sums, drops):
    """The numpy Pearson correlation against scipy.stats.pearsonr (what Quantus calls), where installed."""
    try:
        import scipy.stats
        if sums is not None:
            emit("faithfulness_correlation_check", name, [scipy.stats.pearsonr(u, v)[0] for u, v in zip(sums, drops)])
    except ImportError:
        pass


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    torch.set_num_threads(int(os.environ.get("SPECTROLENS_THREADS", "2")))
    d = argv[1]
    settings = dict(line.split(None, 1) for line in open(os.path.join(d, "settings.txt")).read().splitlines() if line.strip())
    x = np.load(os.path.join(d, "x.npy")).astype(np.float32)
    y = np.load(os.path.join(d, "y.npy")).astype(np.int64).ravel()
    truth = np.load(os.path.join(d, "truth.npy")) > 0.5
    subsets = np.load(os.path.join(d, "subsets.npy")).astype(np.int64)
    model_maps = [m for m in settings.get("model_maps", "").split(",") if m]
    road_maps = [m for m in settings.get("road_maps", "").split(",") if m]
    predict = Predictor(load_model(os.path.join(d, "w.safetensors")), x.shape[1:])
    rng = np.random.default_rng(0)
    print("torch", torch.__version__, "numpy", np.__version__, "input", list(x.shape))
    names = sorted(f[:-4] for f in os.listdir(os.path.join(d, "maps")) if f.endswith(".npy"))
    for name in names:
        a = normalise_by_max(np.load(os.path.join(d, "maps", name + ".npy")).astype(np.float32))
        emit("sparseness", name, sparseness(a))
        emit("complexity", name, complexity(a))
        emit("relevance_mass", name, relevance_mass(a, truth))
        emit("relevance_rank", name, relevance_rank(a, truth))
        emit("relevance_rank_expected", name, relevance_rank_expected(a, truth))
        hit, expected, ties = pointing(a, truth)
        emit("pointing_game", name, hit)
        emit("pointing_game_expected", name, expected)
        emit("max_ties", name, ties)
        sums = drops = None
        if name in model_maps:
            start = time.time()
            curve, auc, p0 = pixel_flipping(predict, x, y, a, int(settings["features_in_step"]))
            for i in range(len(x)):
                emit("pixel_flipping_curve", "%s#%d" % (name, i), curve[i])
            emit("pixel_flipping_auc", name, auc)
            emit("p0", name, p0)
            curve, auc, p0 = region_perturbation(predict, x, y, a, int(settings["patch_size"]))
            for i in range(len(x)):
                emit("region_perturbation_curve", "%s#%d" % (name, i), curve[i])
            emit("region_perturbation_auc", name, auc)
            emit("region_perturbation_p0", name, p0)
            fc, sums, drops = faithfulness_correlation(predict, x, y, a, subsets)
            emit("faithfulness_correlation", name, fc)
            emit("seconds", "deletion+correlation:" + name, time.time() - start)
        if name in road_maps:
            start = time.time()
            noise = float(settings.get("road_noise", "0"))
            for label, morf in (("road_morf_curve", True), ("road_lerf_curve", False)):
                kept = road(predict, x, y, a, noise, morf, rng)
                for i in range(len(x)):
                    emit(label, "%s#%d" % (name, i), kept[i])
            emit("seconds", "road:" + name, time.time() - start)
        checks(name, sums, drops)
    pairs = sorted({f.rsplit(".", 2)[0] for f in os.listdir(os.path.join(d, "pairs")) if f.endswith(".a.npy")})
    for name in pairs:
        raw_a = np.load(os.path.join(d, "pairs", name + ".a.npy")).astype(np.float32)
        raw_b = np.load(os.path.join(d, "pairs", name + ".b.npy")).astype(np.float32)
        # spectrolens's SSIM takes the maps as they are; Quantus's metrics normalise each batch first
        emit("ssim_2d", name, [ssim(u, v, 1.0) for u, v in zip(raw_a, raw_b)])
        a, b = normalise_by_max(raw_a), normalise_by_max(raw_b)
        emit("ssim_quantus", name, ssim_quantus(a, b))
        emit("spearman_quantus", name, spearman_quantus(a, b))
        try:
            from skimage.metrics import structural_similarity
            emit("ssim_2d_check", name, [structural_similarity(u.astype(np.float64), v.astype(np.float64), data_range=1.0)
                                         for u, v in zip(raw_a, raw_b)])
            emit("ssim_quantus_check", name, [structural_similarity(u.ravel().astype(np.float64), v.ravel().astype(np.float64),
                                                                    data_range=float(np.ptp(np.concatenate([u.ravel(), v.ravel()]))))
                                              for u, v in zip(a, b)])
        except ImportError:
            pass
        try:
            import scipy.stats
            emit("spearman_quantus_check", name, [scipy.stats.spearmanr(np.abs(u.ravel()), np.abs(v.ravel()))[0] for u, v in zip(a, b)])
        except ImportError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
