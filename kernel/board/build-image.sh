#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the initramfs of a QEMU board from Debian packages of the kernel's architecture (arm64 or armhf):
# busybox, dropbear (+ OpenSSH's sftp-server so SFTP works), the kernel modules the board needs for its console
# and NIC (Debian's, or built by kernel/board/build-board-drivers.sh when the Debian kernel lacks them), and our
# VFIO modules in /lib/modules/KREL/extra; armhf images also carry Debian's Mono for the net48 agent
# (kernel/board/mono-runtime.sh). Each image gets a fresh dropbear host key whose SHA256 fingerprint is
# written beside it for pinning; the lab user key (generated once per user, never committed) is baked into
# root's authorized_keys.
#
# Usage: kernel/board/build-image.sh [--kernel-env FILE] [--modules DIR] [--dtb NAME] [--nic MODEL] [--console DEV]
#   --kernel-env FILE  kernel.env of kernel/fetch-debian-kernel.sh (default: fetch arm64 now)
#   --modules DIR      output dir of kernel/build-modules.sh (default: build now); "none" for an image without
#                      VFIO modules (boards whose modules the orchestrator uploads, like a board with its own OS)
#   --dtb NAME         also a device tree NAME.dtb (a machine QEMU does not describe itself): the lab's own
#                      kernel/board/dtb/NAME.dts when there is one, else NAME.dtb from the kernel package with
#                      kernel/board/dtb/NAME.dtsi (when there is one) compiled onto it
#   --nic MODEL        the board's QEMU NIC model: virtio-net-device, lan9118 or cadence_gem (default: by the
#                      architecture, virtio-net-device on arm64 and lan9118 on armhf)
#   --console DEV      the kernel's console (ttyAMA0, ttySAC0, ttyPS0, ...): ttyPS needs a driver module
# Output: an image dir (its path is the last stdout line) with initramfs.cpio.gz, host_key.pub,
#   host_key.sha256 (one line, "SHA256:..."), image.env and image.json (kernel image, initramfs, device tree,
#   host key fingerprint, lab key path, kernel release, module manifest). Cached under
#   ${XDG_CACHE_HOME:-$HOME/.cache}/vfiolab/images/DEB_ARCH/KEY/ (KEY hashes every input).
# Lab key: ${VFIOLAB_LAB_KEY:-${XDG_CONFIG_HOME:-$HOME/.config}/vfiolab/lab_ed25519} (+ .pub).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kernel_dir="$(dirname "$here")"
# shellcheck source=../lib/apt-private.sh
source "$kernel_dir/lib/apt-private.sh"
die() { echo "build-image: $1" >&2; exit "${2:-1}"; }

kernel_env="" modules="" dtb="" nic="" console=""
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel-env) kernel_env="$2"; shift 2 ;;
	--modules) modules="$2"; shift 2 ;;
	--dtb) dtb="$2"; shift 2 ;;
	--nic) nic="$2"; shift 2 ;;
	--console) console="$2"; shift 2 ;;
	*) die "unknown argument '$1' (see the header of $0)" ;;
	esac
done
for tool in dpkg-deb cpio gzip depmod modprobe ssh-keygen; do
	command -v "$tool" >/dev/null || die "'$tool' is missing: run scripts/setup-host.sh build qemu"
