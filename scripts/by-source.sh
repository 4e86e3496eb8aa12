#!/usr/bin/env bash
# Split an evaluation folder of split.py (WORK/split/test, ...) by the data set folder each clip
# came from, so that `earshot eval` and `bench-peers.sh` can report each part on its own.
#
#   scripts/by-source.sh WORK/split/test OUT
#
# OUT/<source>/<label>/<clip>.wav, <source> being the folder under DATA (speech_commands_v0.01_train,
# speech_commands_test_v0.02, ...). Why: the two folders differ in codec (Opus against FLAC), in
# which commands they hold (on and off almost only in v0.02) and in their other words.
set -euo pipefail
src=${1:?usage: scripts/by-source.sh WORK/split/test OUT}
out=${2:?usage: scripts/by-source.sh WORK/split/test OUT}
[ -d "$src" ] || { echo "by-source.sh: $src: no such folder" >&2; exit 1; }
shopt -s nullglob
links=("$src"/*/*.wav)
[ ${#links[@]} -gt 0 ] || { echo "by-source.sh: $src: no <label>/*.wav clips" >&2; exit 1; }
rm -rf "$out"
for link in "${links[@]}"; do
  target=$(readlink -f "$link")
  label=$(basename "$(dirname "$link")")
  source=$(basename "$(dirname "$(dirname "$target")")")
  mkdir -p "$out/$source/$label"
  ln -s "$target" "$out/$source/$label/$(basename "$link")"
done
for part in "$out"/*/; do
  echo "$(basename "$part"): $(find "$part" -name '*.wav' | wc -l) clips"
done
