#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The power switch of the stand-in physical board (tests only): `on` starts a QEMU arm64 board from an image
# WITHOUT the VFIO modules (kernel/board/build-image.sh --modules none), so the orchestrator must upload and load
# them as on a board with its own OS; its serial console goes to STATE/serial.log, which lab.json's console
# command reads like a serial port. `off` first records, over SSH with the image's pinned host key, what the board
# looks like after the run (loaded modules, each device's driver) in STATE/after-run.txt, then powers off.
#
# Usage: physical-board-power.sh on|off|reset STATE_DIR IMAGE_DIR SSH_PORT
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 on|off|reset STATE_DIR IMAGE_DIR SSH_PORT" >&2; exit 1; }
action="$1" state="$2" image="$3" port="$4"
# shellcheck disable=SC1091
source "$image/image.env"
mkdir -p "$state"
pidfile="$state/qemu.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

on() {
	if running; then
		echo "already on"
		return 0
	fi
	rm -f "$pidfile"
	echo "power on: $(date -u +%H:%M:%S)" >>"$state/serial.log"
	qemu-system-aarch64 -M virt,iommu=smmuv3,gic-version=3 -cpu cortex-a57 -smp 2 -m 1024 -display none -nodefaults \
		-kernel "$IMAGE_KERNEL" -initrd "$IMAGE_INITRAMFS" -append "console=ttyAMA0 rdinit=/init" \
		-netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" -device virtio-net-device,netdev=n0 \
		-device virtio-rng-device -device edu \
		-chardev "file,id=s0,path=$state/serial.log" -serial chardev:s0 -monitor none \
		-pidfile "$pidfile" -daemonize
	echo "on: pid $(cat "$pidfile")"
}

snapshot() {
	printf '[127.0.0.1]:%s %s\n' "$port" "$(cat "$image/host_key.pub")" >"$state/known_hosts"
	ssh -i "$IMAGE_LAB_KEY" -p "$port" -o BatchMode=yes -o ConnectTimeout=10 -o UserKnownHostsFile="$state/known_hosts" \
		-o StrictHostKeyChecking=yes root@127.0.0.1 '
			echo "== modules"; cut -d" " -f1 /proc/modules
			echo "== extra"; ls /lib/modules/$(uname -r)/extra 2>/dev/null
			echo "== drivers"
			for d in /sys/bus/platform/devices/*.virtio_mmio /sys/bus/amba/devices/* /sys/bus/pci/devices/*; do
				drv=""; [ -e "$d/driver" ] && drv="$(basename "$(readlink "$d/driver")")"
				echo "$(basename "$d") ${drv:-none}"
			done' >"$state/after-run.txt" 2>"$state/after-run.err" || echo "snapshot failed (see after-run.err)"
}

off() {
	if running; then
		snapshot
		kill "$(cat "$pidfile")"
		for _ in $(seq 50); do running || break; sleep 0.1; done
		running && kill -9 "$(cat "$pidfile")"
	fi
	rm -f "$pidfile"
	echo "off"
}

case "$action" in
on) on ;;
off) off ;;
reset) off; on ;;
*) echo "unknown action '$action'" >&2; exit 1 ;;
esac
