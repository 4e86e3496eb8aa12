#!/usr/bin/python3
"""Runs a model trained with `train.py --pool last --checkpoint MODEL.pt` over whole recordings, either
as the appliance does (a sliding one-second window every 100 ms) or as a stateful LSTM.

Usage: simulate.py MODEL.pt FRAMESDIR OUTDIR window|carry|copies [K R]

window: 49 frames every 5, each window from a fresh state (what `stream` does).
carry:  the convolution and the LSTM run once over the stream, the state carried from step to step
        and never reset.
copies: K LSTM states, each reset every R steps, staggered by R/K; the posteriors come from the one
        that has run longest, so each is read after R - R/K to R steps.
Writes OUTDIR/FILE.post for each FRAMESDIR/FILE.frames: a header (time and the labels), then the time
and the posteriors every 100 ms, at the same times as `stream`. Prints the LSTM steps run per second
of audio.
"""
import glob
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from train import CommandNet, folded  # noqa: E402

EVERY_MS = 100  # how often the appliance evaluates the window (Listening.STRIDE_MS)


def main():
    checkpoint = torch.load(sys.argv[1])
    frames_dir, out_dir, mode = sys.argv[2], sys.argv[3], sys.argv[4]
    copies, reset = (int(sys.argv[5]), int(sys.argv[6])) if mode == "copies" else (1, 0)
    shape = checkpoint["net"]
    if shape["pool"] != "last" or shape["front"] != "conv1d" or shape.get("window_cmn"):
        sys.exit("simulate.py: needs a model trained with --pool last and the conv1d front end, without --window-cmn")
    label_count = len(checkpoint["labels"])
    # A --word-labels checkpoint has an output per other word; they are joined into _unknown_ below.
    outputs = label_count + len(shape.get("other_words", []))
    net = CommandNet(len(checkpoint["mean"]), outputs, shape["channels"], shape["hidden"],
                     shape["layers"], shape["pool"], shape["kernel"], shape["stride"],
                     projection=shape.get("projection", 0))
    net.load_state_dict(checkpoint["state"])
    features, window = checkpoint["features"], checkpoint["frames"]
    hop, rate = features["hop_length"], features["sample_rate"]
    every = round(EVERY_MS / 1000 * rate / hop)
    kernel, stride = shape["kernel"], shape["stride"]
    window_steps = (window + 2 * (kernel // 2) - kernel) // stride + 1
    net.eval()
    torch.set_num_threads(1)
    os.makedirs(out_dir, exist_ok=True)
    steps_run, seconds = 0, 0.0
    for path in sorted(glob.glob(os.path.join(frames_dir, "*.frames"))):
        frames = torch.from_numpy(np.fromfile(path, "<f4").reshape(-1, len(checkpoint["mean"])))
        frames = (frames - checkpoint["mean"]) / checkpoint["std"]
        seconds += len(frames) * hop / rate
        heard = list(range(window, len(frames) + 1, every))  # frames heard when the appliance evaluates
        with torch.no_grad():
            if mode == "window":
                posteriors = torch.softmax(folded(net(torch.stack([frames[n - window:n] for n in heard])), net, label_count), 1).numpy()
                steps_run += window_steps * len(heard)
            else:
                per_step, run = stateful(net, frames, copies, reset if mode == "copies" else 0, label_count)
                steps_run += run
                # The convolution's step j needs frames up to stride * j + kernel // 2.
                posteriors = np.stack([per_step[(n - 1 - kernel // 2) // stride] for n in heard])
        with open(os.path.join(out_dir, os.path.basename(path).replace(".frames", ".post")), "w") as out:
            out.write("time\t" + "\t".join(checkpoint["labels"]) + "\n")
            for n, p in zip(heard, posteriors):
                out.write(f"{((n - 1) * hop + features['frame_length']) / rate:.3f}\t" + "\t".join(f"{v:.4f}" for v in p) + "\n")
    print(f"{mode} {copies}x{reset}: {steps_run / seconds:.0f} LSTM steps per second of audio")


def stateful(net, frames, copies, reset, label_count):
    inputs = torch.relu(net.conv(frames.T.unsqueeze(0))).transpose(1, 2)[0]
    states, ages = [None] * copies, [0] * copies
    per_step = np.zeros((len(inputs), label_count), np.float32)
    run = 0
    for j in range(len(inputs)):
        oldest = None
        for c in range(copies):
            start = c * reset // copies
            if reset and j < start:
                continue
            if reset and (j - start) % reset == 0:
                states[c], ages[c] = None, 0
            out, states[c] = net.lstm(inputs[j:j + 1].unsqueeze(0), states[c])
            ages[c] += 1
            run += 1
            if oldest is None or ages[c] > oldest[0]:
                oldest = (ages[c], out[0, -1])
        per_step[j] = torch.softmax(folded(net.classify(oldest[1]).unsqueeze(0), net, label_count)[0], 0).numpy()
    return per_step, run


if __name__ == "__main__":
    main()
