#!/usr/bin/env bash
# Install (or upgrade) Earshot as a hardened systemd service on Raspberry Pi OS
# Bookworm 64-bit or Debian 12 arm64. Idempotent: run it again to upgrade.
#
#   sudo scripts/install.sh [--mic NAME] [--card ID] [--jar PATH] [--no-start]
#   DESTDIR=/some/root scripts/install.sh --no-start   # stage a tree, touch nothing else
#
# Run scripts/install.sh --help for the options.
set -Eeuo pipefail
umask 022

PROG=earshot-install
SRC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

JAR=$SRC_ROOT/target/earshot.jar
MODEL=$SRC_ROOT/models/earshot.onnx
CONFIG=$SRC_ROOT/firmware-config/earshot.yaml
UNIT=$SRC_ROOT/firmware-config/earshot.service
UDEV_RULE=$SRC_ROOT/firmware-config/60-earshot-gpio.rules
MIC_DIR=$SRC_ROOT/firmware-config/mic
MIC=
CARD=
NO_START=0
DESTDIR=${DESTDIR:-}
ARGS="$*"

STEP="starting"
CHANGED=0          # something the running service uses was installed or updated
REBOOT_NEEDED=0    # config.txt changed

# Messages and error handling shared by install.sh and uninstall.sh (sourced; needs PROG and STEP).
# shellcheck source-path=SCRIPTDIR source=install-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/install-common.sh"

usage() {
    cat <<EOF
Usage: [DESTDIR=DIR] $0 [options]

Installs Earshot: the jar and model in /opt/earshot, the config as
/etc/earshot/earshot.yaml (a config you changed is kept; the new default goes
beside it as earshot.yaml.new), the systemd unit earshot.service (enabled and
started), the system user 'earshot' (groups audio, gpio) and the packages it
needs (Java 17+, alsa-utils, libgpiod2).

Options:
  --mic NAME     apply a microphone profile: $(mic_names)
                 (adds a block to /boot/firmware/config.txt, keeping a backup,
                 and installs /etc/asound.conf; a reboot is needed)
  --card ID      ALSA card id for the profile's capture device (default: the
                 profile's own; for usb, the first USB audio card found)
  --jar PATH     the fat jar to install (default: target/earshot.jar)
  --model PATH   the model to install (default: models/earshot.onnx)
  --config PATH  the default config to install (default: firmware-config/earshot.yaml)
  --no-start     install files only: do not enable or start the service
  -h, --help     this text

DESTDIR=DIR installs into DIR and changes nothing else on the machine: no
packages, no user, no systemctl; a --mic profile writes
DIR/boot/firmware/config.txt and DIR/etc/asound.conf.
EOF
}

