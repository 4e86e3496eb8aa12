#!/usr/bin/env bash
# CI check for the headless install (README.md, "Install on a Raspberry Pi", acceptance lines 1-4):
#   - install into a temp DESTDIR twice (second run changes nothing), keep a
#     modified config (new default as earshot.yaml.new), change nothing outside
#     DESTDIR, uninstall (only etc/earshot left), --purge (nothing left);
#   - a microphone profile in a DESTDIR (config.txt block with backup,
#     asound.conf, switch, uninstall restores);
#   - the profiles' asound.conf give a 16 kHz mono S16_LE "earshot" device;
#   - shellcheck on every scripts/*.sh;
#   - systemd-analyze verify, and systemd-analyze security --offline=true <= 4.0.
#
# Run after 'mvn -B package' (it needs target/earshot.jar). As root on a fresh
# Debian 12 machine it installs what it needs (shellcheck, systemd, alsa-utils).
# EARSHOT_JAR, EARSHOT_MODEL, EARSHOT_CONFIG override the sources (for testing).
set -uo pipefail

SRC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$SRC_ROOT" || exit 1
JAR=${EARSHOT_JAR:-$SRC_ROOT/target/earshot.jar}
MODEL=${EARSHOT_MODEL:-$SRC_ROOT/models/earshot.onnx}
CONFIG=${EARSHOT_CONFIG:-$SRC_ROOT/firmware-config/earshot.yaml}
UNIT=$SRC_ROOT/firmware-config/earshot.service
MAX_EXPOSURE=4.0

PASSED=0
FAILED=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$*"; }
fatal() {
    printf 'check-install: error: %s\n' "$*" >&2
    printf 'install checks: %d passed, %d failed\n' "$PASSED" "$((FAILED + 1))"
    exit 1
}
check() {  # check "description" command...: pass if the command succeeds
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
run_quiet() {  # run a command, keep its output in $WORK/last.log, show it on failure
    if "$@" >"$WORK/last.log" 2>&1; then return 0; fi
    sed 's/^/      | /' "$WORK/last.log"
    return 1
}
rejects() {  # rejects PATTERN command...: the command fails, saying PATTERN
    local pat=$1 out; shift
    if out=$("$@" 2>&1); then echo "      | it succeeded"; return 1; fi
    if ! printf '%s\n' "$out" | grep -q -- "$pat"; then
        printf '%s\n' "$out" | sed 's/^/      | /'
        return 1
    fi
}

# ---------------------------------------------------------- prerequisites ---
[ -f "$JAR" ] || fatal "$JAR not found: run 'mvn -B package' first"
[ -f "$MODEL" ] || fatal "model $MODEL not found"
[ -f "$CONFIG" ] || fatal "default config $CONFIG not found"

need=()
command -v shellcheck >/dev/null || need+=(shellcheck)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v arecord >/dev/null || need+=(alsa-utils)
if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || fatal "missing ${need[*]}: install them, or run this as root"
    echo "check-install: installing ${need[*]}"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
           >"$WORK/apt.log" 2>&1; then
        cat "$WORK/apt.log" >&2
        fatal "apt-get install ${need[*]} failed"
    fi
fi

INSTALL=("$SRC_ROOT/scripts/install.sh" --jar "$JAR" --model "$MODEL" --config "$CONFIG")
UNINSTALL=("$SRC_ROOT/scripts/uninstall.sh")

# tree DIR: every path with type, mode, size, mtime, and every file's hash
tree() {
    (cd "$1" && find . -printf '%y %m %s %T@ %p\n' | sort -k5) || true
    (cd "$1" && find . -type f -exec sha256sum {} + | sort -k2) || true
}

# The system paths install.sh would touch without DESTDIR.
system_state() {
    local p
    for p in /opt/earshot /etc/earshot /etc/systemd/system /etc/udev/rules.d \
             /etc/asound.conf /boot /var/lib/earshot; do
        if [ -e "$p" ]; then find "$p" -printf '%y %m %s %T@ %p\n' 2>/dev/null; fi
    done | sort -k5
    sha256sum /etc/passwd /etc/group /etc/shadow /var/lib/dpkg/status 2>/dev/null
}

# ------------------------------------------------------------- shellcheck ---
for f in "$SRC_ROOT"/scripts/*.sh; do
    check "shellcheck scripts/$(basename "$f")" run_quiet shellcheck -x "$f"
done

# ---------------------------------------------------------------- systemd ---
verify_unit() {
    local out rc
    out=$(systemd-analyze verify "$UNIT" 2>&1); rc=$?
    if [ $rc -ne 0 ] || printf '%s' "$out" | grep -q 'earshot'; then
        printf '%s\n' "$out" | sed 's/^/      | /'
        return 1
    fi
}
check "systemd-analyze verify earshot.service" verify_unit

security_ok() {
    local out score
    out=$(systemd-analyze security --offline=true --no-pager "$UNIT" 2>&1)
    score=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for earshot.service: \([0-9.]*\).*/\1/p')
    if [ -z "$score" ]; then
        printf '%s\n' "$out" | tail -n 5 | sed 's/^/      | /'
        return 1
    fi
    echo "      exposure level $score (must be <= $MAX_EXPOSURE)"
    awk -v s="$score" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(s <= m) }'
}
check "systemd-analyze security --offline=true rates earshot.service <= $MAX_EXPOSURE" security_ok

