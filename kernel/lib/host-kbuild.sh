#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sourced helper for a Debian kernel whose kbuild host tools cannot run on this host (the unstable suite's are
# linked against a newer glibc than Debian 12's) and whose config was made by a newer compiler than the host's
# cross compiler.
#
# host_kbuild_build TARBALL CONFIG KBUILD OUT KARCH CROSS
#   Builds fixdep and modpost from the kernel's own source (TARBALL, configured with CONFIG by the host's
#   toolchain) and writes OUT: a copy of the Debian kbuild tree KBUILD whose binaries are replaced by those.
#   The whole tarball is unpacked in a scratch dir beside OUT and removed afterwards (Kconfig reads every
#   Kconfig file of the tree). Prints the host toolchain's config on stdout's last line (OUT/host.config).
# host_kbuild_shim HEADERS HOSTCONFIG
#   Removes from the headers' auto.conf and autoconf.h the compiler and assembler capabilities the kernel's
#   compiler had and the host's has not (CONFIG_CC_HAS_*, CONFIG_AS_HAS_*, CONFIG_LD_HAS_*, CONFIG_CC_OPT_*, and
#   the arm64 features that need such an assembler: ARM64_LSUI). Each would otherwise put a flag or an
#   attribute the host compiler rejects into the module build; none changes a structure the modules share with
#   the kernel. The originals are kept as *.debian; the removed symbols are listed in HEADERS/vfiolab-shim.txt.

host_kbuild_build() {
	local tarball="$1" config="$2" kbuild="$3" out="$4" karch="$5" cross="$6" scratch top
	scratch="$out.src"
	rm -rf "$scratch" "$out.tmp"
	mkdir -p "$scratch" "$out.tmp"
	top="$(tar -tJf "$tarball" 2>/dev/null | head -n1 | cut -d/ -f1 || true)"
	echo "host-kbuild: unpacking $(basename "$tarball") to build fixdep and modpost" >&2
	# The unpacked tree is 1.8 GB: it goes whether the build works or not.
	if ! tar -xJf "$tarball" -C "$scratch" --strip-components=1 "$top" || ! mkdir -p "$scratch/.out" ||
		! cp "$config" "$scratch/.out/.config" ||
		! make -s -C "$scratch" O="$scratch/.out" ARCH="$karch" CROSS_COMPILE="$cross" olddefconfig >&2 ||
		! make -s -C "$scratch" O="$scratch/.out" ARCH="$karch" CROSS_COMPILE="$cross" -j"$(nproc)" modules_prepare >&2; then
		echo "host-kbuild: building the host tools from $(basename "$tarball") failed" >&2
		rm -rf "$scratch" "$out.tmp"
		return 1
	fi
	cp -a "$kbuild/." "$out.tmp/"
	rm -f "$out.tmp/scripts/mod/modpost.real-"*
	cp "$scratch/.out/scripts/mod/modpost" "$out.tmp/scripts/mod/modpost"
	cp "$scratch/.out/scripts/basic/fixdep" "$out.tmp/scripts/basic/fixdep"
	cp "$scratch/.out/.config" "$out.tmp/host.config"
	rm -rf "$out" "$scratch"
	mv "$out.tmp" "$out"
	echo "$out/host.config"
}

host_kbuild_shim() {
	local headers="$1" hostconfig="$2" drop sym
	[ -f "$headers/include/config/auto.conf.debian" ] || cp "$headers/include/config/auto.conf" "$headers/include/config/auto.conf.debian"
	[ -f "$headers/include/generated/autoconf.h.debian" ] || cp "$headers/include/generated/autoconf.h" "$headers/include/generated/autoconf.h.debian"
	drop="$(comm -23 <(grep -oE '^CONFIG_[A-Z0-9_]+' "$headers/include/config/auto.conf.debian" | sort) \
		<(grep -oE '^CONFIG_[A-Z0-9_]+' "$hostconfig" | sort) |
		grep -E '^CONFIG_((CC|AS|LD)_HAS_|CC_OPT_|ARM64_LSUI$)' || true)"
	cp "$headers/include/config/auto.conf.debian" "$headers/include/config/auto.conf"
	cp "$headers/include/generated/autoconf.h.debian" "$headers/include/generated/autoconf.h"
	for sym in $drop; do
		sed -i "/^$sym=/d" "$headers/include/config/auto.conf"
		sed -i "/^#define $sym /d" "$headers/include/generated/autoconf.h"
	done
	printf '%s\n' $drop >"$headers/vfiolab-shim.txt"
}
