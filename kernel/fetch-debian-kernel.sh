#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fetches the current Debian kernel of a series for a board architecture: image, headers (+ -common), source and
# the host's kbuild tools, all the same version, extracted under the per-user cache. Idempotent: a version already
# fetched is not downloaded again. Never changes the host's dpkg architectures (see kernel/lib/apt-private.sh).
#
# Usage: kernel/fetch-debian-kernel.sh [--series S] ARCH [OUTDIR]
#   --series S  6.1 (default): bookworm's kernel, its ABI from the linux-headers-FLAVOUR metapackage; 6.12:
#               bookworm-security's second series, its ABI from linux-source-6.12's version; newest: the unstable
#               suite's kernel (sid), its ABI from linux-headers-FLAVOUR there; its kbuild host tools need a newer
#               glibc and its config a newer compiler, so fixdep and modpost are built from its source and the
#               headers shed the compiler capabilities the host lacks (kernel/lib/host-kbuild.sh)
#   ARCH        arm64 (armv7 is accepted as an alias for armhf/armmp, best effort)
#   OUTDIR      where to write kernel.env and kernel.json (default: the cache dir of that version)
# Env:    VFIOLAB_KERNEL_VERSION=6.1.192-2  pin a version of the series instead of the current one
# Output: OUTDIR/kernel.env (shell) and OUTDIR/kernel.json; the last stdout line is the kernel.env path.
#   KERNEL_ARCH KERNEL_DEB_ARCH KERNEL_VERSION KERNEL_ABI KERNEL_RELEASE KERNEL_IMAGE KERNEL_HEADERS
#   KERNEL_HEADERS_COMMON KERNEL_SOURCE_TARBALL KERNEL_MODULES_DIR KERNEL_KBUILD KERNEL_CONFIG KERNEL_ROOT
#   KERNEL_CC (the compiler for module builds when the headers name one the host lacks; else empty)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/apt-private.sh
source "$here/lib/apt-private.sh"
# shellcheck source=lib/host-kbuild.sh
source "$here/lib/host-kbuild.sh"

die() { echo "fetch-debian-kernel: $*" >&2; exit 1; }
series=6.1
if [ "${1:-}" = --series ]; then
	series="${2:-}"
	shift 2 || die "--series needs a value (6.1, 6.12, newest)"
fi
[ $# -ge 1 ] || die "usage: $0 [--series S] ARCH [OUTDIR]"
arch="$1"
outdir="${2:-}"
case "$series" in
6.1 | 6.12) suites=bookworm ;;
newest) suites=sid ;;
*) die "unknown kernel series '$series' (known: 6.1, 6.12, newest)" ;;
esac
case "$arch" in
arm64) deb_arch=arm64 flavour=arm64 image_pkg_suffix=arm64-unsigned karch=arm64 cross=aarch64-linux-gnu- ;;
armv7 | armhf) deb_arch=armhf flavour=armmp image_pkg_suffix=armmp karch=arm cross=arm-linux-gnueabihf- ;;
*) die "unknown ARCH '$arch' (known: arm64, armv7)" ;;
esac
for tool in apt-get apt-cache dpkg-deb; do
	command -v "$tool" >/dev/null || die "'$tool' is missing: run scripts/setup-host.sh build"
done

apt_private_init "$deb_arch" "$suites"
apt_private_update

# Fast path: the lists have not changed since the last resolution, so neither has the answer (apt-cache over
# the two architectures' lists costs ~10 s).
current="$APT_PRIV_DIR/current-$flavour-$series.env"
if [ -z "${VFIOLAB_KERNEL_VERSION:-}" ] && [ -f "$current" ] && [ "$current" -nt "$APT_PRIV_DIR/lists/.updated" ]; then
	# shellcheck disable=SC1090
	prev_root="$(sed -n 's/^KERNEL_ROOT=//p' "$current")"
	if [ -f "$(dirname "$prev_root")/.extracted" ] && [ -f "$(sed -n 's/^KERNEL_IMAGE=//p' "$current")" ]; then
		if [ -n "$outdir" ]; then
			mkdir -p "$outdir"
			cp "$current" "$outdir/kernel.env"
			cp "$(dirname "$prev_root")/kernel.json" "$outdir/kernel.json"
			echo "$outdir/kernel.env"
		else
			echo "$(dirname "$prev_root")/kernel.env"
		fi
		exit 0
	fi
fi

source_pkg="linux-source-$series"
image_pkgs=()
if [ "$series" = 6.1 ]; then
	# bookworm's own kernel: the metapackage names the current ABI (6.1.0-NN).
	meta="linux-headers-$flavour:$deb_arch"
	version="${VFIOLAB_KERNEL_VERSION:-$(apt_private_candidate "$meta")}"
	[ -n "$version" ] || die "the mirror has no $meta (apt lists in $APT_PRIV_DIR/lists)"
	dep="$(apt_cache_private show "$meta=$version" 2>/dev/null | awk -F': ' '/^Depends:/ { print $2; exit }')"
	abi="$(printf '%s\n' "$dep" | grep -o "linux-headers-6\.1\.0-[0-9]*-$flavour" | head -n1 | sed -e "s/^linux-headers-//" -e "s/-$flavour\$//")"
	[ -n "$abi" ] || die "cannot read the ABI from $meta $version (Depends: $dep)"
	kbuild_pkg="linux-kbuild-6.1"