# --------------------------------------------------- DESTDIR install cycle ---
D=$WORK/root
mkdir -p "$D"
system_state > "$WORK/system.before"

check "install.sh --no-start into DESTDIR" run_quiet env DESTDIR="$D" "${INSTALL[@]}" --no-start
for pair in "opt/earshot/earshot.jar:$JAR" "opt/earshot/earshot.onnx:$MODEL" \
            "etc/earshot/earshot.yaml:$CONFIG" "etc/systemd/system/earshot.service:$UNIT" \
            "opt/earshot/earshot.yaml.default:$CONFIG" \
            "etc/udev/rules.d/60-earshot-gpio.rules:$SRC_ROOT/firmware-config/60-earshot-gpio.rules"; do
    check "installed ${pair%%:*}" cmp -s "$D/${pair%%:*}" "${pair#*:}"
done

tree "$D" > "$WORK/tree.1"
check "second install.sh run" run_quiet env DESTDIR="$D" "${INSTALL[@]}" --no-start
tree "$D" > "$WORK/tree.2"
check "... changed nothing in DESTDIR (paths, modes, mtimes, contents)" diff -u "$WORK/tree.1" "$WORK/tree.2"

printf '\n# changed by the user\n' >> "$D/etc/earshot/earshot.yaml"
cp "$D/etc/earshot/earshot.yaml" "$WORK/modified.yaml"
check "install.sh run with a modified config" run_quiet env DESTDIR="$D" "${INSTALL[@]}" --no-start
check "modified config kept" cmp -s "$D/etc/earshot/earshot.yaml" "$WORK/modified.yaml"
check "new default written as earshot.yaml.new" cmp -s "$D/etc/earshot/earshot.yaml.new" "$CONFIG"
tree "$D" > "$WORK/tree.3"
check "another install.sh run" run_quiet env DESTDIR="$D" "${INSTALL[@]}" --no-start
tree "$D" > "$WORK/tree.4"
check "... changed nothing in DESTDIR" diff -u "$WORK/tree.3" "$WORK/tree.4"

check "uninstall.sh from DESTDIR" run_quiet env DESTDIR="$D" "${UNINSTALL[@]}"
left=$(find "$D" -mindepth 1 -printf '%P\n' | grep -v -e '^etc$' -e '^etc/earshot$' -e '^etc/earshot/')
check "uninstall left only etc/earshot" test -z "$left"
if [ -n "$left" ]; then printf '      | %s\n' "$left"; fi
check "uninstall kept the modified config" cmp -s "$D/etc/earshot/earshot.yaml" "$WORK/modified.yaml"
check "uninstall.sh --purge" run_quiet env DESTDIR="$D" "${UNINSTALL[@]}" --purge
check "purge left DESTDIR empty" test -z "$(find "$D" -mindepth 1)"