mic_names() {
    local d names=()
    for d in "$MIC_DIR"/*/; do
        [ -f "$d/asound.conf" ] && names+=("$(basename "$d")")
    done
    printf '%s' "${names[*]}"
}

while [ $# -gt 0 ]; do
    case $1 in
        --mic)     [ $# -ge 2 ] || die "--mic needs a profile name ($(mic_names))"; MIC=$2; shift 2 ;;
        --mic=*)   MIC=${1#*=}; shift ;;
        --card)    [ $# -ge 2 ] || die "--card needs an ALSA card id"; CARD=$2; shift 2 ;;
        --card=*)  CARD=${1#*=}; shift ;;
        --jar)     [ $# -ge 2 ] || die "--jar needs a path"; JAR=$2; shift 2 ;;
        --jar=*)   JAR=${1#*=}; shift ;;
        --model)   [ $# -ge 2 ] || die "--model needs a path"; MODEL=$2; shift 2 ;;
        --model=*) MODEL=${1#*=}; shift ;;
        --config)  [ $# -ge 2 ] || die "--config needs a path"; CONFIG=$2; shift 2 ;;
        --config=*) CONFIG=${1#*=}; shift ;;
        --no-start) NO_START=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

# ---------------------------------------------------------------- checks ---
STEP="checking the sources"
[ -f "$JAR" ] || die "$JAR not found: build it first with 'mvn -B package', or pass --jar PATH"
[ -f "$MODEL" ] || die "model $MODEL not found (pass --model PATH)"
[ -f "$CONFIG" ] || die "default config $CONFIG not found (pass --config PATH)"
[ -f "$UNIT" ] || die "systemd unit $UNIT not found"
[ -f "$UDEV_RULE" ] || die "udev rule $UDEV_RULE not found"
if [ -n "$MIC" ]; then
    if ! [[ $MIC =~ ^[a-z0-9-]+$ ]] || [ ! -f "$MIC_DIR/$MIC/asound.conf" ] \
        || [ ! -f "$MIC_DIR/$MIC/config.txt" ]; then
        die "unknown microphone profile '$MIC' (one of: $(mic_names))"
    fi
fi
if [ -n "$CARD" ]; then
    [ -n "$MIC" ] || die "--card only makes sense with --mic"
    [[ $CARD =~ ^[A-Za-z0-9_]+$ ]] || die "--card '$CARD' is not an ALSA card id (letters, digits, _; see 'cat /proc/asound/cards')"
fi

if [ -n "$DESTDIR" ]; then
    mkdir -p "$DESTDIR"
    DESTDIR=$(cd "$DESTDIR" && pwd)
    [ "$DESTDIR" != / ] || DESTDIR=
fi
R=$DESTDIR   # every installed path is "$R/..."

if [ -z "$DESTDIR" ]; then
    [ "$(id -u)" -eq 0 ] || die "run as root: sudo $0 $ARGS"
    [ -r /etc/os-release ] || die "not a Debian-like system: /etc/os-release is missing"
    # shellcheck source=/dev/null
    os=$(. /etc/os-release && printf '%s %s' "${ID:-}" "${ID_LIKE:-}")
    case " $os " in
        *" debian "*|*" raspbian "*|*" ubuntu "*) ;;
        *) die "not a Debian-like system (/etc/os-release says '$os'); install the jar and unit by hand, see README.md, "Install on a Raspberry Pi"" ;;
    esac
    if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
        die "not a Debian-like system: apt-get/dpkg-query not found"
    fi
    command -v systemctl >/dev/null || die "systemctl not found: Earshot needs systemd"
else
    say "DESTDIR=$DESTDIR: installing into it only (no packages, user, systemctl)"
fi

# ------------------------------------------------------------- helpers ---
# install_file MODE SRC DST: copy only if the content differs, atomically
# (a running JVM keeps its old jar inode). Prints what it did.
install_file() {
    local mode=$1 src=$2 dst=$3
    if [ -f "$dst" ] && cmp -s "$src" "$dst"; then
        say "unchanged  $dst"
        return 1
    fi
    local what=installed
    [ -e "$dst" ] && what=updated
    mkdir -p "$(dirname "$dst")"
    cp "$src" "$dst.tmp.$$"
    chmod "$mode" "$dst.tmp.$$"
    mv -f "$dst.tmp.$$" "$dst"
    say "$(printf '%-10s %s' "$what" "$dst")"
    return 0
}

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

pkg_candidate() {
    apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }' | grep -qv '(none)'
}

java_major() {  # major version of /usr/bin/java (the unit runs that one), 0 if none
    local v
    [ -x /usr/bin/java ] || { echo 0; return; }
    v=$(/usr/bin/java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
    echo "${v:-0}"
}

# -------------------------------------------------------------- packages ---
if [ -z "$DESTDIR" ]; then
    STEP="installing packages"
    want=(alsa-utils libgpiod2)
    need=()
    for p in "${want[@]}"; do pkg_installed "$p" || need+=("$p"); done
    jmajor=$(java_major)
    if [ "$jmajor" -lt 17 ]; then need+=(java); fi
    if [ ${#need[@]} -gt 0 ]; then
        say "updating the package lists (apt-get update)"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            || die "apt-get update failed: no network, or a broken /etc/apt/sources.list? Fix it and run again"
        pkgs=()
        for p in "${need[@]}"; do
            if [ "$p" = java ]; then
                jpkg=
                for c in openjdk-17-jre-headless openjdk-21-jre-headless default-jre-headless; do
                    if pkg_candidate "$c"; then jpkg=$c; break; fi
                done
                [ -n "$jpkg" ] || die "no Java 17+ runtime package found (tried openjdk-17-jre-headless, openjdk-21-jre-headless)"
                pkgs+=("$jpkg")
            elif [ "$p" = libgpiod2 ] && ! pkg_candidate libgpiod2; then
                die "package libgpiod2 (libgpiod 1.x, needed by Pi4J's gpiod provider) is not available on this release; Earshot targets Bookworm / Debian 12"
            else
                pkgs+=("$p")
            fi
        done
        say "installing packages: ${pkgs[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${pkgs[@]}" \
            || die "apt-get install ${pkgs[*]} failed (no network? see the apt output above)"
        CHANGED=1
    else
        say "packages already present: ${want[*]}, Java $jmajor"
    fi
    [ "$(java_major)" -ge 17 ] || die "/usr/bin/java is not Java 17 or newer after installing; check 'update-alternatives --config java'"
fi

# ------------------------------------------------------------ user/group ---
if [ -z "$DESTDIR" ]; then
    STEP="creating the user earshot"
    if ! getent group gpio >/dev/null; then
        groupadd --system gpio
        say "created group gpio (plain Debian; Raspberry Pi OS has it)"
    fi
    getent group audio >/dev/null || die "group 'audio' does not exist; is this a Debian system?"
    if ! getent passwd earshot >/dev/null; then
        useradd --system --user-group --groups audio,gpio \
            --home-dir /var/lib/earshot --no-create-home \
            --shell /usr/sbin/nologin --comment "Earshot voice commands" earshot
        say "created system user earshot (groups audio, gpio)"
    else
        for g in audio gpio; do
            if ! id -nG earshot | tr ' ' '\n' | grep -qx "$g"; then
                usermod -aG "$g" earshot
                say "added user earshot to group $g"
            fi
        done
        say "user earshot exists"
    fi
fi

# ----------------------------------------------------------------- files ---
STEP="installing files"
install_file 0644 "$JAR" "$R/opt/earshot/earshot.jar" && CHANGED=1
install_file 0644 "$MODEL" "$R/opt/earshot/earshot.onnx" && CHANGED=1
install_file 0644 "$UNIT" "$R/etc/systemd/system/earshot.service" && CHANGED=1
UDEV_CHANGED=0
install_file 0644 "$UDEV_RULE" "$R/etc/udev/rules.d/60-earshot-gpio.rules" && UDEV_CHANGED=1

# The config: /opt/earshot/earshot.yaml.default is a copy of the default that
# was last installed, so a later run can tell an untouched config (replace it
# with the new default) from one the user changed (keep it, new default beside).
STEP="installing the config"
conf=$R/etc/earshot/earshot.yaml
shipped=$R/opt/earshot/earshot.yaml.default
mkdir -p "$R/etc/earshot"
if [ ! -e "$conf" ]; then
    install_file 0644 "$CONFIG" "$conf" && CHANGED=1
elif cmp -s "$CONFIG" "$conf"; then
    say "unchanged  $conf"
    if [ -e "$conf.new" ]; then rm -f "$conf.new"; say "removed    $conf.new (the config now matches the default)"; fi
elif [ -f "$shipped" ] && cmp -s "$shipped" "$conf"; then
    install_file 0644 "$CONFIG" "$conf" && CHANGED=1
    say "(it was the untouched previous default)"
else
    say "kept       $conf (changed by you)"
    if install_file 0644 "$CONFIG" "$conf.new"; then
        say "the new default config is $conf.new: compare it with 'diff $conf $conf.new'"
    fi
fi
install_file 0644 "$CONFIG" "$shipped" || true

# -------------------------------------------------------- mic profile ---

strip_block() {  # print FILE without an earshot block
    awk -v b="$BEGIN_MARK" -v e="$END_MARK" '
        $0 == b { skip = 1; next }
        $0 == e { skip = 0; next }
        !skip' "$1"
}

apply_mic() {
    local prof=$MIC_DIR/$MIC boot tmp body created=0
    STEP="applying the microphone profile $MIC to config.txt"
    if [ -n "$DESTDIR" ]; then
        boot=$R/boot/firmware/config.txt
        mkdir -p "$(dirname "$boot")"
        if [ ! -e "$boot" ]; then : > "$boot"; created=1; fi
    elif [ -f /boot/firmware/config.txt ]; then
        boot=/boot/firmware/config.txt
    elif [ -f /boot/config.txt ]; then
        boot=/boot/config.txt
    else
        boot=
        warn "no /boot/firmware/config.txt: not a Raspberry Pi? Skipped the config.txt part of profile $MIC"
    fi
    if [ -n "$boot" ]; then
        body=$(grep -v '^[[:space:]]*#' "$prof/config.txt" | grep -v '^[[:space:]]*$' || true)
        tmp=$(mktemp)
        strip_block "$boot" > "$tmp"
        if [ -n "$body" ]; then
            { printf '%s\n' "$BEGIN_MARK"; cat "$prof/config.txt"; printf '%s\n' "$END_MARK"; } >> "$tmp"
        fi
        if cmp -s "$tmp" "$boot"; then
            say "unchanged  $boot"
            rm -f "$tmp"
        else
            local bak="none (it was new)"
            if [ "$created" = 0 ]; then
                bak=$(backup_name "$boot")
                cp -p "$boot" "$bak"
            fi
            cat "$tmp" > "$boot"
            rm -f "$tmp"
            say "updated    $boot (profile $MIC; backup: $bak)"
            REBOOT_NEEDED=1
        fi
        if [ "$MIC" = respeaker-2mic-v2 ] && [ -d "$(dirname "$boot")/overlays" ] \
            && [ ! -e "$(dirname "$boot")/overlays/respeaker-2mic-v2_0.dtbo" ]; then
            warn "$(dirname "$boot")/overlays/respeaker-2mic-v2_0.dtbo is missing: build it from Seeed's seeed-linux-dtoverlays (README.md, "Install on a Raspberry Pi")"
        fi
    fi

    STEP="installing /etc/asound.conf for profile $MIC"
    if [ -z "$CARD" ] && [ "$MIC" = usb ] && [ -z "$DESTDIR" ]; then
        if [ -r /proc/asound/cards ]; then
            CARD=$(sed -n 's/^ *[0-9][0-9]* \[\([A-Za-z0-9_]*\) *\]: USB-Audio.*/\1/p' /proc/asound/cards | head -n1)
        fi
        if [ -n "$CARD" ]; then
            say "USB microphone: using ALSA card '$CARD'"
        else
            warn "no USB audio card found now; using card id 'Device'. Plug the microphone in and run again, or pass --card ID"
        fi
    fi
    tmp=$(mktemp)
    if [ -n "$CARD" ]; then
        sed "s/\"hw:CARD=[A-Za-z0-9_]*,/\"hw:CARD=$CARD,/" "$prof/asound.conf" > "$tmp"
    else
        cp "$prof/asound.conf" "$tmp"
    fi
    local asound=$R/etc/asound.conf
    if [ -f "$asound" ] && ! grep -q '^# Managed by Earshot' "$asound" && ! cmp -s "$tmp" "$asound"; then
        local bak
        bak=$(backup_name "$asound")
        cp -p "$asound" "$bak"
        say "saved your $asound as $bak"
    fi
    install_file 0644 "$tmp" "$asound" && CHANGED=1
    rm -f "$tmp"
}
if [ -n "$MIC" ]; then apply_mic; fi

