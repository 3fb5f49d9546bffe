#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds, out of tree against the Debian headers, the few drivers a QEMU board needs to boot and reach the
# network that its Debian kernel leaves out (armmp has no Zynq support: no xilinx_uartps console, no macb NIC).
# Each driver's files come from the kernel's own source tarball (linux-source), unchanged; nothing else of the
# tree is built. Cached like the VFIO modules: an unchanged (kernel, drivers, toolchain, recipe) builds nothing.
#
# Usage: kernel/board/build-board-drivers.sh --kernel-env FILE DRIVER...
#   --kernel-env FILE  kernel.env of kernel/fetch-debian-kernel.sh
#   DRIVER             a module name from the table below (xilinx_uartps, macb)
# Output: a dir with DRIVER.ko for each DRIVER (stripped of debug info) and build.log; its path is the last stdout
#   line. Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/vfiolab/board-drivers/DEB_ARCH/KREL-KEY/.
# Exit: 1 on usage/prerequisite errors, 3 when the build fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kernel_dir="$(dirname "$here")"
# shellcheck source=../lib/apt-private.sh
source "$kernel_dir/lib/apt-private.sh"
die() { echo "build-board-drivers: $1" >&2; exit "${2:-1}"; }

# The source files of each driver, as kernel paths; the first .c names the module's objects (MODULE-y).
driver_files() {
	case "$1" in
	xilinx_uartps) echo drivers/tty/serial/xilinx_uartps.c ;;
	# Without CONFIG_MACB_USE_HWSTAMP (no PTP) and CONFIG_MACB_PCI: the platform driver alone.
	macb) echo drivers/net/ethernet/cadence/macb_main.c drivers/net/ethernet/cadence/macb.h ;;
	*) return 1 ;;
	esac
}

kernel_env=""
drivers=()
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel-env) kernel_env="$2"; shift 2 ;;
	-*) die "unknown argument '$1' (see the header of $0)" ;;
	*) drivers+=("$1"); shift ;;
	esac
done
[ -n "$kernel_env" ] || die "--kernel-env is required"
[ ${#drivers[@]} -gt 0 ] || die "name at least one driver (xilinx_uartps, macb)"
[ -f "$kernel_env" ] || die "no kernel.env at '$kernel_env'"
# shellcheck disable=SC1090
source "$kernel_env"
case "$KERNEL_DEB_ARCH" in
arm64) karch=arm64 cross=aarch64-linux-gnu- ;;
armhf) karch=arm cross=arm-linux-gnueabihf- ;;
*) die "driver builds for $KERNEL_DEB_ARCH are not supported (arm64, armhf)" ;;
esac
for tool in make "${cross}gcc" "${cross}strip" xz tar sha256sum; do
	command -v "$tool" >/dev/null || die "'$tool' is missing: run scripts/setup-host.sh build cross"
done
[ -d "$KERNEL_HEADERS" ] || die "no kernel headers at $KERNEL_HEADERS (re-run kernel/fetch-debian-kernel.sh)"
[ -f "$KERNEL_SOURCE_TARBALL" ] || die "no kernel source at $KERNEL_SOURCE_TARBALL (re-run kernel/fetch-debian-kernel.sh)"
files=()
for d in "${drivers[@]}"; do
	case "$d" in *[!a-z0-9_]*) die "'$d' is not a module name" ;; esac
	list="$(driver_files "$d")" || die "no recipe for the driver '$d' (known: xilinx_uartps, macb)"
	read -r -a more <<<"$list"
	files+=("${more[@]}")
done

toolchain="$("${cross}gcc" --version | head -n1)"
key="$({
	echo "kernel $KERNEL_VERSION $KERNEL_RELEASE $(basename "$KERNEL_SOURCE_TARBALL")"
	printf 'driver %s\n' "${drivers[@]}"
	echo "toolchain $toolchain"
	sha256sum <"$0"
} | sha256sum | cut -c1-16)"
dest="$(vfiolab_cache)/board-drivers/$KERNEL_DEB_ARCH/$KERNEL_RELEASE-$key"
cache_entry_lock "$dest"
if [ -f "$dest/build.log" ]; then
	echo "$dest"
	exit 0
fi

work="$dest.work"
rm -rf "$work"
mkdir -p "$work/src" "$work/m" "$work/out"
log="$work/out/build.log"
top="$(tar -tJf "$KERNEL_SOURCE_TARBALL" 2>/dev/null | head -n1 | cut -d/ -f1 || true)"
echo "build-board-drivers: extracting ${files[*]} from $(basename "$KERNEL_SOURCE_TARBALL")" >&2
tar -xJf "$KERNEL_SOURCE_TARBALL" -C "$work/src" --strip-components=1 "${files[@]/#/$top/}" ||
	die "$(basename "$KERNEL_SOURCE_TARBALL") lacks some of ${files[*]}"
for d in "${drivers[@]}"; do
	read -r -a mine <<<"$(driver_files "$d")"
	objs=()
	for f in "${mine[@]}"; do
		cp "$work/src/$f" "$work/m/"
		case "$f" in *.c) objs+=("$(basename "$f" .c).o") ;; esac
	done
	echo "obj-m += $d.o" >>"$work/m/Kbuild"
	[ "${objs[*]}" = "$d.o" ] || echo "$d-y := ${objs[*]}" >>"$work/m/Kbuild"
done
# The console half of xilinx_uartps is behind its own option (=y only for a built-in driver in Kconfig); a
# module registers its console when the port appears, and the kernel replays its log there.
make_vars=("ARCH=$karch" "CROSS_COMPILE=$cross" "KCFLAGS=-DCONFIG_SERIAL_XILINX_PS_UART_CONSOLE=1")
[ -z "${KERNEL_CC:-}" ] || make_vars+=("CC=$KERNEL_CC")
{ echo "== Kbuild"; cat "$work/m/Kbuild"; echo "== make -C $KERNEL_HEADERS M=... ${make_vars[*]} modules"; echo "== toolchain: $toolchain"; } >>"$log"
if ! make -C "$KERNEL_HEADERS" M="$work/m" "${make_vars[@]}" -j"$(nproc)" modules >>"$log" 2>&1; then
	tail -n 30 "$log" >&2
	die "the build of ${drivers[*]} failed (log: $log)" 3
fi
for d in "${drivers[@]}"; do
	[ -f "$work/m/$d.ko" ] || die "the build left no $d.ko (log: $log)" 3
	cp "$work/m/$d.ko" "$work/out/"
done
"${cross}strip" --strip-debug "$work/out/"*.ko
rm -rf "$dest"
mv "$work/out" "$dest"
rm -rf "$work"
echo "$dest"