# ------------------------------------------------------------ mic profile ---
M=$WORK/mic
mkdir -p "$M/boot/firmware" "$M/etc"
printf '[pi4]\ndtoverlay=vc4-kms-v3d\n[all]\ndtparam=audio=on\n' > "$M/boot/firmware/config.txt"
printf 'pcm.!default { type hw card 0 }\n' > "$M/etc/asound.conf"
cp "$M/boot/firmware/config.txt" "$WORK/config.txt.orig"
cp "$M/etc/asound.conf" "$WORK/asound.conf.orig"
check "install.sh --mic inmp441 into DESTDIR" run_quiet env DESTDIR="$M" "${INSTALL[@]}" --no-start --mic inmp441
check "it reported that a reboot is needed" grep -q 'REBOOT NEEDED' "$WORK/last.log"
block_ok() {
    awk '/^# >>> earshot mic profile/ { b = 1 }
         b && /^dtoverlay=adau7002-simple$/ { o = 1 }
         b && /^dtparam=i2s=on$/ { i = 1 }
         /^# <<< earshot mic profile/ { e = 1 }
         END { exit !(o && i && e) }' "$M/boot/firmware/config.txt"
}
check "config.txt has the inmp441 block" block_ok
check "config.txt kept its own lines" grep -qx 'dtoverlay=vc4-kms-v3d' "$M/boot/firmware/config.txt"
bak=$(find "$M/boot/firmware" -name 'config.txt.earshot-*.bak' | head -n1)
check "config.txt backup made" cmp -s "${bak:-/nonexistent}" "$WORK/config.txt.orig"
check "asound.conf is the inmp441 profile" cmp -s "$M/etc/asound.conf" firmware-config/mic/inmp441/asound.conf
saved=$(find "$M/etc" -name 'asound.conf.earshot-*.bak' | head -n1)
check "the previous asound.conf was saved" cmp -s "${saved:-/nonexistent}" "$WORK/asound.conf.orig"
tree "$M" > "$WORK/mic.1"
check "second --mic inmp441 run" run_quiet env DESTDIR="$M" "${INSTALL[@]}" --no-start --mic inmp441
tree "$M" > "$WORK/mic.2"
check "... changed nothing" diff -u "$WORK/mic.1" "$WORK/mic.2"
check "switch to --mic usb --card Mic" run_quiet env DESTDIR="$M" "${INSTALL[@]}" --no-start --mic usb --card Mic
no_block() { ! grep -q 'earshot mic profile' "$1"; }
check "usb profile: no overlay block left in config.txt" no_block "$M/boot/firmware/config.txt"
check "usb profile: card Mic selected" grep -q '"hw:CARD=Mic,DEV=0"' "$M/etc/asound.conf"
check "uninstall.sh --purge with a mic profile" run_quiet env DESTDIR="$M" "${UNINSTALL[@]}" --purge
check "config.txt back to the original" cmp -s "$M/boot/firmware/config.txt" "$WORK/config.txt.orig"
check "asound.conf back to the original" cmp -s "$M/etc/asound.conf" "$WORK/asound.conf.orig"

check "install.sh rejects an unknown profile" \
    rejects "unknown microphone profile" env DESTDIR="$WORK/x" "${INSTALL[@]}" --no-start --mic nosuchmic
check "install.sh says to run mvn -B package when the jar is missing" \
    rejects "mvn -B package" env DESTDIR="$WORK/x" scripts/install.sh --jar /nonexistent/earshot.jar --no-start

system_state > "$WORK/system.after"
check "nothing changed outside DESTDIR" diff -u "$WORK/system.before" "$WORK/system.after"

# --------------------------------------------- ALSA profiles (null card) ---
alsa_ok() {  # alsa_ok CONF PCM: a 1 s capture at 16 kHz mono S16_LE works
    if ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$1 timeout 10 \
        arecord -q -D "$2" -f S16_LE -r 16000 -c 1 -d 1 -t raw /dev/null >"$WORK/last.log" 2>&1; then
        return 0
    fi
    sed 's/^/      | /' "$WORK/last.log"
    return 1
}
# The hw card is replaced by ALSA's null device, so the plug/route chain is
# exercised without a microphone.
for prof in firmware-config/mic/*/; do
    name=$(basename "$prof")
    sed 's/"hw:CARD=[^"]*"/"null"/' "$prof/asound.conf" > "$WORK/asound-$name.conf"
    check "mic/$name: 'earshot' captures 16 kHz mono S16_LE" alsa_ok "$WORK/asound-$name.conf" earshot
    check "mic/$name: default capture goes through 'earshot'" alsa_ok "$WORK/asound-$name.conf" default
done

printf 'install checks: %d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
