#!/usr/bin/env bash
# Sourced by install.sh and uninstall.sh: one-line messages, and a clear error naming the step
# that failed. The caller sets PROG (its name) and STEP (what it is doing now).
# shellcheck disable=SC2034  # nothing here is meant to run on its own

say()  { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
on_err() {
    local rc=$?
    printf '%s: error: %s failed (exit %s)\n' "$PROG" "$STEP" "$rc" >&2
    exit "$rc"
}
trap on_err ERR

# The block install.sh adds to config.txt for a microphone profile, and uninstall.sh takes out.
BEGIN_MARK="# >>> earshot mic profile (scripts/install.sh; removed by uninstall.sh) >>>"
END_MARK="# <<< earshot mic profile <<<"

backup_name() {  # a free name FILE.earshot-DATE[.N].bak for a backup of FILE
    local base n=1 name
    base=$1.earshot-$(date +%Y%m%d-%H%M%S)
    name=$base.bak
    while [ -e "$name" ]; do name=$base.$n.bak; n=$((n + 1)); done
    printf '%s\n' "$name"
}