done
command -v dropbearkey >/dev/null || die "'dropbearkey' is missing (package dropbear-bin): run scripts/setup-host.sh qemu"
[ -n "$kernel_env" ] || kernel_env="$("$kernel_dir/fetch-debian-kernel.sh" arm64 | tail -n1)"
# shellcheck disable=SC1090
source "$kernel_env"
case "$KERNEL_DEB_ARCH" in
arm64) triplet=aarch64-linux-gnu default_nic=virtio-net-device ;;
armhf) triplet=arm-linux-gnueabihf default_nic=lan9118 ;;
*) die "no image recipe for $KERNEL_DEB_ARCH boards (arm64, armhf)" ;;
esac
# The modules init loads before anything else, in order: the console's driver, then the NIC's.
boot_modules=()
case "${console%%,*}" in
ttyPS*) boot_modules+=(xilinx_uartps) ;;
esac
case "${nic:-$default_nic}" in
virtio-net-device) boot_modules+=(virtio_mmio virtio_net) ;;
lan9118) boot_modules+=(smsc911x) ;;
cadence_gem) boot_modules+=(macb) ;;
*) die "no driver is known for the NIC model '$nic' (virtio-net-device, lan9118, cadence_gem)" ;;
esac
dtb_file="" dtsi="" dts=""
if [ -n "$dtb" ]; then
	command -v dtc >/dev/null || die "'dtc' is missing (package device-tree-compiler): run scripts/setup-host.sh qemu"
	if [ -f "$here/dtb/$dtb.dts" ]; then
		dts="$here/dtb/$dtb.dts"
	else
		dtb_file="$KERNEL_ROOT/usr/lib/linux-image-$KERNEL_RELEASE/$dtb.dtb"
		[ -f "$dtb_file" ] || die "neither kernel/board/dtb/$dtb.dts nor the kernel package's $dtb.dtb exists (looked in $(dirname "$dtb_file"))"
		[ ! -f "$here/dtb/$dtb.dtsi" ] || dtsi="$here/dtb/$dtb.dtsi"
	fi
fi
[ -n "$modules" ] || modules="$("$kernel_dir/build-modules.sh" --kernel-env "$kernel_env" | tail -n1)"
[ "$modules" = none ] || [ -f "$modules/manifest.json" ] || die "no manifest.json in the module dir '$modules'"

# --- the lab user key: once per user, outside the repository ---------------------------------------------
lab_key="${VFIOLAB_LAB_KEY:-${XDG_CONFIG_HOME:-$HOME/.config}/vfiolab/lab_ed25519}"
if [ ! -f "$lab_key" ]; then
	mkdir -p "$(dirname "$lab_key")"
	chmod 700 "$(dirname "$lab_key")"
	ssh-keygen -q -t ed25519 -N "" -C "vfiolab-lab-key" -f "$lab_key" >&2
fi
[ -f "$lab_key.pub" ] || ssh-keygen -y -f "$lab_key" >"$lab_key.pub"

# --- packages ---------------------------------------------------------------------------------------------
apt_private_init "$KERNEL_DEB_ARCH"
apt_private_update
pkgs=(busybox-static dropbear-bin openssh-sftp-server libc6 libgcc-s1 libcrypt1 libtomcrypt1 libtommath1 libgmp10 zlib1g)
resolved="$(apt_private_require "${pkgs[@]/%/:$KERNEL_DEB_ARCH}")" || die "the image's packages are not all on the mirror ($KERNEL_DEB_ARCH)"
mapfile -t specs <<<"$resolved"
# The net48 agent's runtime on 32-bit boards.
mono=""
if [ "$KERNEL_DEB_ARCH" = armhf ]; then
	mono="$("$here/mono-runtime.sh" armhf | tail -n1)"
	[ -f "$mono/mono-runtime.json" ] || die "kernel/board/mono-runtime.sh left no runtime"
fi

# The boot modules: Debian's when its kernel has them, else built from its source (build-board-drivers.sh);
# with their Debian dependencies, resolved on the distro tree.
if [ ! -f "$KERNEL_MODULES_DIR/modules.dep" ]; then
	depmod -b "$KERNEL_ROOT" "$KERNEL_RELEASE"
fi
distro_mods=() built_mods=()
for m in "${boot_modules[@]}"; do
	if modprobe -d "$KERNEL_ROOT" -S "$KERNEL_RELEASE" --show-depends "$m" >/dev/null 2>&1; then
		distro_mods+=("$m")
	else
		built_mods+=("$m")
	fi
