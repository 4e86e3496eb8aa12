#!/usr/bin/python3
"""Rebuild the recorded-audio regression set (src/test/resources/regression/) from WORK.

Usage: make_regression_set.py WORK OUT [--seed N]

WORK is the folder scripts/split.py wrote: clips are drawn only from WORK/split/test (speakers never
used in training), and only from the lossless Speech Commands v0.02 test clips among them; noise from
WORK/noise. OUT receives:

  clips/<label>-<speaker>_<n>.wav  one-second clips as recorded (commands, other words, silence)
  hard/<kind>-<label>-<speaker>_<n>.wav   one-second clips made harder: quiet, loud and clipped,
                                   mixed with each background noise at 5-10 dB SNR, resampled to
                                   8 / 44.1 / 48 kHz (sox), and stereo
  long/stream-<k>.wav + .tsv       30-s recordings composed by scripts/compose_stream.py, with truth
  manifest.csv                     file,expected,note   (expected: a command, none, or stream)

Everything follows from --seed: run it twice, get the same files. Marks "known_miss" that a
maintainer put at the start of a note in an existing OUT/manifest.csv are kept for the same file.
NOTICE, floor.properties and golden/ are not touched (they are edited by hand or by the golden
generator).
"""
import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import wave

import numpy as np

import compose_stream  # the same WAV handling and word spans as the composed recordings

RATE = 16000
COMMANDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
SILENCE, UNKNOWN = "_silence_", "_unknown_"

# How many clips of each kind. 16-bit 16 kHz mono is 32 KB a second: the set stays near 10 MB.
CLEAN_PER_COMMAND = 11
CLEAN_UNKNOWN = 20
CLEAN_SILENCE = 10
QUIET = 10            # one per command
LOUD = 10             # one per command
NOISY_PER_NOISE = 3   # two commands and one other word over each background recording
RESAMPLED = {"8k": (8000, 10), "44k1": (44100, 4), "48k": (48000, 4)}
STEREO = 4
STREAMS = [  # seconds, commands, others, seed, snr
    (30, 4, 2, 11, "5,20"),
    (30, 4, 2, 12, "10,25"),
    (30, 4, 2, 13, "5,15"),
]


def read_wav(path):
    return compose_stream.read_wav(path, np.float64)


write_wav = compose_stream.write_wav
spoken_span = compose_stream.spoken_span


def speaker_of(name):
    return os.path.splitext(name)[0].split("_nohash_")[0].split("_")[-1]


def lossless_clips(test_dir, label):
    """v0.02 test clips of one label (symbolic links into speech_commands_test_v0.02), one second long."""
    folder = os.path.join(test_dir, label)
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if "speech_commands_test_v0.02" not in os.path.realpath(path):
            continue
        with wave.open(path) as w:
            if w.getnframes() != RATE:
                continue
        found.append(path)
    return found


def draw(rng, pool, n, used_speakers):
    """n clips from pool, a different speaker each where possible, never a clip twice."""
    picked = []
    candidates = pool[:]
    rng.shuffle(candidates)
    for path in candidates:
        if len(picked) == n:
            break
        if speaker_of(os.path.basename(path)) not in used_speakers:
            picked.append(path)
            used_speakers.add(speaker_of(os.path.basename(path)))
    for path in candidates:
        if len(picked) == n:
            break
        if path not in picked:
            picked.append(path)
    for path in picked:
        pool.remove(path)
    if len(picked) < n:
        sys.exit(f"not enough clips: wanted {n}, found {len(picked)}")
    return picked


def expected_of(label):
    return label if label in COMMANDS else "none"


def source_name(test_dir, path):
    return os.path.relpath(path, test_dir)


def stem(label, path):
    word = label.strip("_")
    return f"{word}-{os.path.splitext(os.path.basename(path))[0]}"



