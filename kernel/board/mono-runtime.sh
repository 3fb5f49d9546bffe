#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Assembles the part of Debian's Mono that the net48 agent needs on an armv7 board, from Debian's armhf packages:
# the runtime (mono-sgen, libmono-native), its config (dllmap: the agent's "libc" imports), the C libraries it links,
# and the four framework assemblies the agent references (mscorlib, System, System.Core, System.Numerics; the
# rest of its references ship with the agent). A board image takes the tree as it is (paths as Debian installs
# them); on this host `qemu-arm -L TREE TREE/usr/bin/mono` runs the agent in it.
# mscorlib is compiled ahead of time (mono --aot under qemu-arm, the cross binutils assembling and linking:
# mscorlib.dll.so beside it): JIT compiling its methods took three quarters of the agent's start on a board (2.9 s
# of 3.8 s under TCG). The other three are not: an AOT image of System is only usable beside System.Configuration,
# System.Xml and Mono.Security (and System.Core's only beside System's), and with all of them the agent's start
# compiled as many methods as without (its own code and generic instances are what is left).
#
# Usage: kernel/board/mono-runtime.sh [ARCH]     ARCH: armhf (default; armv7 is an alias)
# Output: a tree whose path is the last stdout line, with mono-runtime.json (package versions, size). Cached under
#   ${XDG_CACHE_HOME:-$HOME/.cache}/vfiolab/mono/ARCH/KEY/ (KEY hashes the package versions and this recipe).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kernel_dir="$(dirname "$here")"
# shellcheck source=../lib/apt-private.sh
source "$kernel_dir/lib/apt-private.sh"
die() { echo "mono-runtime: $1" >&2; exit "${2:-1}"; }

arch="${1:-armhf}"
case "$arch" in
armhf | armv7) arch=armhf triplet=arm-linux-gnueabihf loader=ld-linux-armhf.so.3 qemu_user=qemu-arm ;;
*) die "unknown ARCH '$arch' (known: armhf)" ;;
esac
for tool in dpkg-deb apt-get apt-cache readelf; do
	command -v "$tool" >/dev/null || die "'$tool' is missing: run scripts/setup-host.sh build"
done
command -v "$qemu_user" >/dev/null || die "'$qemu_user' is missing: run scripts/setup-host.sh qemu"
for tool in as ld strip; do
	command -v "$triplet-$tool" >/dev/null || die "'$triplet-$tool' is missing: run scripts/setup-host.sh cross"
done

apt_private_init "$arch"
apt_private_update
pkgs=(mono-runtime-sgen:"$arch" mono-runtime-common:"$arch" libmono-corlib4.5-dll libmono-system4.0-cil libmono-system-core4.0-cil
	libmono-system-numerics4.0-cil libc6:"$arch" libgcc-s1:"$arch"
	# libmono-native (every file access of the framework) links GSSAPI: Kerberos and what it links.
	libgssapi-krb5-2:"$arch" libkrb5-3:"$arch" libk5crypto3:"$arch" libkrb5support0:"$arch" libcom-err2:"$arch" libkeyutils1:"$arch"
	libssl3:"$arch")
resolved="$(apt_private_require "${pkgs[@]}")" || die "Mono's packages are not all on the mirror ($arch)"
mapfile -t specs <<<"$resolved"

key="$({ printf '%s\n' "${specs[@]}"; sha256sum <"$0"; } | sha256sum | cut -c1-16)"
dest="$(vfiolab_cache)/mono/$arch/$key"
cache_entry_lock "$dest"
if [ -f "$dest/mono-runtime.json" ]; then
	echo "$dest"
	exit 0
fi

mapfile -t debs < <(apt_private_download "$APT_PRIV_DIR/debs" "${specs[@]}")
work="$dest.work"
rm -rf "$work"
mkdir -p "$work/all" "$work/tree"
for d in "${debs[@]}"; do
	dpkg-deb -x "$d" "$work/all"
done

