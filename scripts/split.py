#!/usr/bin/python3
"""Split a Speech Commands-style folder by speaker and write the clip lists for feature export.

Usage: split.py DATA WORK [--smoke]

DATA holds WAV files as <label>/<name>.wav, in any number of sub-folders (the official archive, or
../shared/data after prepare.sh). Folders named like background_noise hold noise for augmentation.
The speaker is the hash before "_nohash_"; files without one (silence cuts) count as their own
speaker. A speaker's bucket, from SHA-1 of its id, puts all of its clips in one split: test
(buckets 0-14), validation (15-24) or training (25-99), so no speaker is heard in two splits.

Writes into WORK:
  train.list, val.list, test.list   SOURCE<TAB>VARIANT rows for `earshot export-features`
  train.labels, val.labels, ...     one label index per row
  labels.json                       the label order
  split/{val,test}/<label>/*.wav    symbolic links, for `earshot eval`
  noise/*.wav                       symbolic links to the background recordings
  summary.json                      clips and speakers per split and label
"""
import argparse
import collections
import hashlib
import json
import os
import random
import sys

COMMANDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
SILENCE, UNKNOWN = "_silence_", "_unknown_"
LABELS = COMMANDS + [SILENCE, UNKNOWN]
TEST_BUCKETS, VAL_BUCKETS = 15, 10
# Rows per label in the training list: every clip once as recorded, the rest augmented variants,
# so rare words (on/off) weigh as much as common ones.
ROWS_PER_LABEL = 3600
UNKNOWN_FAR_COPIES = 2
# Rows of each other word's spoken part alone, whole, against the window's edge: a sliding window
# holds every word so as it enters and leaves, and the plain recipe took "cat" then hiss for "yes".
EDGE_COPIES = 1
# Rows for each other word at least (its clips, their far-shifted copies, then more of those):
# bed, cat and happy have over a thousand training clips each, the other twenty-odd words about a
# dozen. Off (0) in the shipped recipe; see --rows-per-other-word.
ROWS_PER_OTHER_WORD = 0
# Share of each command's augmented rows with the spoken word whole anywhere in the window (variant
# 5) instead of shifted a little (variant 1): a sliding window holds a command so for as long as all
# of it is inside, and with this the model takes fewer other words for commands on streams.
WHOLE_SHARE = 0.5


def speaker_of(name):
    stem = os.path.splitext(name)[0]
    if "_nohash_" in stem:
        return stem.split("_nohash_")[0].split("_")[-1]
    return stem


def word_of(path, folder):
    """The word an `_unknown_` clip says: its folder, or in the v0.02 test set's `_unknown_` folder
    the start of its file name (bed_0c540988_nohash_0.wav)."""
    if folder == UNKNOWN:
        return os.path.basename(path).split("_")[0]
    return folder


def source_of(path):
    """The data folder a clip came from: DATA/<source>/<label>/<clip>.wav."""
    return os.path.basename(os.path.dirname(os.path.dirname(path)))


def random_rows(rng, items, count, variant, label, share_source=None, share=0.0):
    """count rows of clips drawn at random from items; with share_source, the fraction share of them
    from the clips of that data folder. Why: one recording campaign can be under-represented for a
    word (v0.02 holds ~11 % of the "up" clips but nearly all of "on"), and more of its variants keep
    the model from telling words apart by how they were recorded (tried, see --source-share)."""
    own = [item for item in items if source_of(item[0]) == share_source] if share_source else []
    from_own = round(count * share) if own else 0
    return ([(rng.choice(own)[0], variant, label) for _ in range(from_own)]
            + [(rng.choice(items)[0], variant, label) for _ in range(count - from_own)])


def split_of(speaker):
    bucket = int(hashlib.sha1(speaker.encode()).hexdigest(), 16) % 100
    if bucket < TEST_BUCKETS:
        return "test"
    if bucket < TEST_BUCKETS + VAL_BUCKETS:
        return "val"
    return "train"