# --------------------------------------------------------------- service ---
if [ -z "$DESTDIR" ]; then
    STEP="setting up the service"
    if [ "$UDEV_CHANGED" = 1 ] && [ -d /run/udev ] && command -v udevadm >/dev/null; then
        udevadm control --reload || warn "udevadm control --reload failed"
        udevadm trigger --subsystem-match=gpio || warn "udevadm trigger failed"
    fi
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        if [ "$NO_START" = 1 ]; then
            say "--no-start: earshot.service is installed but not enabled or started"
        else
            systemctl enable --quiet earshot.service
            say "enabled    earshot.service (starts at boot)"
            if [ "$REBOOT_NEEDED" = 1 ]; then
                say "not starting now: the microphone needs the reboot first"
            else
                systemctl reset-failed earshot.service 2>/dev/null || true
                if [ "$CHANGED" = 1 ] && systemctl is-active --quiet earshot.service; then
                    systemctl restart earshot.service
                    say "restarted  earshot.service"
                else
                    systemctl start earshot.service
                    say "started    earshot.service"
                fi
                sleep 3
                if ! systemctl is-active --quiet earshot.service; then
                    warn "earshot.service is not running; see 'journalctl -u earshot -n 50'"
                fi
            fi
        fi
    elif [ "$NO_START" = 1 ]; then
        say "--no-start: earshot.service is installed but not enabled or started"
    else
        systemctl enable --quiet earshot.service \
            || die "systemctl enable earshot.service failed (systemd is not running here)"
        say "enabled    earshot.service; systemd is not running here (chroot/image build?), it starts at the next boot"
    fi
fi

say "done. Config: $R/etc/earshot/earshot.yaml"
if [ -z "$DESTDIR" ] && [ "$NO_START" = 0 ]; then
    say "check it with: systemctl status earshot; journalctl -u earshot -f"
fi
if [ "$REBOOT_NEEDED" = 1 ]; then
    say "REBOOT NEEDED for the microphone profile $MIC: sudo reboot"
fi
