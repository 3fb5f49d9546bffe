#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the host packages the lab and its tests need, from Debian's mirror only. Idempotent: a package
# already installed is not touched, and apt is not asked at all when nothing is missing.
# Usage: scripts/setup-host.sh [group...]   groups: build qemu cross agent browser (default: all)
set -euo pipefail

declare -A groups=(
  [build]="ca-certificates make flex bison cpio kmod xz-utils patch bc gcc libc6-dev linux-libc-dev git"
  [qemu]="qemu-system-arm qemu-user openssh-client dropbear-bin device-tree-compiler"
  [cross]="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross gcc-arm-linux-gnueabihf libc6-dev-armhf-cross"
  [agent]="clang lld llvm mono-runtime mono-devel"
  [browser]="chromium fonts-dejavu-core"
)
want=("$@")
[ ${#want[@]} -gt 0 ] || want=(build qemu cross agent browser)

missing=()
for g in "${want[@]}"; do
  [ -n "${groups[$g]+x}" ] || { echo "setup-host: unknown group '$g' (known: ${!groups[*]})" >&2; exit 2; }
  for p in ${groups[$g]}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup-host: installing from Debian's mirror: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q >&2 || ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
  echo "setup-host: FAILED to install: ${missing[*]}" >&2
  echo "setup-host: install them by hand with: apt-get install ${missing[*]}" >&2
  exit 3
fi
