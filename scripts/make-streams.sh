#!/usr/bin/env bash
# Compose the streaming test material from the speaker split made by scripts/split.py.
#
#   scripts/make-streams.sh WORK
#
# Writes WORK/streams/{val,test}/: recordings with commands (10 a minute, plus 5 other words), and
# recordings with no command at all (12 other words a minute over noise) for false accepts per hour.
# val comes from validation speakers (tune thresholds there), test from test speakers (report there).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:?usage: scripts/make-streams.sh WORK}
python=/usr/bin/python3
[ -d "$work/split/test" ] || { echo "make-streams.sh: $work/split/test missing: run scripts/split.py first" >&2; exit 1; }

compose() { # split kind count commands others seed-base
  local split=$1 kind=$2 count=$3 commands=$4 others=$5 base=$6 i
  mkdir -p "$work/streams/$split"
  for ((i = 1; i <= count; i++)); do
    "$python" scripts/compose_stream.py "$work/split/$split" "$work/noise" \
      "$work/streams/$split/$kind-$(printf %03d "$i").wav" --seconds 60 \
      --commands "$commands" --others "$others" --seed $((base + i)) >/dev/null
  done
  echo "$split: $count $kind recordings of 60 s"
}

rm -rf "$work/streams"
# Validation holds 9 hours (600 commands in 1 h, and 8 h without a command), so that the false
# accepts an hour the defaults are tuned to rest on dozens of events: its first 2.5 hours (the
# first 30 and 120 recordings, the validation streams until 2026-11-27) put a model at 0.8 an
# hour (2 false accepts) where the test streams gave 4.5.
compose val commands 60 10 5 1000
compose val no-commands 480 0 12 2000
compose test commands 20 10 5 3000
compose test no-commands 60 0 12 4000