def scan(data):
    clips, noises = [], []
    for root, dirs, files in os.walk(data, followlinks=True):
        dirs.sort()
        folder = os.path.basename(root)
        wavs = sorted(f for f in files if f.lower().endswith(".wav"))
        if not wavs:
            continue
        if "background_noise" in folder:
            noises += [os.path.join(root, f) for f in wavs]
            continue
        label = folder if folder in LABELS else UNKNOWN
        for f in wavs:
            clips.append((os.path.abspath(os.path.join(root, f)), label, folder, speaker_of(f)))
    return clips, [os.path.abspath(n) for n in noises]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("work")
    parser.add_argument("--smoke", action="store_true", help="a few clips per label, for CI")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cut-command-rows", type=int, default=0, metavar="N",
                        help="per command, N '_unknown_' rows of it cut by the window's edge (tried: it cost"
                             " a point of validation accuracy, see models/README.md)")
    parser.add_argument("--edge-copies", type=int, default=EDGE_COPIES, metavar="N",
                        help="per other-word training clip, N more '_unknown_' rows of its spoken part alone, whole,"
                             " against the window's edge (default %(default)s, the shipped recipe; 0 gives the"
                             " recipe before run 37 in models/README.md)")
    parser.add_argument("--rows-per-other-word", type=int, default=ROWS_PER_OTHER_WORD, metavar="N",
                        help="top up each other word to N '_unknown_' rows with far-shifted variants (tried: 300)")
    parser.add_argument("--whole-share", type=float, default=WHOLE_SHARE, metavar="F",
                        help="make the fraction F of each command's augmented rows hold the word whole anywhere in"
                             " the window instead of shifted by up to 100 ms (the same clips; default %(default)s, the shipped"
                             " recipe; 0 gives the recipe of run 37 in models/README.md)")
    parser.add_argument("--synthetic", metavar="DIR",
                        help="synthetic clips (DIR/<word>/*.wav, e.g. espeak-ng), added to the training split only:"
                             " they must never count toward a reported accuracy")
    parser.add_argument("--source-share", metavar="SOURCE=F",
                        help="draw the fraction F of the augmented rows of each command and of the other words from the"
                             " clips under the data folder SOURCE (e.g. speech_commands_test_v0.02=0.5), the rest"
                             " from all of the label's clips")
    parser.add_argument("--train-on-validation", action="store_true",
                        help="train on the validation speakers' clips as well (still written as the validation split,"
                             " which then no longer measures unseen speakers): the final fit of a recipe chosen"
                             " without them; the test split is untouched")
    parser.add_argument("--label-rows", action="append", default=[], metavar="COMMAND=N",
                        help="training rows for COMMAND instead of %d (repeatable)" % ROWS_PER_LABEL)
    args = parser.parse_args()
    label_rows = {}
    for option in args.label_rows:
        label, _, rows = option.partition("=")
        if label not in COMMANDS or not rows.isdigit():
            parser.error(f"--label-rows {option}: expected COMMAND=ROWS")
        label_rows[label] = int(rows)
    share_source, share = None, 0.0
    if args.source_share:
        share_source, _, fraction = args.source_share.partition("=")
        try:
            share = float(fraction)
        except ValueError:
            share = -1.0
        if not share_source or not 0.0 <= share <= 1.0:
            parser.error(f"--source-share {args.source_share}: expected SOURCE=FRACTION, the fraction from 0 to 1")
    if not 0.0 <= args.whole_share <= 1.0:
        parser.error(f"--whole-share {args.whole_share}: expected a fraction from 0 to 1")
    rng = random.Random(args.seed)

    clips, noises = scan(args.data)
    if not clips:
        sys.exit(f"split.py: {args.data}: no WAV files in label folders")
    by_split = collections.defaultdict(lambda: collections.defaultdict(list))
    for path, label, folder, speaker in clips:
        by_split[split_of(speaker)][label].append((path, folder, speaker))
    if args.train_on_validation:
        for label, items in by_split["val"].items():
            by_split["train"][label].extend(items)
    synthetic_paths = set()
    if args.synthetic:
        synthetic, _ = scan(args.synthetic)
        for path, label, folder, speaker in synthetic:
            by_split["train"][label].append((path, folder, speaker))
            synthetic_paths.add(path)
    if args.smoke:
        for split in by_split.values():
            for label in split:
                split[label] = split[label][:4]
    missing = [l for l in LABELS if l != SILENCE and not by_split["train"][l]]
    if missing:
        sys.exit(f"split.py: {args.data}: no training clips for {', '.join(missing)}")

    os.makedirs(args.work, exist_ok=True)
    index = {label: i for i, label in enumerate(LABELS)}
    rows_per_label = {label: 4 if args.smoke else label_rows.get(label, ROWS_PER_LABEL) for label in LABELS}
    rows_per_other_word = min(4, args.rows_per_other_word) if args.smoke else args.rows_per_other_word
    summary = {}
    for split in ("train", "val", "test"):
        rows = []
        for label in LABELS:
            items = by_split[split][label]
            if split == "train":
                rows += [(path, 0, label) for path, _, _ in items]
                extra = max(0, rows_per_label[label] - len(items))
                if label == SILENCE:
                    # Half recorded silence made new, half fresh cuts of the background recordings.
                    variants = [(rng.choice(items)[0], 1, label) for _ in range(extra // 2)] if items else []
                    rows += variants + [("@silence", 1, label)] * (extra - len(variants))
                elif label == UNKNOWN:
                    # Other words, shifted anywhere in the window: a listening device sees every word
                    # at every position and must not take part of one for a command.
                    if share_source:
                        rows += random_rows(rng, items, len(items) * UNKNOWN_FAR_COPIES, 2, label, share_source, share)
                    else:
                        rows += [(path, 2, label) for path, _, _ in items for _ in range(UNKNOWN_FAR_COPIES)]
                    by_word = collections.defaultdict(list)
                    for path, folder, _ in items:
                        by_word[word_of(path, folder)].append(path)
                    for word in sorted(by_word):
                        paths = by_word[word]
                        top_up = rows_per_other_word - len(paths) * (1 + UNKNOWN_FAR_COPIES)
                        rows += [(paths[i % len(paths)], 2, label) for i in range(max(0, top_up))]
                    # A whole other word held at the window's edge, as a sliding window holds it when
                    # it enters and leaves, with the room's hiss after it ("cat" then noise is "yes").
                    rows += [(path, 4, label) for path, _, _ in items for _ in range(args.edge_copies)]
                    # Part of a command is no command: the start of a word being said, the tail
                    # of one said a moment ago ("d-own" sounds like "on").
                    for command in COMMANDS:
                        rows += [(rng.choice(by_split[split][command])[0], 3, label) for _ in range(args.cut_command_rows)]
                else:
                    variants = random_rows(rng, items, extra, 1, label, share_source, share)
                    # The same clips either way, so the option changes where the word sits, nothing else.
                    whole = round(len(variants) * args.whole_share)
                    rows += [(path, 5, label) for path, _, _ in variants[:whole]] + variants[whole:]
            else:
                rows += [(path, 0, label) for path, _, _ in items]
                link_dir = os.path.join(args.work, "split", split)
                for path, folder, _ in items:
                    target = os.path.join(link_dir, folder, os.path.basename(path))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    if not os.path.lexists(target):
                        os.symlink(path, target)
        if split == "train":
            rng.shuffle(rows)
        with open(os.path.join(args.work, f"{split}.list"), "w") as f:
            f.writelines(f"{src}\t{aug}\n" for src, aug, _ in rows)
        with open(os.path.join(args.work, f"{split}.labels"), "w") as f:
            f.writelines(f"{index[label]}\n" for _, _, label in rows)
        # Made-up voices are neither speakers nor recordings: the summary counts them apart.
        real = {label: [i for i in by_split[split][label] if i[0] not in synthetic_paths] for label in LABELS}
        summary[split] = {
            "speakers": len({s for items in real.values() for _, _, s in items}),
            "clips": {label: len(items) for label, items in real.items()},
            "synthetic_clips": sum(len(by_split[split][label]) - len(real[label]) for label in LABELS),
            "rows": len(rows),
        }
    noise_dir = os.path.join(args.work, "noise")
    os.makedirs(noise_dir, exist_ok=True)
    for n in noises:
        target = os.path.join(noise_dir, os.path.basename(n))
        if not os.path.lexists(target):
            os.symlink(n, target)
    with open(os.path.join(args.work, "labels.json"), "w") as f:
        json.dump(LABELS, f)
    with open(os.path.join(args.work, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    for split in ("train", "val", "test"):
        s = summary[split]
        synthetic = f" (and {s['synthetic_clips']} synthetic)" if s["synthetic_clips"] else ""
        print(f"{split}: {s['speakers']} speakers, {sum(s['clips'].values())} clips{synthetic}, {s['rows']} rows")


if __name__ == "__main__":
    main()