all="$work/all" tree="$work/tree"
keep() { # keep PATH...: copies each path (a symlink's target, not the link) from the packages to the tree
	local p
	for p in "$@"; do
		[ -e "$all/$p" ] || die "no $p in the packages (${specs[*]})"
		mkdir -p "$tree/$(dirname "$p")"
		cp -L "$all/$p" "$tree/$p"
	done
}
# mscorlib is loaded from 4.5/; the strong-named assemblies from the GAC, which 4.5/ links to (as Debian installs them).
gac=()
for a in System System.Core System.Numerics; do gac+=("usr/lib/mono/gac/$a/4.0.0.0__b77a5c561934e089/$a.dll"); done
keep usr/bin/mono-sgen usr/lib/libmono-native.so.0 etc/mono/config usr/lib/mono/4.5/mscorlib.dll "${gac[@]}" "lib/$loader" \
	"lib/$triplet/libc.so.6" "lib/$triplet/libm.so.6" "lib/$triplet/libgcc_s.so.1" "lib/$triplet/libdl.so.2" \
	"lib/$triplet/libpthread.so.0" "lib/$triplet/librt.so.1" \
	"usr/lib/$triplet/libgssapi_krb5.so.2" "usr/lib/$triplet/libkrb5.so.3" "usr/lib/$triplet/libk5crypto.so.3" \
	"usr/lib/$triplet/libkrb5support.so.0" "lib/$triplet/libcom_err.so.2" "lib/$triplet/libkeyutils.so.1" \
	"usr/lib/$triplet/libcrypto.so.3" "lib/$triplet/libresolv.so.2"
for g in "${gac[@]}"; do
	ln -s "../${g#usr/lib/mono/}" "$tree/usr/lib/mono/4.5/$(basename "$g")"
done
ln -s mono-sgen "$tree/usr/bin/mono"
ln -s libmono-native.so.0 "$tree/usr/lib/libmono-native.so"
# Mono's config names it as $mono_libdir/libmono-native.so, /usr/lib/../lib: /lib, which a board's RAM disk does not
# merge into /usr/lib as Debian does (without it, the first file access fails: DllNotFoundException).
ln -s ../usr/lib/libmono-native.so.0 "$tree/lib/libmono-native.so"
# The AOT image, compiled by the tree's own Mono (an image is only used by the runtime that made it) on the armv7
# boards' core, Cortex-A9, so that what Mono may probe of the CPU is what the boards have (no integer divide).
corlib=usr/lib/mono/4.5/mscorlib.dll
MONO_CFG_DIR="$tree/etc" "$qemu_user" -cpu cortex-a9 -L "$tree" "$tree/usr/bin/mono" --aot=tool-prefix="$triplet-",outfile="$tree/$corlib.so" "$tree/$corlib" \
	>"$work/aot.log" 2>&1 && [ -s "$tree/$corlib.so" ] \
	|| die "compiling $corlib ahead of time failed: $(grep -m1 -iE 'error|fail' "$work/aot.log" || tail -n1 "$work/aot.log")"
# Every library an ELF of the tree needs is in the tree (a board's RAM disk has nothing else to offer).
while IFS= read -r elf; do
	for lib in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		[ -e "$tree/lib/$triplet/$lib" ] || [ -e "$tree/usr/lib/$triplet/$lib" ] || [ -e "$tree/lib/$lib" ] \
			|| die "${elf#"$tree/"} needs $lib, which the tree lacks"
	done
done < <(find "$tree" -type f \( -name '*.so*' -o -path '*/bin/*' \))
size="$(du -sb "$tree" | cut -f1)"
{
	printf '{\n  "arch": "%s",\n  "bytes": %d,\n  "packages": [' "$arch" "$size"
	sep=""
	for s in "${specs[@]}"; do printf '%s\n    "%s"' "$sep" "$s"; sep=","; done
	printf '\n  ]\n}\n'
} >"$tree/mono-runtime.json"
rm -rf "$dest" "$all"
mv "$tree" "$dest"
rm -rf "$work"
echo "$dest"