done
board_drivers=""
if [ ${#built_mods[@]} -gt 0 ]; then
	board_drivers="$("$here/build-board-drivers.sh" --kernel-env "$kernel_env" "${built_mods[@]}" | tail -n1)"
	for m in "${built_mods[@]}"; do
		[ -f "$board_drivers/$m.ko" ] || die "build-board-drivers.sh left no $m.ko"
		IFS=, read -r -a deps <<<"$(modinfo -F depends "$board_drivers/$m.ko")"
		distro_mods+=("${deps[@]}")
	done
fi
kos=""
for m in "${distro_mods[@]}"; do
	deps="$(modprobe -d "$KERNEL_ROOT" -S "$KERNEL_RELEASE" --show-depends "$m")" || die "the Debian kernel has no module $m"
	kos+="$(awk '$1 == "insmod" { print $2 }' <<<"$deps")"$'\n'
done
mapfile -t distro_kos < <(sort -u <<<"$kos" | sed '/^$/d')

key="$({
	printf '%s\n' "${specs[@]}"
	echo "kernel $KERNEL_VERSION $KERNEL_RELEASE"
	printf 'distro %s\n' "${distro_kos[@]#"$KERNEL_ROOT"}"
	printf 'boot %s\n' "${boot_modules[@]}"
	for m in "${built_mods[@]}"; do sha256sum <"$board_drivers/$m.ko"; done
	if [ "$modules" = none ]; then echo "no vfio modules"; else sha256sum <"$modules/manifest.json"; fi
	[ -z "$mono" ] || sha256sum <"$mono/mono-runtime.json"
	[ -z "$dtb" ] || { echo "dtb $dtb"; sha256sum <"${dts:-$dtb_file}"; [ -z "$dtsi" ] || sha256sum <"$dtsi"; }
	sha256sum <"$lab_key.pub"
	sha256sum <"$0"
	sha256sum <"$here/init"
} | sha256sum | cut -c1-16)"
dest="$(vfiolab_cache)/images/$KERNEL_DEB_ARCH/$key"
cache_entry_lock "$dest"
if [ -f "$dest/image.env" ]; then
	echo "$dest"
	exit 0
fi

mapfile -t debs < <(apt_private_download "$APT_PRIV_DIR/debs" "${specs[@]}")
work="$dest.work"
rm -rf "$work"
mkdir -p "$work/root"
root="$work/root"
for d in "${debs[@]}"; do
	dpkg-deb -x "$d" "$root"
done
# Docs, man pages and locales are dead weight in a RAM disk.
rm -rf "$root/usr/lib/$triplet/gconv" "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/lintian" "$root/usr/share/locale" "$root/usr/share/bug"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,root/.ssh,etc/dropbear,var/log,usr/libexec,usr/local/bin}
ln -sf busybox "$root/bin/sh"
[ -e "$root/usr/libexec/sftp-server" ] || ln -s /usr/lib/openssh/sftp-server "$root/usr/libexec/sftp-server"
[ -x "$root/usr/lib/openssh/sftp-server" ] || die "openssh-sftp-server did not provide /usr/lib/openssh/sftp-server"
[ -x "$root/bin/busybox" ] || die "busybox-static did not provide /bin/busybox"
install -m 0755 "$here/init" "$root/init"
mkdir -p "$root/etc/vfiolab"
printf '%s\n' "${boot_modules[@]}" >"$root/etc/vfiolab/boot-modules"
# Mono's tree is laid out as Debian installs it (usr/bin/mono, usr/lib/mono, etc/mono, its C libraries).
[ -z "$mono" ] || cp -a "$mono/." "$root/"
rm -f "$root/mono-runtime.json"

cat >"$root/etc/passwd" <<'X'
root:x:0:0:root:/root:/bin/sh
X
# dropbear refuses an empty password field; "*" means no password login, keys only.
cat >"$root/etc/shadow" <<'X'
root:*:19000:0:99999:7:::
X
echo "root:x:0:" >"$root/etc/group"
printf '/bin/sh\n' >"$root/etc/shells"
chmod 0600 "$root/etc/shadow"
chmod 0700 "$root/root" "$root/root/.ssh"
install -m 0600 "$lab_key.pub" "$root/root/.ssh/authorized_keys"