def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    test_dir = os.path.join(args.work, "split", "test")
    noise_dir = os.path.join(args.work, "noise")
    out = args.out
    here = os.path.dirname(os.path.abspath(__file__))

    known = {}
    manifest_path = os.path.join(out, "manifest.csv")
    if os.path.exists(manifest_path):
        with open(manifest_path, newline="") as f:
            for row in csv.DictReader(f):
                if row["note"].startswith("known_miss"):
                    known[row["file"]] = row["note"].split(";")[0]
    for folder in ("clips", "hard", "long"):
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
        os.makedirs(os.path.join(out, folder))

    pools = {label: lossless_clips(test_dir, label) for label in COMMANDS + [SILENCE, UNKNOWN]}
    rows = []
    used = set()

    def add(file, label, note):
        if file in known:
            note = known[file] + "; " + note
        rows.append((file, expected_of(label), note))

    # Clips as recorded.
    for label in COMMANDS + [UNKNOWN, SILENCE]:
        n = CLEAN_PER_COMMAND if label in COMMANDS else CLEAN_UNKNOWN if label == UNKNOWN else CLEAN_SILENCE
        for path in sorted(draw(rng, pools[label], n, used)):
            file = f"clips/{stem(label, path)}.wav"
            shutil.copyfile(path, os.path.join(out, file))
            what = "silence (a noise cut)" if label == SILENCE else \
                f"other word '{os.path.basename(path).split('_')[0]}'" if label == UNKNOWN else "as recorded"
            add(file, label, f"{what}; from {source_name(test_dir, path)}")

    # Quiet: the loudest sample at -36..-28 dBFS.
    for label in COMMANDS:
        path = draw(rng, pools[label], 1, used)[0]
        clip = read_wav(path)
        peak_db = rng.uniform(-36, -28)
        file = f"hard/quiet-{stem(label, path)}.wav"
        write_wav(os.path.join(out, file), clip / np.max(np.abs(clip)) * 10 ** (peak_db / 20))
        add(file, label, f"quiet: peak {peak_db:.1f} dBFS; from {source_name(test_dir, path)}")

    # Loud: amplified 6..14 dB past full scale and clipped.
    for label in COMMANDS:
        path = draw(rng, pools[label], 1, used)[0]
        clip = read_wav(path)
        over_db = rng.uniform(6, 14)
        file = f"hard/loud-{stem(label, path)}.wav"
        write_wav(os.path.join(out, file), clip / np.max(np.abs(clip)) * 10 ** (over_db / 20))
        add(file, label, f"loud: clipped {over_db:.1f} dB over full scale; from {source_name(test_dir, path)}")

    # Over each background noise at 5..10 dB SNR (speech RMS over its spoken part against the noise RMS).
    noises = sorted(f for f in os.listdir(noise_dir) if f.endswith(".wav"))
    commands_cycle = COMMANDS[:]
    rng.shuffle(commands_cycle)
    for i, noise_file in enumerate(noises):
        noise = read_wav(os.path.join(noise_dir, noise_file))
        labels = [commands_cycle[(2 * i) % 10], commands_cycle[(2 * i + 1) % 10], UNKNOWN]
        for label in labels:
            path = draw(rng, pools[label], 1, used)[0]
            clip = read_wav(path)
            begin, end = spoken_span(clip)
            start = rng.randint(0, len(noise) - RATE)
            piece = noise[start:start + RATE]
            snr = rng.uniform(5, 10)
            speech_rms = np.sqrt(np.mean(clip[begin:end] ** 2))
            piece = piece / (np.sqrt(np.mean(piece ** 2)) + 1e-12) * speech_rms / 10 ** (snr / 20)
            mix = clip + piece
            if np.max(np.abs(mix)) > 0.99:
                mix *= 0.99 / np.max(np.abs(mix))
            kind = os.path.splitext(noise_file)[0].replace("_", "")
            file = f"hard/noise-{kind}-{stem(label, path)}.wav"
            write_wav(os.path.join(out, file), mix)
            add(file, label, f"over {noise_file} at {snr:.1f} dB SNR (noise from {start / RATE:.2f} s);"
                             f" from {source_name(test_dir, path)}")

    # Other rates, converted with sox (its default high-quality resampler).
    variants = [(name, rate) for name, (rate, n) in RESAMPLED.items() for _ in range(n)]
    for i, (name, rate) in enumerate(variants):
        label = COMMANDS[i % 10] if i % 6 != 5 else UNKNOWN
        path = draw(rng, pools[label], 1, used)[0]
        file = f"hard/rate{name}-{stem(label, path)}.wav"
        subprocess.run(["sox", "-D", "-V1", path, "-r", str(rate), os.path.join(out, file)], check=True)
        add(file, label, f"resampled to {rate} Hz by sox; from {source_name(test_dir, path)}")

    # Stereo: the clip on the left, the same clip 6 dB lower and 0.5 ms later on the right.
    for i in range(STEREO):
        label = COMMANDS[(i * 3 + 1) % 10]
        path = draw(rng, pools[label], 1, used)[0]
        clip = read_wav(path)
        right = np.concatenate([np.zeros(8), clip[:-8]]) * 0.5
        file = f"hard/stereo-{stem(label, path)}.wav"
        write_wav(os.path.join(out, file), np.stack([clip, right], axis=1).reshape(-1), channels=2)
        add(file, label, f"stereo: right channel 6 dB lower, 0.5 ms later; from {source_name(test_dir, path)}")

    # Long recordings, with the speakers of the test split and all six noises.
    compose = os.path.join(here, "compose_stream.py")
    for k, (seconds, commands, others, seed, snr) in enumerate(STREAMS, start=1):
        file = f"long/stream-{k}.wav"
        subprocess.run([sys.executable, compose, test_dir, noise_dir, os.path.join(out, file), "--seconds",
                        str(seconds), "--commands", str(commands), "--others", str(others), "--seed", str(seed),
                        "--snr", snr], check=True, stdout=subprocess.DEVNULL)
        add(file, "stream", f"{seconds} s, {commands} commands and {others} other words over noise at {snr} dB SNR;"
                            f" truth in long/stream-{k}.tsv; compose_stream.py seed {seed}")

    with open(manifest_path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "expected", "note"])
        for file, expected, note in rows:
            w.writerow([file, "stream" if file.startswith("long/") else expected, note])
    clips = sum(1 for r in rows if not r[0].startswith("long/"))
    print(f"{out}: {clips} one-second clips, {len(STREAMS)} long recordings")


if __name__ == "__main__":
    main()
