#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the VFIO modules the Debian kernel lacks (vfio-platform, vfio-amba, no-IOMMU) out of tree against the
# Debian headers, after applying kernel/patches/6.1/series, plus our reset handlers (kernel/reset ->
# vfiolab-reset.ko, loaded only on request). Only drivers/vfio is taken from the source tarball.
# Cached: the output dir is keyed by a hash of (source, patches, make line, toolchain); an unchanged key
# rebuilds nothing.
#
# Usage: kernel/build-modules.sh [--kernel-env FILE | --headers DIR --arch ARCH] [--source-tree DIR [--revision REV]] [--patches DIR] [--out DIR]
#   --kernel-env FILE   kernel.env from fetch-debian-kernel.sh (default: fetch arm64 now)
#   --headers DIR       a board kernel's own build or headers dir (with include/generated/utsrelease.h), instead of
#                       a Debian kernel; needs --arch (arm64) and usually --source-tree
#   --arch ARCH         the Debian architecture of --headers (arm64)
#   --source-tree DIR   a developer's own kernel tree: build its drivers/vfio (as checked out, uncommitted changes
#                       included) instead of linux-source
#   --revision REV      with a git --source-tree: build drivers/vfio of that commit instead (git archive; the
#                       tree's checkout is not touched); cached by commit
#   --patches DIR       patch queue with a `series` file (default: kernel/patches/6.1; "none" for no patches)
#   --out DIR           also copy the results there
# Output: a dir with the stripped *.ko files, build.log and manifest.json (sha256 per module); its path is the
#   last stdout line. Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/vfiolab/modules/ARCH/KEY/.
# Exit: 1 on usage/prerequisite errors, 2 when a patch does not apply, 3 when the build fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "build-modules: $1" >&2; exit "${2:-1}"; }

kernel_env="" source_tree="" revision="" patches="$here/patches/6.1" out="" headers="" arch=""
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel-env) kernel_env="$2"; shift 2 ;;
	--headers) headers="$2"; shift 2 ;;
	--arch) arch="$2"; shift 2 ;;
	--source-tree) source_tree="$2"; shift 2 ;;
	--revision) revision="$2"; shift 2 ;;
	--patches) patches="$2"; shift 2 ;;
	--out) out="$2"; shift 2 ;;
	*) die "unknown argument '$1' (see the header of $0)" ;;
	esac
done
if [ -n "$headers" ]; then
	[ -n "$arch" ] || die "--headers needs --arch (arm64)"
	[ -f "$headers/include/generated/utsrelease.h" ] || die "no include/generated/utsrelease.h in the headers dir '$headers' (a prepared kernel build or headers dir is needed)"
	[ -n "$source_tree" ] || die "--headers needs --source-tree (the tree the board's kernel was built from)"
	KERNEL_HEADERS="$(cd "$headers" && pwd)"
	# The release modules get in their vermagic (include/config/kernel.release may differ: Debian's says 6.1.192).
	KERNEL_RELEASE="$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$headers/include/generated/utsrelease.h")"
	[ -n "$KERNEL_RELEASE" ] || die "no UTS_RELEASE in $headers/include/generated/utsrelease.h"
	KERNEL_VERSION="headers:$KERNEL_HEADERS"
	KERNEL_DEB_ARCH="$arch"
	KERNEL_SOURCE_TARBALL=none
else
	if [ -z "$kernel_env" ]; then
		kernel_env="$("$here/fetch-debian-kernel.sh" arm64 | tail -n1)"
	fi
	[ -f "$kernel_env" ] || die "no kernel.env at '$kernel_env'"
	# shellcheck disable=SC1090
	source "$kernel_env"
fi

# armmp (armhf) leaves VFIO unset altogether: the core and virqfd go on the make line too; its modpost is the
# one fetch-debian-kernel.sh built from the source for 32-bit ARM.
arch_vars=()
case "$KERNEL_DEB_ARCH" in
arm64) karch=arm64 cross=aarch64-linux-gnu- ;;
armhf) karch=arm cross=arm-linux-gnueabihf- arch_vars=(CONFIG_VFIO=m CONFIG_VFIO_VIRQFD=m) ;;
*) die "module builds for $KERNEL_DEB_ARCH are not supported (arm64, armhf)" ;;
esac
for tool in make "${cross}gcc" "${cross}strip" xz tar patch sha256sum; do
	command -v "$tool" >/dev/null || die "'$tool' is missing: run scripts/setup-host.sh build cross"
done
[ -d "$KERNEL_HEADERS" ] || die "no kernel headers at $KERNEL_HEADERS (re-run kernel/fetch-debian-kernel.sh)"