elif [ "$series" = 6.12 ]; then
	# bookworm-security's 6.12 series has no metapackage for arm64 headers: its source package's version names
	# the ABI (6.12.117-1~deb12u1 -> 6.12.117+deb12).
	version="${VFIOLAB_KERNEL_VERSION:-$(apt_private_candidate "$source_pkg")}"
	[ -n "$version" ] || die "the mirror has no $source_pkg (apt lists in $APT_PRIV_DIR/lists; is bookworm-security in the host's apt sources?)"
	abi="${version%%-*}+deb12"
	kbuild_pkg="linux-kbuild-$abi"
else
	# The unstable suite: the headers metapackage names the ABI (linux-headers-7.2.13+deb14-arm64); the image is
	# split into linux-binary-unsigned-ABI-FLAVOUR (the unsigned image), linux-base-ABI-FLAVOUR (config) and
	# linux-modules-ABI-FLAVOUR, all under /usr/lib/modules/RELEASE.
	meta="linux-headers-$flavour:$deb_arch"
	version="${VFIOLAB_KERNEL_VERSION:-$(apt_private_candidate "$meta")}"
	[ -n "$version" ] || die "the mirror has no $meta in the unstable suite (apt lists in $APT_PRIV_DIR/lists)"
	dep="$(apt_cache_private show "$meta=$version" 2>/dev/null | awk -F': ' '/^Depends:/ { print $2; exit }')"
	abi="$(printf '%s\n' "$dep" | grep -oE "linux-headers-[0-9][^ ]*-$flavour( |$)" | head -n1 | sed -e "s/^linux-headers-//" -e "s/-$flavour *\$//")"
	[ -n "$abi" ] || die "cannot read the ABI from $meta $version (Depends: $dep)"
	mm="$(printf '%s' "$abi" | grep -oE '^[0-9]+\.[0-9]+')"
	source_pkg="linux-source-$mm"
	kbuild_pkg="linux-kbuild-$abi"
	image_pkgs=("linux-binary-unsigned-$abi-$flavour:$deb_arch" "linux-base-$abi-$flavour:$deb_arch" "linux-modules-$abi-$flavour:$deb_arch")
