#!/usr/bin/env bash
# Synthetic recordings of words with espeak-ng, in the Speech Commands layout, for
# `split.py --synthetic DIR` (training split only; they never count toward a reported accuracy).
#
#   scripts/synthetic-voices.sh OUT WORD...
#
# Per word 96 clips: 8 English accents x 6 voice variants x 2 speeds, pitch drawn per clip
# (seeded, so a rerun writes the same files). Needs espeak-ng and sox (apt-get install espeak-ng sox).
set -euo pipefail
out=${1:?usage: scripts/synthetic-voices.sh OUT WORD...}
shift
[ $# -gt 0 ] || { echo "synthetic-voices.sh: name at least one word" >&2; exit 1; }
for tool in espeak-ng sox; do
  command -v "$tool" > /dev/null || { echo "synthetic-voices.sh: $tool missing: apt-get install espeak-ng sox" >&2; exit 1; }
done
accents="en-gb en-us en-gb-scotland en-gb-x-gbclan en-gb-x-rp en-gb-x-gbcwmd en-029 en-us-nyc"
variants="m1 m3 m5 f1 f3 f5"
tmp=$(mktemp --suffix .wav)
trap 'rm -f "$tmp"' EXIT
RANDOM=1
for word in "$@"; do
  mkdir -p "$out/$word"
  for accent in $accents; do
    for variant in $variants; do
      for speed in 130 180; do
        pitch=$(( RANDOM % 40 + 30 ))
        espeak-ng -v "$accent+$variant" -s "$speed" -p "$pitch" -w "$tmp" "$word"
        # One made-up speaker per voice, so the name parses like a Speech Commands clip.
        sox -q -R "$tmp" -r 16000 -c 1 -b 16 "$out/$word/espeak${accent//-/}$variant${speed}_nohash_0.wav"
      done
    done
  done
done
