#!/usr/bin/python3
"""Train Earshot's LSTM command model on features exported by `earshot export-features`.

Usage: train.py WORK OUT.onnx [--epochs N] [--seed S]

WORK is the folder split.py and export-features filled: {train,val}.f32 features, {train,val}.labels,
labels.json and features.json. Prints one line per epoch (loss, accuracy, validation accuracy, time),
keeps the epoch with the best validation accuracy, and writes OUT.onnx with Earshot's metadata:
labels, feature settings, normalisation statistics. Run it with Debian's /usr/bin/python3
(python3-torch, python3-onnx, python3-numpy).
"""
import argparse
import collections
import copy
import json
import math
import os
import sys
import time

import numpy as np
import onnx
import torch
from torch import nn

from split import word_of


class Conv2dFrontEnd(nn.Module):
    """Two small convolutions over time and coefficient (the second strided by 2 on both), then a
    linear projection per step: buys computation per parameter ahead of the LSTM, which holds
    nearly all of the parameter budget."""

    def __init__(self, coefficients, channels, kernel, stride, maps=16):
        super().__init__()
        self.maps = maps
        pad = kernel // 2
        self.first = nn.Sequential(nn.Conv2d(1, maps, kernel, padding=pad), nn.BatchNorm2d(maps), nn.ReLU())
        self.second = nn.Sequential(nn.Conv2d(maps, maps, kernel, stride=(stride, 2), padding=pad), nn.BatchNorm2d(maps), nn.ReLU())
        bands = (coefficients + 2 * pad - kernel) // 2 + 1
        self.project = nn.Linear(maps * bands, channels)

    def forward(self, x):  # [batch, frames, coefficients] -> [batch, steps, channels]
        h = self.second(self.first(x.unsqueeze(1)))  # [batch, maps, steps, bands]
        h = h.permute(0, 2, 1, 3).flatten(2)
        return torch.relu(self.project(h))