# Make-line CONFIG_*=m drives Kbuild's obj-$(CONFIG_...); the C code only sees the headers' autoconf.h, so
# the no-IOMMU switch also goes in as a define (=1 so that IS_ENABLED() sees it).
# CONFIG_VFIO_PLATFORM_BASE is the platform drivers' common part from 6.7 on (unused by 6.1's Makefile); the
# vendor and bus sub-drivers stay off whatever the distro config says; no BTF for our modules (6.12's config
# wants pahole for it, and the modules are stripped of debug info anyway).
make_vars=(
	"ARCH=$karch" "CROSS_COMPILE=$cross"
	CONFIG_VFIO_PLATFORM=m CONFIG_VFIO_AMBA=m CONFIG_VFIO_PLATFORM_BASE=m CONFIG_VFIO_NOIOMMU=y "KCFLAGS=-DCONFIG_VFIO_NOIOMMU=1"
	CONFIG_MLX5_VFIO_PCI= CONFIG_HISI_ACC_VFIO_PCI= CONFIG_VFIO_FSL_MC= CONFIG_VFIO_MDEV=
	CONFIG_PDS_VFIO_PCI= CONFIG_VIRTIO_VFIO_PCI= CONFIG_NVGRACE_GPU_VFIO_PCI= CONFIG_QAT_VFIO_PCI= CONFIG_VFIO_CDX=
	CONFIG_DEBUG_INFO_BTF_MODULES=
	"${arch_vars[@]}"
)
# A kernel whose headers name a compiler the host lacks (the unstable suite's gcc-16) is built with the host's
# cross compiler; fetch-debian-kernel.sh has removed the capabilities only the newer compiler has.
[ -z "${KERNEL_CC:-}" ] || make_vars+=("CC=$KERNEL_CC")

# --- the cache key ------------------------------------------------------------------------------------------
series=()
if [ "$patches" != none ]; then
	[ -f "$patches/series" ] || die "no series file in $patches"
	while read -r line; do
		line="${line%%#*}"
		line="$(echo "$line" | xargs)"
		[ -n "$line" ] || continue
		[ -f "$patches/$line" ] || die "series names $line but $patches/$line does not exist" 2
		series+=("$patches/$line")
	done <"$patches/series"
fi
commit=""
if [ -n "$revision" ]; then
	[ -n "$source_tree" ] || die "--revision needs --source-tree (a git tree)"
	command -v git >/dev/null || die "'git' is missing: run scripts/setup-host.sh build"
	[ -d "$source_tree" ] || die "no source tree at '$source_tree'"
	source_tree="$(cd "$source_tree" && pwd)"
	commit="$(git -C "$source_tree" rev-parse --verify --quiet --end-of-options "$revision^{commit}")" ||
		die "'$revision' is not a commit of the git tree $source_tree"
	git -C "$source_tree" cat-file -e "$commit:drivers/vfio" 2>/dev/null || die "commit $commit of $source_tree has no drivers/vfio"
	source_id="git:$source_tree:$commit"
elif [ -n "$source_tree" ]; then
	[ -d "$source_tree" ] || die "no source tree at '$source_tree'"
	source_tree="$(cd "$source_tree" && pwd)"
	[ -d "$source_tree/drivers/vfio" ] || die "no drivers/vfio in the source tree $source_tree"
	source_id="tree:$source_tree:$(cd "$source_tree" && find drivers/vfio -type f \( -name '*.[ch]' -o -name 'Makefile' -o -name 'Kconfig' \) -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
else
	source_id="debian:$KERNEL_VERSION:$(basename "$KERNEL_SOURCE_TARBALL")"
