#!/usr/bin/env bash
# Peer benchmark: runs Earshot, Vosk and PocketSphinx on the same Speech Commands folder
# (DIR/<label>/*.wav, 16 kHz mono 16-bit) and prints action accuracy, its errors and the wall time
# of each system side by side. Vosk and PocketSphinx are benchmark-only: neither is a dependency
# of Earshot. See docs/peers.md.
#
# Usage: scripts/bench-peers.sh DIR
# Environment:
#   EARSHOT_MODEL=FILE   pass --model FILE to `earshot eval` (default: the model bundled in the jar)
#   EARSHOT_JAR=FILE     the Earshot jar (default: target/earshot.jar of this checkout)
#   BENCH_OUT=DIR        keep Earshot's eval output and the peers' per-clip predictions there
#   PS_GARBAGE=P         PocketSphinx: prior of the phone-loop garbage path (default 0.01; 0: none)
set -euo pipefail

die() { echo "bench-peers: $*" >&2; exit 1; }
note() { echo "bench-peers: $*" >&2; }

[ $# -eq 1 ] || die "usage: scripts/bench-peers.sh DIR (one folder per label, DIR/<label>/*.wav)"
dir=$1
[ -d "$dir" ] || die "$dir: not a directory (expected DIR/<label>/*.wav)"
dir=$(cd "$dir" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${EARSHOT_JAR:-$root/target/earshot.jar}
[ -f "$jar" ] || die "$jar not found: build Earshot first (mvn -q package)"
if [ -n "${EARSHOT_MODEL:-}" ]; then
    [ -f "$EARSHOT_MODEL" ] || die "EARSHOT_MODEL=$EARSHOT_MODEL: no such file"
fi
command -v java >/dev/null || die "java not found"
command -v mvn >/dev/null || die "mvn not found (needed to fetch Vosk from Maven Central)"
command -v python3 >/dev/null || die "python3 not found (needed to score the peers)"

commands="yes no up down left right on off stop go"
vosk_version=0.3.45
jna_version=5.7.0 # the version vosk-0.3.45.pom asks for
ps_model=/usr/share/pocketsphinx/model/en-us
ps_garbage=${PS_GARBAGE:-0.01}
awk -v p="$ps_garbage" 'BEGIN { exit !(p ~ /^[0-9.eE+-]+$/ && p + 0 >= 0 && p + 0 < 0.99) }' \
    || die "PS_GARBAGE=$ps_garbage: expected a probability below 0.99"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/earshot-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- setup (not timed)
if ! command -v pocketsphinx_batch >/dev/null || [ ! -f "$ps_model/cmudict-en-us.dict" ]; then
    [ "$(id -u)" -eq 0 ] || die "PocketSphinx missing: run as root or: apt-get install pocketsphinx pocketsphinx-en-us"
    note "installing pocketsphinx pocketsphinx-en-us (apt)"
    apt-get install -y -q pocketsphinx pocketsphinx-en-us >&2 \
        || die "apt-get install pocketsphinx pocketsphinx-en-us failed"
fi

mkdir -p "$cache/lib" "$cache/classes"
fetch() { # groupId:artifactId:version[:packaging] file
    if [ ! -f "$cache/lib/$2" ]; then
        note "fetching $1 (Maven Central)"
        if ! (cd "$work" && mvn -B dependency:copy -Dartifact="$1" -DoutputDirectory="$cache/lib" > "$work/mvn.log" 2>&1); then
            grep -E 'ERROR' "$work/mvn.log" | head -n 5 >&2
            die "cannot fetch $1 from Maven Central"
        fi
    fi
}
fetch "com.alphacephei:vosk:$vosk_version" "vosk-$vosk_version.jar"
fetch "net.java.dev.jna:jna:$jna_version" "jna-$jna_version.jar"
vosk_model=$cache/vosk-model-en-us-$vosk_version
if [ ! -f "$vosk_model/am/final.mdl" ]; then
    fetch "com.alphacephei:vosk-model-en:$vosk_version:aar" "vosk-model-en-$vosk_version.aar"
    note "unpacking the small en-us model into $vosk_model"
    rm -rf "$work/aar" "$vosk_model"
    (cd "$work" && jar xf "$cache/lib/vosk-model-en-$vosk_version.aar" assets/model-en-us) \
        || die "cannot unpack vosk-model-en-$vosk_version.aar"
    mv "$work/assets/model-en-us" "$vosk_model"
fi
vosk_cp=$cache/lib/vosk-$vosk_version.jar:$cache/lib/jna-$jna_version.jar
src=$root/bench/peers/VoskBench.java
if [ ! -f "$cache/classes/VoskBench.class" ] || [ "$src" -nt "$cache/classes/VoskBench.class" ]; then
    javac -cp "$vosk_cp" -d "$cache/classes" "$src" || die "cannot compile $src"
fi

# The clips, as Earshot's eval lists them: DIR/<label>/*.wav, _background* folders skipped.
LC_ALL=C find -L "$dir" -mindepth 2 -maxdepth 2 -type f -iname '*.wav' ! -path "$dir/_background*" \
    | LC_ALL=C sort > "$work/clips.txt"
[ -s "$work/clips.txt" ] || die "$dir: no WAV files in label folders (expected DIR/<label>/*.wav)"
if grep -q '[[:space:]]' "$work/clips.txt"; then
    die "$dir: paths with spaces are not supported (PocketSphinx's control file)"
fi

# PocketSphinx: finite-state grammar START -> one command word -> END, or START -> END (nothing
# said, prior 0.01), or START -> a loop of any phones -> END (garbage: other words). The garbage
# path has the prior $ps_garbage (chosen on the validation split, see docs/peers.md); the ten words
# share the rest. Dictionary: the ten words (and their variants) from the package's CMUdict, plus one
# pseudo-word per phone for the garbage loop. Fillers (silence, noise) may occur anywhere.
phones="AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH"
for w in $commands; do
    grep -E "^$w(\([0-9]+\))? " "$ps_model/cmudict-en-us.dict"
done > "$work/ps.dict"
for p in $phones; do echo "g.${p,,} $p"; done >> "$work/ps.dict"
awk -v pg="$ps_garbage" -v words="$commands" -v phones="$phones" 'BEGIN {
    nw = split(words, w, " "); np = split(phones, p, " "); pe = 0.01; q = 0.5
    print "FSG_BEGIN peers"; print "NUM_STATES 3"; print "START_STATE 0"; print "FINAL_STATE 1"
    for (i = 1; i <= nw; i++) printf "TRANSITION 0 1 %.6g %s\n", (1 - pg - pe) / nw, w[i]
    printf "TRANSITION 0 1 %.6g\n", pe
    if (pg > 0) {
        for (i = 1; i <= np; i++) printf "TRANSITION 0 2 %.6g g.%s\n", pg / np, tolower(p[i])
        for (i = 1; i <= np; i++) printf "TRANSITION 2 2 %.6g g.%s\n", q / np, tolower(p[i])
        printf "TRANSITION 2 1 %.6g\n", 1 - q
    }
    print "FSG_END" }' > "$work/ps.fsg"

# ---------------------------------------------------------------- runs (timed, model load included)
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

note "earshot: $(wc -l < "$work/clips.txt") clips"
model_args=()
[ -z "${EARSHOT_MODEL:-}" ] || model_args=(--model "$EARSHOT_MODEL")
t0=$(now)
java -jar "$jar" eval "${model_args[@]}" "$dir" > "$work/earshot.txt" || true
t1=$(now)
earshot_wall=$(elapsed "$t0" "$t1")
grep -q '^action accuracy:' "$work/earshot.txt" || die "earshot eval failed (see its message above)"

note "vosk"
t0=$(now)
java -cp "$vosk_cp:$cache/classes" VoskBench "$vosk_model" "$work/clips.txt" > "$work/vosk.tsv" \
    || die "Vosk run failed"
t1=$(now)
vosk_wall=$(elapsed "$t0" "$t1")

note "pocketsphinx"
t0=$(now)
pocketsphinx_batch -hmm "$ps_model/en-us" -dict "$work/ps.dict" -fsg "$work/ps.fsg" \
    -adcin yes -adchdr 44 -cepdir / -cepext '' -ctl "$work/clips.txt" \
    -hyp "$work/ps.hyp" -logfn "$work/ps.log" || die "PocketSphinx run failed (log: $work/ps.log)"
t1=$(now)
ps_wall=$(elapsed "$t0" "$t1")
# "text (uttid score)" per clip -> path TAB text
sed -E 's/^(.*) \((.*) -?[0-9]+\)$/\2\t\1/' "$work/ps.hyp" > "$work/pocketsphinx.tsv"

if [ -n "${BENCH_OUT:-}" ]; then
    mkdir -p "$BENCH_OUT"
    cp "$work/earshot.txt" "$work/vosk.tsv" "$work/pocketsphinx.tsv" "$work/ps.fsg" "$work/ps.dict" "$BENCH_OUT/"
fi

# ---------------------------------------------------------------- table
# The one scorer for the peers. Truth: a clip's folder, as in Earshot's eval (a command, _silence_,
# or any other word = _unknown_). Prediction: the first of the ten command words in the system's
# text, or no command. Action accuracy: a command clip is right when its command is chosen, a
# _silence_/_unknown_ clip when no command is chosen; errors are misses (command -> nothing), wrong
# commands and false actions (no command -> a command). 12-class accuracy is "-": the peers cannot
# tell _silence_ from _unknown_.
python3 - "$work/clips.txt" "$commands" \
    "earshot" "$work/earshot.txt" "$earshot_wall" \
    "vosk" "$work/vosk.tsv" "$vosk_wall" \
    "pocketsphinx" "$work/pocketsphinx.tsv" "$ps_wall" <<'PY'
import os
import re
import sys

clips = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
commands = sys.argv[2].split()


def truth(path):
    return os.path.basename(os.path.dirname(path))


def earshot(path):
    text = open(path, encoding="utf-8").read()
    label = re.search(r"^label accuracy \(\d+-class\): ([\d.]+)%", text, re.M)
    action = re.search(r"^action accuracy: ([\d.]+)%\s+\(misses (\d+), wrong commands (\d+), "
                       r"false actions (\d+)\)", text, re.M)
    n = re.search(r"^clips: (\d+)", text, re.M)
    return (float(label.group(1)), float(action.group(1)), int(action.group(2)),
            int(action.group(3)), int(action.group(4)), int(n.group(1)))


def peer(path):
    said = {}
    for line in open(path, encoding="utf-8"):
        clip, _, text = line.rstrip("\n").partition("\t")
        said[clip] = text.split()
    scored = [c for c in clips if c in said]
    if len(scored) < len(clips):
        print(f"bench-peers: {os.path.basename(path)}: {len(clips) - len(scored)} unreadable clips skipped",
              file=sys.stderr)
    if not scored:
        sys.exit(f"bench-peers: {path}: no results")
    right = misses = wrong = false = 0
    for clip in scored:
        t = truth(clip)
        chosen = next((w for w in said[clip] if w in commands), None)
        if t in commands:
            if chosen == t:
                right += 1
            elif chosen is None:
                misses += 1
            else:
                wrong += 1
        elif chosen is None:
            right += 1
        else:
            false += 1
    return (None, 100.0 * right / len(scored), misses, wrong, false, len(scored))


args = sys.argv[3:]
print(f"{'system':<14}{'12-class':>9}{'action':>9}{'misses':>8}{'wrong':>7}{'false':>7}{'wall s':>9}{'clips':>7}")
for i in range(0, len(args), 3):
    name, path, wall = args[i:i + 3]
    label, action, misses, wrong, false, n = earshot(path) if name == "earshot" else peer(path)
    label_s = "-" if label is None else f"{label:.1f}%"
    print(f"{name:<14}{label_s:>9}{action:>8.1f}%{misses:>8}{wrong:>7}{false:>7}{float(wall):>9.1f}{n:>7}")
PY
