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
# Validation holds 2.5 hours, so that a false accept an hour (the target) is told apart from
# none or two: with 0.67 hours, as before, one false accept moved the figure by 1.5 an hour.
compose val commands 30 10 5 1000
compose val no-commands 120 0 12 2000
compose test commands 20 10 5 3000
compose test no-commands 60 0 12 4000