class CommandNet(nn.Module):
    """A convolutional front end (by default one strided convolution over time, halving the LSTM's
    steps), a unidirectional LSTM, a classifier on the mean and maximum of its outputs over the
    window (or on its last output; or on those two and an attention-weighted sum, run 47 in the model
    card). Unidirectional so that it can run on a stream."""

    def __init__(self, coefficients, outputs, channels=64, hidden=128, layers=2, pool="meanmax", kernel=3, stride=2, dropout=0.0, front="conv1d", window_cmn=False, projection=0):
        super().__init__()
        self.pool = pool
        self.window_cmn = window_cmn
        self.dropout = nn.Dropout(dropout)
        # The default front end stays the attribute `conv`, so that the default recipe's ONNX file,
        # whose weight names come from these attributes, stays identical to the shipped one.
        self.front = Conv2dFrontEnd(coefficients, channels, kernel, stride) if front == "conv2d" else None
        if self.front is None:
            self.conv = nn.Conv1d(coefficients, channels, kernel_size=kernel, stride=stride, padding=kernel // 2)
        # A projection (LSTMP) lets a wider cell fit the budget: the recurrence and the next layer see
        # only the projected state.
        self.lstm = nn.LSTM(channels, hidden, num_layers=layers, batch_first=True, dropout=dropout if layers > 1 else 0.0, proj_size=projection)
        out_size = projection or hidden
        if pool == "attention":
            # One score per step, softmaxed over the window: the classifier can weigh the steps that
            # hold the word instead of every step alike (mean) or one alone (max).
            self.attend = nn.Linear(out_size, 1)
        self.classify = nn.Linear(out_size * {"meanmax": 2, "attention": 3}.get(pool, 1), outputs)

    def forward(self, x):  # x: [batch, frames, coefficients], normalised
        if self.window_cmn:
            # Cepstral mean over the window taken out (all but the energy, c0): a microphone or room
            # adds a constant to each coefficient, the word does not.
            x = torch.cat([x[:, :, :1], x[:, :, 1:] - x[:, :, 1:].mean(1, keepdim=True)], dim=2)
        if self.front is not None:
            h = self.front(x)
        else:
            h = torch.relu(self.conv(x.transpose(1, 2))).transpose(1, 2)
        out, _ = self.lstm(h)
        if self.pool == "last":
            return self.classify(self.dropout(out[:, -1]))
        # The word sits anywhere in the window: pooling over time lets the classifier see it
        # where it was heard instead of relying on the last step to remember it.
        pooled = [out.mean(1), out.amax(1)]
        if self.pool == "attention":
            weights = torch.softmax(self.attend(out), dim=1)  # [batch, steps, 1]
            pooled.append((weights * out).sum(1))
        return self.classify(self.dropout(torch.cat(pooled, dim=1)))


class UnrolledProjectedLstm(nn.Module):
    """The same computation as a trained nn.LSTM with a projection, written out step by step for
    export: ONNX's LSTM operator has no projection, and the equivalent plain LSTM (recurrent weights
    multiplied by the projection) would store more weights than the model has parameters."""

    def __init__(self, lstm):
        super().__init__()
        self.lstm = lstm

    def forward(self, x):  # [batch, steps, input] -> ([batch, steps, projection], None)
        lstm = self.lstm
        for layer in range(lstm.num_layers):
            w_ih, w_hh = getattr(lstm, f"weight_ih_l{layer}"), getattr(lstm, f"weight_hh_l{layer}")
            w_hr = getattr(lstm, f"weight_hr_l{layer}")
            bias = getattr(lstm, f"bias_ih_l{layer}") + getattr(lstm, f"bias_hh_l{layer}")
            gates_in = torch.matmul(x, w_ih.t()) + bias
            r = torch.zeros(x.shape[0], lstm.proj_size)
            c = torch.zeros(x.shape[0], lstm.hidden_size)
            outputs = []
            for t in range(x.shape[1]):
                i, f, g, o = (gates_in[:, t] + torch.matmul(r, w_hh.t())).chunk(4, dim=1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                r = torch.matmul(torch.sigmoid(o) * torch.tanh(c), w_hr.t())
                outputs.append(r)
            x = torch.stack(outputs, dim=1)
        return x, None


def folded(logits, net, label_count):
    """Logits over the first label_count labels: outputs beyond them (other words trained apart,
    --word-labels) are joined into the last label, `_unknown_`, so that its posterior is the sum of theirs."""
    if net.classify.out_features == label_count:
        return logits
    return torch.cat([logits[:, :label_count - 1], torch.logsumexp(logits[:, label_count - 1:], dim=-1, keepdim=True)], dim=-1)


class Posteriors(nn.Module):
    """What the appliance runs: raw logits turned into probabilities inside the graph."""

    def __init__(self, net, label_count):
        super().__init__()
        self.net = net
        self.label_count = label_count

    def forward(self, mfcc):
        return torch.softmax(folded(self.net(mfcc), self.net, self.label_count), dim=-1)


def word_labels(work, y, unknown):
    """The other word of each `_unknown_` training row (split.py's word_of) as a label of its own after
    the usual ones, most rows first."""
    labels = y.tolist()
    paths = [line.split("\t")[0] for line in open(os.path.join(work, "train.list"))]
    words = [word_of(path, os.path.basename(os.path.dirname(path))) if label == unknown else None
             for path, label in zip(paths, labels)]
    counts = collections.Counter(filter(None, words))
    order = sorted(counts, key=lambda w: (counts[w], w), reverse=True)
    index = {word: unknown + 1 + i for i, word in enumerate(order)}
    return order, torch.tensor([index[w] if w else label for w, label in zip(words, labels)])


def load_teacher(path, labels, rows):
    """The teacher's posteriors, checked against the training rows and labels they must belong to."""
    shape_file = os.path.splitext(path)[0] + ".json"
    if not os.path.exists(shape_file):
        sys.exit(f"{path}: no {shape_file} beside it (export-posteriors prints it)")
    try:
        shape = json.load(open(shape_file))
        teacher_labels, windows = shape["labels"], shape["windows"]
    except (ValueError, KeyError, TypeError) as e:
        sys.exit(f"{shape_file}: not the shape export-posteriors prints ({e}); run it again")
    if teacher_labels != labels:
        sys.exit(f"{path}: the teachers' labels {teacher_labels} are not the work folder's {labels}")
    posteriors = np.fromfile(path, dtype="<f4")
    if windows != rows or posteriors.size != rows * len(labels):
        sys.exit(f"{path}: {posteriors.size} values for {rows} training rows of {len(labels)} labels")
    return torch.from_numpy(posteriors.reshape(rows, len(labels)))


def load(work, split, frames, coefficients, features_file=None):
    features_file = features_file or f"{split}.f32"
    x = np.fromfile(os.path.join(work, features_file), dtype="<f4").reshape(-1, frames, coefficients)
    y = np.loadtxt(os.path.join(work, f"{split}.labels"), dtype=np.int64, ndmin=1)
    assert len(x) == len(y), f"{features_file}: {len(x)} feature rows, {len(y)} labels"
    return torch.from_numpy(x), torch.from_numpy(y)


def spec_augment(x, generator, time_masks=1, max_time=6, coefficient_masks=1, max_coefficients=3):
    """Time masks of up to max_time frames and coefficient masks of up to max_coefficients, set to the
    mean (0)."""
    batch, frames, coefficients = x.shape
    x = x.clone()
    for i in range(batch):
        for _ in range(time_masks):
            t = int(torch.randint(0, max_time + 1, (1,), generator=generator))
            t0 = int(torch.randint(0, frames - t + 1, (1,), generator=generator))
            x[i, t0:t0 + t] = 0
        for _ in range(coefficient_masks):
            c = int(torch.randint(0, max_coefficients + 1, (1,), generator=generator))
            c0 = int(torch.randint(0, coefficients - c + 1, (1,), generator=generator))
            x[i, :, c0:c0 + c] = 0
    return x


def accuracy(net, x, y, label_count, batch=1024):
    net.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            right += (folded(net(x[i:i + batch]), net, label_count).argmax(1) == y[i:i + batch]).sum().item()
    return right / max(1, len(x))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work")
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--projection", type=int, default=0, help="LSTM projection size (0: none)")
    parser.add_argument("--channels", type=int, default=64)
    parser.add_argument("--pool", choices=["last", "meanmax", "attention"], default="meanmax")
    parser.add_argument("--front", choices=["conv1d", "conv2d"], default="conv1d",
                        help="convolution over time only, or over time and coefficient")
    parser.add_argument("--kernel", type=int, default=3, help="convolution width in frames")
    parser.add_argument("--stride", type=int, default=2, help="convolution stride: frames per LSTM step")
    parser.add_argument("--dropout", type=float, default=0.0, help="dropout between LSTM layers and before the classifier")
    parser.add_argument("--ema", type=float, default=0.0,
                        help="decay of the running average of the weights, also validated each epoch (0: off)")
    parser.add_argument("--augmented-copies", type=int, default=1,
                        help="training feature files, one per epoch in turn: train.f32, train.2.f32, ... (the same rows"
                             " exported with export-features --seed 1, 2, ...)")
    parser.add_argument("--label-smoothing", type=float, default=0.05)
    parser.add_argument("--mixup", type=float, default=0.0, help="mixup's Beta(a, a) parameter a (0: off)")
    parser.add_argument("--window-cmn", action="store_true",
                        help="subtract each coefficient's mean over the window (but c0's) inside the network")
    parser.add_argument("--weight-decay", type=float, default=1e-4, help="AdamW's decoupled weight decay")
    parser.add_argument("--time-masks", type=int, default=1, help="SpecAugment time masks per example")
    parser.add_argument("--max-time-mask", type=int, default=6, help="longest time mask, in frames")
    parser.add_argument("--coefficient-masks", type=int, default=1, help="SpecAugment coefficient masks per example")
    parser.add_argument("--max-coefficient-mask", type=int, default=3, help="widest coefficient mask")
    parser.add_argument("--checkpoint", help="also write the chosen weights, the network's shape, normalisation, labels and feature"
                             " settings here (PyTorch)")
    parser.add_argument("--word-labels", action="store_true",
                        help="train each other word of the _unknown_ rows as a label of its own, added back into _unknown_"
                             " inside the exported graph (run 54 in models/README.md)")
    parser.add_argument("--keep", choices=["best", "last"], default="best",
                        help="the weights written: the epoch with the best validation accuracy, or the last epoch"
                             " (for a model whose training rows include the validation speakers: split.py"
                             " --train-on-validation, where validation no longer measures unseen speakers)")
    parser.add_argument("--sam", type=float, default=0.0,
                        help="sharpness-aware minimisation: the radius rho of the worst-case step (0: off; run 64 in models/README.md)")
    parser.add_argument("--teacher", help="distil from these soft targets: TEACHER.f32, the averaged posteriors of other models"
                             " for every training row, written by `earshot export-posteriors` with its shape in TEACHER.json"
                             " (run 66 in models/README.md)")
    parser.add_argument("--teacher-weight", type=float, default=0.7,
                        help="with --teacher: the loss is (1 - w) x cross-entropy with the labels + w x cross-entropy"
                             " with the teacher's posteriors")
    parser.add_argument("--seed", type=int, default=1)
    # Measured on the 2-core machine here: 47-50 s an epoch on one thread with another training
    # beside it, 50-74 s on two threads (run 3 in models/README.md); one thread leaves a core free.
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.sam > 0 and args.mixup > 0:
        parser.error("--sam takes its second gradient on the unblended batch: use it without --mixup")
    if args.augmented_copies < 1:
        parser.error("--augmented-copies must be 1 or more")
    if args.teacher and (args.mixup > 0 or args.word_labels):
        parser.error("--teacher gives one target a row over the twelve labels: use it without --mixup and --word-labels")
    if not 0 <= args.teacher_weight <= 1:
        parser.error("--teacher-weight must be between 0 and 1")

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    labels = json.load(open(os.path.join(args.work, "labels.json")))
    features = json.load(open(os.path.join(args.work, "features.json")))
    frames, settings = features["frames"], features["features"]
    coefficients = settings["coefficients"]

    x_train, y_train = load(args.work, "train", frames, coefficients)
    x_val, y_val = load(args.work, "val", frames, coefficients)
    other_words = []
    if args.word_labels:
        if labels[-1] != "_unknown_":
            parser.error("--word-labels needs _unknown_ as the last label")
        other_words, y_train = word_labels(args.work, y_train, len(labels) - 1)
        print(f"other words as labels of their own: {len(other_words)}", flush=True)
    teacher = load_teacher(args.teacher, labels, len(y_train)) if args.teacher else None
    flat = x_train.reshape(-1, coefficients)
    mean, std = flat.mean(0), flat.std(0).clamp_min(1e-3)
    # Each export draws its variants once; further copies of the same rows with other draws let the
    # network meet fresh noise, shifts and speeds in later epochs instead of the same ones again.
    copies = [(x_train - mean) / std]
    for n in range(2, args.augmented_copies + 1):
        copies.append((load(args.work, "train", frames, coefficients, f"train.{n}.f32")[0] - mean) / std)
    x_val = (x_val - mean) / std

    net = CommandNet(coefficients, len(labels) + len(other_words), args.channels, args.hidden, args.layers, args.pool, args.kernel, args.stride, args.dropout, args.front, args.window_cmn, args.projection)
    # A running average of the weights lands nearer the middle of the minimum than the last step does;
    # each epoch validates both and the better one is kept.
    averaged = None
    if args.ema > 0:
        averaged = copy.deepcopy(net)
    parameters = sum(p.numel() for p in net.parameters())
    print(f"model: {args.front} {args.channels} (kernel {args.kernel}, stride {args.stride}) + {lstm_description(args)} + {args.pool} pooling, {parameters} parameters;"
          f" {len(y_train)} training rows (augmented copies: {len(copies)}), {len(x_val)} validation clips", flush=True)
    optimiser = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    steps = args.epochs * math.ceil(len(y_train) / args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)

    def row_loss(logits, idx):
        """The loss of a batch of rows: against their labels, and towards the teacher's posteriors when there is one."""
        hard = loss_fn(logits, y_train[idx])
        if teacher is None:
            return hard
        soft = -(teacher[idx] * torch.log_softmax(logits, dim=-1)).sum(-1).mean()
        return (1 - args.teacher_weight) * hard + args.teacher_weight * soft

    generator = torch.Generator().manual_seed(args.seed)
    # Its own random source, so that the default recipe draws exactly what it drew before.
    mixing = np.random.default_rng(args.seed) if args.mixup > 0 else None

    best, best_state = -1.0, None
    for epoch in range(1, args.epochs + 1):
        started = time.time()
        net.train()
        x_train = copies[(epoch - 1) % len(copies)]
        order = torch.randperm(len(x_train), generator=generator)
        total_loss, right = 0.0, 0
        for i in range(0, len(order), args.batch):
            idx = order[i:i + args.batch]
            xb = spec_augment(x_train[idx], generator, args.time_masks, args.max_time_mask, args.coefficient_masks, args.max_coefficient_mask)
            yb = y_train[idx]
            if mixing is not None:
                # Mixup: each example blended with another of the batch, the loss blended alike.
                blend = float(mixing.beta(args.mixup, args.mixup))
                partner = torch.from_numpy(mixing.permutation(len(idx)))
                logits = net(blend * xb + (1 - blend) * xb[partner])
                loss = blend * loss_fn(logits, yb) + (1 - blend) * loss_fn(logits, yb[partner])
            else:
                logits = net(xb)
                loss = row_loss(logits, idx)
            optimiser.zero_grad()
            loss.backward()
            if args.sam > 0:
                # SAM: a minimum that stays low within rho of the weights is flat, and a flat one
                # should hold better for new speakers. Step to the worst point within rho along the
                # gradient, take the gradient there, come back, and let AdamW step with that one.
                with torch.no_grad():
                    params = [p for p in net.parameters() if p.grad is not None]
                    norm = torch.norm(torch.stack([p.grad.norm(2) for p in params]), 2)
                    moves = []
                    for p in params:
                        e = p.grad * (args.sam / (norm + 1e-12))
                        p.add_(e)
                        moves.append(e)
                optimiser.zero_grad()
                row_loss(net(xb), idx).backward()
                with torch.no_grad():
                    for p, e in zip(params, moves):
                        p.sub_(e)
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            schedule.step()
            if averaged is not None:
                with torch.no_grad():
                    for a, p in zip(averaged.parameters(), net.parameters()):
                        a.mul_(args.ema).add_(p, alpha=1 - args.ema)
            total_loss += loss.item() * len(idx)
            # On the twelve labels, as validation is scored, also when other words train apart.
            right += (folded(logits, net, len(labels)).argmax(1) == yb.clamp(max=len(labels) - 1)).sum().item()
        val = accuracy(net, x_val, y_val, len(labels))
        if val > best:
            best, best_state, best_from = val, {k: v.clone() for k, v in net.state_dict().items()}, f"epoch {epoch}"
        averaged_line = ""
        if averaged is not None:
            val_averaged = accuracy(averaged, x_val, y_val, len(labels))
            averaged_line = f", averaged weights {val_averaged:.4f}"
            if val_averaged > best:
                best, best_state = val_averaged, {k: v.clone() for k, v in averaged.state_dict().items()}
                best_from = f"epoch {epoch}, averaged weights"
        print(f"epoch {epoch}/{args.epochs}: loss {total_loss / len(x_train):.4f}, train accuracy"
              f" {right / len(x_train):.4f}, validation accuracy {val:.4f}{averaged_line}, {time.time() - started:.0f} s", flush=True)

    if args.keep == "last":
        best, best_state, best_from = val, {k: v.clone() for k, v in net.state_dict().items()}, f"epoch {args.epochs}, the last"
    net.load_state_dict(best_state)
    print(f"{'best' if args.keep == 'best' else 'kept'} validation accuracy: {best:.4f} ({best_from})", flush=True)
    if args.checkpoint:
        shape = {"channels": args.channels, "hidden": args.hidden, "projection": args.projection, "layers": args.layers, "pool": args.pool,
                 "kernel": args.kernel, "stride": args.stride, "front": args.front,
                 "window_cmn": args.window_cmn, "other_words": other_words}
        torch.save({"state": best_state, "mean": mean, "std": std, "labels": labels, "features": settings,
                    "frames": frames, "net": shape}, args.checkpoint)
    export(net, labels, settings, frames, mean, std, parameters, args, other_words)


def lstm_description(args):
    return f"LSTM {args.layers}x{args.hidden}" + (f" projected to {args.projection}" if args.projection else "")


def export(net, labels, settings, frames, mean, std, parameters, args, other_words):
    net.eval()
    dynamic_axes = {"mfcc": {0: "batch", 1: "frames"}, "posteriors": {0: "batch"}}
    if net.lstm.proj_size > 0:
        net = copy.deepcopy(net)
        net.lstm = UnrolledProjectedLstm(net.lstm)
        # Written out for one window's steps, so the graph takes exactly one window.
        dynamic_axes["mfcc"] = {0: "batch"}
    wrapper = Posteriors(net, len(labels))
    dummy = torch.zeros(1, frames, settings["coefficients"])
    torch.onnx.export(wrapper, dummy, args.out, input_names=["mfcc"], output_names=["posteriors"],
                      dynamic_axes=dynamic_axes, opset_version=14)
    model = onnx.load(args.out)
    front_description = f"conv2d {net.front.maps} maps, projection to" if net.front is not None else "conv1d"
    metadata = {
        "format": 1,
        "labels": labels,
        "features": settings,
        "normalisation": {"mean": [float(v) for v in mean], "std": [float(v) for v in std]},
        "window_frames": frames,
        "architecture": ("window cepstral mean subtraction + " if args.window_cmn else "") + f"{front_description} {args.channels} kernel {args.kernel} stride {args.stride} + {lstm_description(args)} + {args.pool} pooling + linear"
                        + (f" ({len(other_words)} other words as labels of their own, added into _unknown_)" if other_words else ""),
        "parameters": parameters,
        "training": {"epochs": args.epochs, "seed": args.seed, "lr": args.lr, "batch": args.batch,
                     "label_smoothing": args.label_smoothing, "weight_decay": args.weight_decay, "weight_average": args.ema, "dropout": args.dropout,
                     "augmented_copies": args.augmented_copies, "mixup": args.mixup},
    }
    entry = model.metadata_props.add()
    entry.key, entry.value = "earshot", json.dumps(metadata)
    model.producer_name = "earshot scripts/train.py"
    onnx.checker.check_model(model)
    onnx.save(model, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", flush=True)


if __name__ == "__main__":
    main()
