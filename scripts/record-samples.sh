#!/usr/bin/env bash
# Record a folder of test recordings on the device, for `earshot regress DIR`.
#
# Usage: scripts/record-samples.sh [--rounds N] [--others N] [--silences N] DIR [WORD...]
#
# Prompts for each command word (default: yes no up down left right on off stop go), then for a few
# other words and a few silences, records each with arecord (16 kHz mono 16-bit, 2 s), and writes
# DIR/<n>-<word>.wav and DIR/manifest.csv (file,expected,note; expected is the word, or none for
# other words and silence). Then check the device with:
#
#   java -jar earshot.jar regress DIR
#
# On a terminal it waits for Enter before each recording; otherwise it records straight away.
# ARECORD overrides the recorder (default: arecord). It is called as
#   $ARECORD -q -f S16_LE -r 16000 -c 1 -d 2 FILE.wav
# and must write a WAV file to FILE.wav (tests point it at a script that copies recorded audio).
set -euo pipefail

usage() {
    sed -n '2,17s/^# \{0,1\}//p' "$0"
}

rounds=1
others=2
silences=2
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --others) others=${2:?--others needs a number}; shift 2 ;;
        --silences) silences=${2:?--silences needs a number}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; break ;;
        -*) echo "record-samples.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) break ;;
    esac
done
for n in "$rounds" "$others" "$silences"; do
    case "$n" in
        ''|*[!0-9]*) echo "record-samples.sh: not a number: $n" >&2; exit 2 ;;
    esac
done
if [ $# -lt 1 ]; then
    usage >&2
    exit 2
fi
dir=$1
shift
if [ $# -gt 0 ]; then
    words=("$@")
else
    words=(yes no up down left right on off stop go)
fi
for word in "${words[@]}"; do
    case "$word" in
        none|stream|other|silence|*[!a-z_]*|'')
            echo "record-samples.sh: '$word' cannot be a command word (use lower-case letters)" >&2; exit 2 ;;
    esac
done

recorder=${ARECORD:-arecord}
if ! command -v "$recorder" >/dev/null 2>&1; then
    echo "record-samples.sh: $recorder not found (install alsa-utils, or set ARECORD)" >&2
    exit 1
fi
mkdir -p "$dir"
manifest=$dir/manifest.csv
if [ -e "$manifest" ]; then
    echo "record-samples.sh: $manifest already exists; choose a new folder" >&2
    exit 1
fi

# Prompts: each word once per round, then the other words and the silences.
prompts=()
for ((round = 1; round <= rounds; round++)); do
    for word in "${words[@]}"; do
        prompts+=("$word")
    done
done
for ((i = 0; i < others; i++)); do prompts+=(other); done
for ((i = 0; i < silences; i++)); do prompts+=(silence); done

echo "file,expected,note" > "$manifest"
total=${#prompts[@]}
count=0
for word in "${prompts[@]}"; do
    count=$((count + 1))
    file=$(printf '%02d-%s.wav' "$count" "$word")
    case "$word" in
        other) say="say any other word (not a command)"; expected=none; note="another word" ;;
        silence) say="stay silent"; expected=none; note="silence" ;;
        *) say="say \"$word\""; expected=$word; note="the word $word" ;;
    esac
    printf '[%d/%d] %s\n' "$count" "$total" "$say"
    if [ -t 0 ]; then
        printf '       press Enter, then %s within 2 seconds: ' "$say"
        read -r _
    fi
    if ! "$recorder" -q -f S16_LE -r 16000 -c 1 -d 2 "$dir/$file"; then
        echo "record-samples.sh: $recorder failed for $dir/$file" >&2
        exit 1
    fi
    if [ ! -s "$dir/$file" ]; then
        echo "record-samples.sh: $recorder wrote nothing to $dir/$file" >&2
        exit 1
    fi
    printf '%s,%s,%s\n' "$file" "$expected" "$note" >> "$manifest"
done
echo "wrote $total recordings and $manifest"
echo "check them with: java -jar earshot.jar regress $dir"
