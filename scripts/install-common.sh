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