# A fresh host key per image; the orchestrator pins its fingerprint.
dropbearkey -t ed25519 -f "$root/etc/dropbear/dropbear_ed25519_host_key" >/dev/null 2>&1
dropbearkey -y -f "$root/etc/dropbear/dropbear_ed25519_host_key" 2>/dev/null | grep '^ssh-' >"$work/host_key.pub"
fingerprint="$(ssh-keygen -l -E sha256 -f "$work/host_key.pub" | awk '{ print $2 }')"
case "$fingerprint" in SHA256:*) ;; *) die "could not fingerprint the host key" ;; esac
echo "$fingerprint" >"$work/host_key.sha256"

# Modules: the distro's (unstripped: stripping would drop their signature) and ours in extra/.
mdir="$root/lib/modules/$KERNEL_RELEASE"
mkdir -p "$mdir/extra"
for ko in "${distro_kos[@]}"; do
	rel="${ko#"$KERNEL_MODULES_DIR/"}"
	mkdir -p "$mdir/$(dirname "$rel")"
	cp "$ko" "$mdir/$rel"
	# Kernels from 6.12 on ship .ko.xz: busybox's insmod takes plain modules (decompressing keeps the signature).
	case "$rel" in *.xz) xz -d "$mdir/$rel" ;; esac
done
[ "$modules" = none ] || cp "$modules"/*.ko "$mdir/extra/"
if [ ${#built_mods[@]} -gt 0 ]; then
	mkdir -p "$mdir/extra/board"
	for m in "${built_mods[@]}"; do cp "$board_drivers/$m.ko" "$mdir/extra/board/"; done
fi
cp "$KERNEL_MODULES_DIR"/modules.{order,builtin,builtin.modinfo} "$mdir/" 2>/dev/null || true
depmod -b "$root" "$KERNEL_RELEASE"

(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc --owner=0:0 --quiet) | gzip -6 >"$work/initramfs.cpio.gz"
initramfs_sha="$(sha256sum <"$work/initramfs.cpio.gz" | cut -c1-64)"
image_dtb=""
if [ -n "$dts" ]; then
	dtc -q -I dts -O dtb "$dts" -o "$work/$dtb.dtb" || die "dtc could not compile $dts"
	image_dtb="$dest/$dtb.dtb"
elif [ -n "$dtb" ]; then
	# Debian's DTBs have no labels: the fragment names nodes by path (&{/soc/...}).
	dtc -q -I dtb -O dts "$dtb_file" -o "$work/$dtb.base.dts"
	cat "$work/$dtb.base.dts" ${dtsi:+"$dtsi"} >"$work/$dtb.dts"
	dtc -q -I dts -O dtb "$work/$dtb.dts" -o "$work/$dtb.dtb" || die "dtc could not compile $dtb.dtb with ${dtsi:-no fragment}"
	rm -f "$work/$dtb.base.dts"
	image_dtb="$dest/$dtb.dtb"
fi

cat >"$work/image.env" <<ENV
# SPDX-License-Identifier: MIT
# Written by kernel/board/build-image.sh
IMAGE_KEY=$key
IMAGE_KERNEL=$KERNEL_IMAGE
IMAGE_INITRAMFS=$dest/initramfs.cpio.gz
IMAGE_INITRAMFS_SHA256=$initramfs_sha
IMAGE_DTB=$image_dtb
IMAGE_HOST_KEY_SHA256=$fingerprint
IMAGE_LAB_KEY=$lab_key
IMAGE_KERNEL_RELEASE=$KERNEL_RELEASE
IMAGE_KERNEL_VERSION=$KERNEL_VERSION
IMAGE_MODULES=$modules
ENV
cat >"$work/image.json" <<JSON
{
  "key": "$key",
  "kernel": "$KERNEL_IMAGE",
  "initramfs": "$dest/initramfs.cpio.gz",
  "initramfsSha256": "$initramfs_sha",
  "dtb": "$image_dtb",
  "hostKeySha256": "$fingerprint",
  "labKey": "$lab_key",
  "kernelRelease": "$KERNEL_RELEASE",
  "kernelVersion": "$KERNEL_VERSION",
  "modules": "$modules"
}
JSON
rm -rf "$root"
rm -rf "$dest"
mv "$work" "$dest"
echo "$dest"