fi
[ ${#image_pkgs[@]} -gt 0 ] || image_pkgs=("linux-image-$abi-$image_pkg_suffix:$deb_arch")
krel="$abi-$flavour"

host_arch="$(dpkg --print-architecture)"
pkgs=(
	"${image_pkgs[@]}"
	"linux-headers-$abi-$flavour:$deb_arch"
	"linux-headers-$abi-common"
	"$source_pkg"
	"$kbuild_pkg:$host_arch"
)
# All of them must be the same version: a headers/kbuild/source mismatch builds modules that do not load.
mismatch=()
for p in "${pkgs[@]}"; do
	v="$(apt_private_candidate "$p")"
	if ! apt_cache_private show "$p=$version" >/dev/null 2>&1; then
		mismatch+=("$p: mirror candidate ${v:-none}, wanted $version")
	fi
done
if [ ${#mismatch[@]} -gt 0 ]; then
	printf 'fetch-debian-kernel: the kernel packages on the mirror do not agree on version %s:\n' "$version" >&2
	printf '  %s\n' "${mismatch[@]}" >&2
	die "refusing to mix versions; retry later or pin VFIOLAB_KERNEL_VERSION to a version all of them have"
fi

root="$(vfiolab_cache)/kernel/$deb_arch/$version"
debs="$root/debs"
tree="$root/root"
mkdir -p "$debs"
if [ ! -f "$root/.extracted" ]; then
	specs=()
	for p in "${pkgs[@]}"; do specs+=("$p=$version"); done
	mapfile -t files < <(apt_private_download "$debs" "${specs[@]}")
	rm -rf "$tree.tmp"
	mkdir -p "$tree.tmp"
	for f in "${files[@]}"; do
		dpkg-deb -x "$f" "$tree.tmp"
	done
	# The headers' top Makefile names itself and the -common tree by the absolute paths they have once installed.
	hdr_mk="$tree.tmp/usr/src/linux-headers-$krel/Makefile"
	[ -f "$hdr_mk" ] || die "no $hdr_mk in the headers package"
	sed -i "s#/usr/src/linux-headers-#$tree/usr/src/linux-headers-#g" "$hdr_mk"
	# The unstable suite installs modules under /usr/lib/modules; depmod -b ROOT and the image look in lib/modules.
	if [ -d "$tree.tmp/usr/lib/modules/$krel" ] && [ ! -e "$tree.tmp/lib/modules" ]; then
		mkdir -p "$tree.tmp/lib"
		ln -s ../usr/lib/modules "$tree.tmp/lib/modules"
	fi
	rm -rf "$tree"
	mv "$tree.tmp" "$tree"
	touch "$root/.extracted"
fi

image="" config=""
for f in "$tree/boot/vmlinuz-$krel" "$tree/usr/lib/modules/$krel/vmlinuz.unsigned" "$tree/usr/lib/modules/$krel/vmlinuz"; do
	[ -f "$f" ] && { image="$f"; break; }
done
[ -n "$image" ] || die "no kernel image for $krel in $tree (boot/vmlinuz-$krel or usr/lib/modules/$krel/vmlinuz*)"
for f in "$tree/boot/config-$krel" "$tree/usr/lib/modules/$krel/config"; do
	[ -f "$f" ] && { config="$f"; break; }
done
[ -n "$config" ] || die "no kernel config for $krel in $tree"
headers="$tree/usr/src/linux-headers-$krel"
common="$tree/usr/src/linux-headers-$abi-common"
tarball="$(ls "$tree/usr/src/$source_pkg.tar.xz" 2>/dev/null || true)"
[ -n "$tarball" ] || die "no $source_pkg.tar.xz in $tree/usr/src"
kbuild="$tree/usr/lib/${kbuild_pkg}"
[ -d "$kbuild" ] || die "no host kbuild tools at $kbuild"
kernel_cc=""
if [ "$series" = newest ] || [ "$deb_arch" = armhf ]; then
	# The unstable suite's kbuild tools need a newer glibc; the host's modpost from any Debian kbuild package
	# reads device tables with 64-bit offsets and rejects 32-bit modules. Either way: build fixdep and modpost
	# from the kernel's own source once per version (configured for the target, so modpost knows its layout).
	host_kbuild="$root/host-kbuild"
	if [ ! -f "$host_kbuild/host.config" ]; then
		command -v "${cross}gcc" >/dev/null || die "'${cross}gcc' is missing: run scripts/setup-host.sh build cross"
		host_kbuild_build "$tarball" "$config" "$kbuild" "$host_kbuild" "$karch" "$cross" >/dev/null ||
			die "could not build kbuild's host tools from $tarball"
	fi
	kbuild="$host_kbuild"
fi
if [ "$series" = newest ]; then
	# Its headers name a newer compiler (CC in .kernelvariables, capabilities in auto.conf): the host's cross
	# compiler builds the modules, against headers without the capabilities only the newer one has.
	host_kbuild_shim "$headers" "$host_kbuild/host.config"
	kernel_cc="${cross}gcc"
fi
# The headers reach kbuild's host tools through scripts/ and tools/ links into /usr/lib/linux-kbuild-*: point
# them at ours.
for link in scripts tools; do
	if [ -L "$headers/$link" ]; then ln -sfn "$kbuild/$link" "$headers/$link"; fi
done

# The version's own copy is always written (the fast path above reads it); OUTDIR gets another.
write_env_to() {
	local dir="$1"
	mkdir -p "$dir"
cat >"$dir/kernel.env.tmp" <<ENV
# SPDX-License-Identifier: MIT
# Written by kernel/fetch-debian-kernel.sh
KERNEL_ARCH=$arch
KERNEL_SERIES=$series
KERNEL_DEB_ARCH=$deb_arch
KERNEL_VERSION=$version
KERNEL_ABI=$abi
KERNEL_RELEASE=$krel
KERNEL_IMAGE=$image
KERNEL_HEADERS=$headers
KERNEL_HEADERS_COMMON=$common
KERNEL_SOURCE_TARBALL=$tarball
KERNEL_MODULES_DIR=$tree/lib/modules/$krel
KERNEL_KBUILD=$kbuild
KERNEL_CONFIG=$config
KERNEL_ROOT=$tree
KERNEL_CC=$kernel_cc
ENV
mv "$dir/kernel.env.tmp" "$dir/kernel.env"
cat >"$dir/kernel.json" <<JSON
{
  "arch": "$arch",
  "series": "$series",
  "debArch": "$deb_arch",
  "version": "$version",
  "abi": "$abi",
  "release": "$krel",
  "image": "$image",
  "headers": "$headers",
  "headersCommon": "$common",
  "sourceTarball": "$tarball",
  "modulesDir": "$tree/lib/modules/$krel",
  "kbuild": "$kbuild",
  "config": "$config",
  "root": "$tree"
}
JSON
}
write_env_to "$root"
[ -n "${VFIOLAB_KERNEL_VERSION:-}" ] || cp "$root/kernel.env" "$current"
if [ -n "$outdir" ]; then
	write_env_to "$outdir"
	echo "$outdir/kernel.env"
else
	echo "$root/kernel.env"
fi
