#!/usr/bin/env bash
# Remove Earshot: stop and disable the service, remove the unit, /opt/earshot,
# the gpio udev rule and the Earshot microphone profile (its config.txt block
# and /etc/asound.conf). /etc/earshot is kept unless --purge.
#
#   sudo scripts/uninstall.sh [--purge]
#   DESTDIR=/some/root scripts/uninstall.sh [--purge]
set -Eeuo pipefail

PROG=earshot-uninstall
PURGE=0
DESTDIR=${DESTDIR:-}
STEP="starting"
REBOOT_NEEDED=0

# Messages and error handling shared by install.sh and uninstall.sh (sourced; needs PROG and STEP).
# shellcheck source-path=SCRIPTDIR source=install-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/install-common.sh"

usage() {
    cat <<EOF
Usage: [DESTDIR=DIR] $0 [--purge]

Stops and removes earshot.service, /opt/earshot, the udev rule and the
microphone profile installed by install.sh --mic. Keeps /etc/earshot (your
config) unless --purge; --purge also removes the user earshot and
/var/lib/earshot. The groups gpio and audio are left alone.
EOF
}

while [ $# -gt 0 ]; do
    case $1 in
        --purge) PURGE=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

if [ -n "$DESTDIR" ]; then
    [ -d "$DESTDIR" ] || die "DESTDIR $DESTDIR does not exist"
    DESTDIR=$(cd "$DESTDIR" && pwd)
    [ "$DESTDIR" != / ] || DESTDIR=
fi
R=$DESTDIR

remove() {  # remove FILE if present, saying so
    if [ -e "$1" ] || [ -L "$1" ]; then
        rm -rf -- "$1"
        say "removed    $1"
    fi
}

# ------------------------------------------------------------- service ---
if [ -z "$DESTDIR" ]; then
    [ "$(id -u)" -eq 0 ] || die "run as root: sudo $0"
    if command -v systemctl >/dev/null && [ -e /etc/systemd/system/earshot.service ]; then
        STEP="stopping the service"
        if [ -d /run/systemd/system ]; then
            systemctl disable --now --quiet earshot.service || warn "could not stop/disable earshot.service"
            say "stopped and disabled earshot.service"
        else
            systemctl disable --quiet earshot.service || warn "could not disable earshot.service"
            say "disabled earshot.service (systemd is not running here)"
        fi
    fi
fi

STEP="removing files"
remove "$R/etc/systemd/system/multi-user.target.wants/earshot.service"
remove "$R/etc/systemd/system/earshot.service"
remove "$R/opt/earshot"
remove "$R/etc/udev/rules.d/60-earshot-gpio.rules"

# --------------------------------------------------------- mic profile ---
STEP="removing the microphone profile"
for boot in "$R/boot/firmware/config.txt" "$R/boot/config.txt"; do
    if [ ! -f "$boot" ] || ! grep -qxF "$BEGIN_MARK" "$boot"; then continue; fi
    tmp=$(mktemp)
    awk -v b="$BEGIN_MARK" -v e="$END_MARK" '
        $0 == b { skip = 1; next }
        $0 == e { skip = 0; next }
        !skip' "$boot" > "$tmp"
    bak=$(backup_name "$boot")
    cp -p "$boot" "$bak"
    cat "$tmp" > "$boot"
    rm -f "$tmp"
    say "removed the Earshot block from $boot (backup: $bak)"
    REBOOT_NEEDED=1
    if [ -n "$DESTDIR" ] && [ ! -s "$boot" ]; then
        rm -f "$boot" "$bak"   # it was created by install.sh in DESTDIR
    fi
done
asound=$R/etc/asound.conf
if [ -f "$asound" ] && grep -q '^# Managed by Earshot' "$asound"; then
    rm -f "$asound"
    say "removed    $asound"
    # Restore the asound.conf install.sh saved, if any (the newest one).
    saved=$(find "$(dirname "$asound")" -maxdepth 1 -name 'asound.conf.earshot-*.bak' -printf '%T@ %p\n' \
        | sort -n | tail -n1 | cut -d' ' -f2-)
    if [ -n "$saved" ]; then
        mv "$saved" "$asound"
        say "restored   $asound from $saved"
    fi
fi

# ---------------------------------------------------------------- purge ---
if [ "$PURGE" = 1 ]; then
    STEP="purging"
    remove "$R/etc/earshot"
    remove "$R/etc/systemd/system/earshot.service.d"
    if [ -z "$DESTDIR" ]; then
        remove /var/lib/earshot
        if getent passwd earshot >/dev/null; then
            userdel earshot || warn "could not remove the user earshot"
            say "removed    user earshot"
        fi
    fi
else
    if [ -d "$R/etc/earshot" ]; then say "kept       $R/etc/earshot (remove it with --purge)"; fi
fi

# ---------------------------------------------------------------- reload ---
if [ -z "$DESTDIR" ]; then
    STEP="reloading systemd and udev"
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        systemctl reset-failed earshot.service 2>/dev/null || true
    fi
    if [ -d /run/udev ] && command -v udevadm >/dev/null; then
        udevadm control --reload || warn "udevadm control --reload failed"
    fi
else
    # Drop the empty directories install.sh created in DESTDIR.
    for d in etc/systemd/system/multi-user.target.wants etc/systemd/system etc/systemd \
             etc/udev/rules.d etc/udev opt boot/firmware boot etc; do
        if [ -d "$R/$d" ]; then rmdir --ignore-fail-on-non-empty "$R/$d"; fi
    done
fi

say "done."
if [ "$REBOOT_NEEDED" = 1 ] && [ -z "$DESTDIR" ]; then
    say "REBOOT NEEDED to unload the microphone overlay: sudo reboot"
fi