fi
toolchain="$("${cross}gcc" --version | head -n1)"
key="$({
	echo "source $source_id"
	echo "headers $KERNEL_RELEASE $KERNEL_VERSION"
	for p in "${series[@]}"; do echo "patch $(basename "$p") $(sha256sum <"$p" | cut -c1-64)"; done
	echo "make ${make_vars[*]}"
	echo "toolchain $toolchain"
	echo "recipe $(sha256sum <"$0" | cut -c1-64)"
	for f in "$here"/reset/*; do echo "reset $(basename "$f") $(sha256sum <"$f" | cut -c1-64)"; done
} | sha256sum | cut -c1-16)"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/vfiolab"
dest="$cache/modules/$KERNEL_DEB_ARCH/$KERNEL_RELEASE-$key"
mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
flock 9

if [ ! -f "$dest/manifest.json" ]; then
	work="$dest.work"
	rm -rf "$work"
	mkdir -p "$work"
	log="$work/build.log"
	start=$(date +%s.%N)
	# --- the source: drivers/vfio only -------------------------------------------------------------------
	if [ -n "$commit" ]; then
		mkdir -p "$work/src"
		git -C "$source_tree" archive --format=tar "$commit" drivers/vfio | tar -x -C "$work/src"
	elif [ -n "$source_tree" ]; then
		mkdir -p "$work/src/drivers"
		cp -a "$source_tree/drivers/vfio" "$work/src/drivers/vfio"
	else
		pristine="$cache/kernel/$KERNEL_DEB_ARCH/$KERNEL_VERSION/vfio-src"
		if [ ! -d "$pristine/drivers/vfio" ]; then
			echo "build-modules: extracting drivers/vfio from $(basename "$KERNEL_SOURCE_TARBALL")" >&2
			rm -rf "$pristine.tmp"
			mkdir -p "$pristine.tmp"
			top="$(tar -tJf "$KERNEL_SOURCE_TARBALL" 2>/dev/null | head -n1 | cut -d/ -f1 || true)"
			tar -xJf "$KERNEL_SOURCE_TARBALL" -C "$pristine.tmp" --strip-components=1 "$top/drivers/vfio"
			rm -rf "$pristine"
			mv "$pristine.tmp" "$pristine"
		fi
		mkdir -p "$work/src/drivers"
		cp -a "$pristine/drivers/vfio" "$work/src/drivers/vfio"
	fi
	# --- the patch queue ---------------------------------------------------------------------------------
	for p in "${series[@]}"; do
		echo "== patch -p1 < $(basename "$p")" >>"$log"
		if ! (cd "$work/src" && patch -p1 --batch --forward <"$p") >>"$log" 2>&1; then
			tail -n 20 "$log" >&2
			die "patch $(basename "$p") did not apply to drivers/vfio of $source_id (log: $log)" 2
		fi
	done
	# --- our reset handlers (kernel/reset), built in the same pass so vfio-platform's symbols resolve ------
	if [ -d "$work/src/drivers/vfio/platform" ]; then
		mkdir -p "$work/src/drivers/vfio/platform/vfiolab-reset"
		cp "$here/reset/Kbuild" "$here/reset/"*.c "$work/src/drivers/vfio/platform/vfiolab-reset/"
		printf '\n# VfioLab (kernel/build-modules.sh)\nobj-$(CONFIG_VFIO_PLATFORM) += vfiolab-reset/\n' \
			>>"$work/src/drivers/vfio/platform/Makefile"
	fi
	# --- the build ---------------------------------------------------------------------------------------
	echo "== make -C $KERNEL_HEADERS M=$work/src/drivers/vfio ${make_vars[*]} modules" >>"$log"
	echo "== toolchain: $toolchain" >>"$log"
	if ! make -C "$KERNEL_HEADERS" M="$work/src/drivers/vfio" "${make_vars[@]}" -j"$(nproc)" modules >>"$log" 2>&1; then
		tail -n 30 "$log" >&2
		die "the module build failed (log: $log)" 3
	fi
	mkdir -p "$work/out"
	mapfile -t kos < <(find "$work/src/drivers/vfio" -name '*.ko' | sort)
	[ ${#kos[@]} -gt 0 ] || die "the build produced no .ko files (log: $log)" 3
	for ko in "${kos[@]}"; do
		cp "$ko" "$work/out/"
	done
	# Strip only what we built: stripping a distro module would drop its appended signature.
	"${cross}strip" --strip-debug "$work/out/"*.ko
	end=$(date +%s.%N)
	# --- the manifest ------------------------------------------------------------------------------------
	{
		printf '{\n  "key": "%s",\n  "kernelRelease": "%s",\n  "kernelVersion": "%s",\n' "$key" "$KERNEL_RELEASE" "$KERNEL_VERSION"
		printf '  "source": "%s",\n  "toolchain": "%s",\n  "buildSeconds": %.1f,\n' "$source_id" "$toolchain" "$(echo "$end - $start" | bc)"
		printf '  "patches": ['
		sep=""
		for p in "${series[@]}"; do printf '%s\n    { "name": "%s", "sha256": "%s" }' "$sep" "$(basename "$p")" "$(sha256sum <"$p" | cut -c1-64)"; sep=","; done
		printf '\n  ],\n  "modules": ['
		sep=""
		for ko in "$work/out/"*.ko; do
			name="$(basename "$ko" .ko)"
			vermagic="$(modinfo -F vermagic "$ko" 2>/dev/null || true)"
			depends="$(modinfo -F depends "$ko" 2>/dev/null || true)"
			printf '%s\n    { "name": "%s", "file": "%s", "sha256": "%s", "size": %d, "vermagic": "%s", "depends": "%s" }' "$sep" "$name" \
				"$(basename "$ko")" "$(sha256sum <"$ko" | cut -c1-64)" "$(stat -c %s "$ko")" "$vermagic" "$depends"
			sep=","
		done
		printf '\n  ]\n}\n'
	} >"$work/out/manifest.json"
	cp "$log" "$work/out/build.log"
	rm -rf "$dest"
	mv "$work/out" "$dest"
	rm -rf "$work"
fi
if [ -n "$out" ]; then
	mkdir -p "$out"
	cp "$dest"/*.ko "$dest/build.log" "$dest/manifest.json" "$out/"
fi
echo "$dest"
