#!/usr/bin/python3
"""Compose a long test recording from one-second clips and background noise, with its truth file.

Usage: compose_stream.py CLIPS NOISE OUT.wav [options]

CLIPS is a folder in the Speech Commands layout (use held-out speakers only: WORK/split/test after
split.py); NOISE a folder of background-noise WAV files. Words are placed at random times over a
continuous noise bed, at random levels. OUT.tsv beside OUT.wav lists every word placed:
start_s, end_s (the spoken part, found from the clip's energy), label ("_unknown_" for other words),
and the source clip. Everything follows from --seed.
"""
import argparse
import csv
import os
import random
import sys
import wave

import numpy as np

RATE = 16000
PROGRAM = os.path.basename(sys.argv[0])  # make_regression_set.py reads WAVs through this module too
COMMANDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]


def read_wav(path, dtype=np.float32):
    try:
        w = wave.open(path)
    except (OSError, EOFError, wave.Error):
        raise SystemExit(f"{PROGRAM}: {path}: not a readable WAV file")
    with w:
        if (w.getframerate(), w.getnchannels(), w.getsampwidth()) != (RATE, 1, 2):
            raise SystemExit(f"{PROGRAM}: {path}: not 16 kHz mono 16-bit PCM")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(dtype) / 32768


def write_wav(path, samples, channels=1):
    """16-bit WAV at 16 kHz; several channels come interleaved in samples."""
    pcm = np.round(np.clip(samples, -1, 32767 / 32768) * 32768).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def spoken_span(clip):
    """First and last 10 ms frame whose energy is within 25 dB of the loudest one."""
    frames = len(clip) // 160
    energy = np.array([np.mean(clip[i * 160:(i + 1) * 160] ** 2) + 1e-12 for i in range(frames)])
    loud = np.nonzero(10 * np.log10(energy / energy.max()) > -25)[0]
    return loud[0] * 160, (loud[-1] + 1) * 160


def clips_of(folder, labels):
    found = {}
    for label in sorted(os.listdir(folder)):
        path = os.path.join(folder, label)
        if not os.path.isdir(path) or label == "_silence_":
            continue
        key = label if label in labels else "_unknown_"
        found.setdefault(key, []).extend(sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".wav")))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clips")
    parser.add_argument("noise")
    parser.add_argument("out")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--commands", type=int, default=8, help="command words to place")
    parser.add_argument("--others", type=int, default=4, help="other (non-command) words to place")
    parser.add_argument("--only", default="", help="comma-separated commands to draw from (default: all ten)")
    parser.add_argument("--snr", default="5,20", help="word-to-noise ratio range in dB")
    parser.add_argument("--noise-db", default="-45,-30", help="noise bed level range, dBFS RMS")
    parser.add_argument("--gap", type=float, default=1.0, help="least silence between words, seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for folder in (args.clips, args.noise):
        if not os.path.isdir(folder):
            parser.error(f"{folder}: no such folder")
    # A fresh WORK/streams/test is the usual target: make it rather than fail after the work is done.
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    rng = random.Random(args.seed)
    np_rng = np.random.default_rng(args.seed)

    commands = args.only.split(",") if args.only else COMMANDS
    pool = clips_of(args.clips, COMMANDS)
    noises = sorted(os.path.join(args.noise, f) for f in os.listdir(args.noise) if f.endswith(".wav"))
    total = int(args.seconds * RATE)

    # Noise bed: consecutive stretches of randomly chosen recordings, each at a random level.
    bed = np.zeros(total, dtype=np.float32)
    position = 0
    while position < total:
        noise = read_wav(rng.choice(noises))
        length = min(total - position, rng.randint(5 * RATE, 20 * RATE), len(noise))
        start = rng.randint(0, len(noise) - length)
        piece = noise[start:start + length]
        level = 10 ** (rng.uniform(*map(float, args.noise_db.split(","))) / 20)
        bed[position:position + length] = piece / (np.sqrt(np.mean(piece ** 2)) + 1e-9) * level
        position += length
    bed_rms = np.sqrt(np.mean(bed ** 2)) + 1e-9

    words = [rng.choice(commands) for _ in range(args.commands)] + ["_unknown_"] * args.others
    rng.shuffle(words)
    slot = total / max(1, len(words))
    truth, mix = [], bed.copy()
    lo_snr, hi_snr = map(float, args.snr.split(","))
    for i, label in enumerate(words):
        path = rng.choice(pool[label])
        clip = read_wav(path)
        begin, end = spoken_span(clip)
        speech = clip[begin:end]
        # Place the spoken part somewhere in this word's slot, keeping the gap to the slot edges.
        margin = int(args.gap * RATE / 2)
        lo, hi = int(i * slot) + margin, int((i + 1) * slot) - margin - len(speech)
        at = rng.randint(lo, max(lo, hi))
        snr = rng.uniform(lo_snr, hi_snr)
        gain = bed_rms * 10 ** (snr / 20) / (np.sqrt(np.mean(speech ** 2)) + 1e-9)
        whole = clip * gain
        start = at - begin
        s0, s1 = max(0, start), min(total, start + len(clip))
        mix[s0:s1] += whole[s0 - start:s1 - start]
        truth.append((at / RATE, (at + len(speech)) / RATE, label, os.path.relpath(path, args.clips)))
    del np_rng
    write_wav(args.out, mix)
    with open(os.path.splitext(args.out)[0] + ".tsv", "w", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(["start_s", "end_s", "label", "clip"])
        for start, end, label, clip in sorted(truth):
            out.writerow([f"{start:.3f}", f"{end:.3f}", label, clip])
    print(f"{args.out}: {args.seconds:.0f} s, {sum(1 for t in truth if t[2] != '_unknown_')} commands,"
          f" {sum(1 for t in truth if t[2] == '_unknown_')} other words")


if __name__ == "__main__":
    main()
