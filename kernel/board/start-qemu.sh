#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts the QEMU arm64 board in the background for a human (the orchestrator starts QEMU itself, with the
# same command line, from Boards/Qemu/QemuBoard.cs). Loopback only: SSH is forwarded from 127.0.0.1:PORT and
# the guest's user-mode network is restricted (restrict=on), so the guest cannot reach out.
#
# Usage: kernel/board/start-qemu.sh IMAGE_DIR RUN_DIR [PORT]
#   IMAGE_DIR  output of kernel/board/build-image.sh (reads image.env)
#   RUN_DIR    gets console.log, qmp.sock, qemu.pid
#   PORT       host port for SSH on 127.0.0.1 (default 10022)
# Then: ssh -i LAB_KEY -p PORT root@127.0.0.1; stop with: kill "$(cat RUN_DIR/qemu.pid)"
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 IMAGE_DIR RUN_DIR [PORT]" >&2; exit 1; }
image="$1" run="$2" port="${3:-10022}"
command -v qemu-system-aarch64 >/dev/null || { echo "start-qemu: qemu-system-aarch64 is missing: run scripts/setup-host.sh qemu" >&2; exit 1; }
# shellcheck disable=SC1091
source "$image/image.env"
mkdir -p "$run"
rm -f "$run/console.log" "$run/qmp.sock" "$run/qemu.pid"
qemu-system-aarch64 -M virt,iommu=smmuv3,gic-version=3 -cpu cortex-a57 -smp 2 -m 1024 \
	-display none -no-reboot \
	-kernel "$IMAGE_KERNEL" -initrd "$IMAGE_INITRAMFS" -append "console=ttyAMA0 rdinit=/init panic=-1" \
	-netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" -device virtio-net-device,netdev=n0 \
	-device virtio-rng-device -device edu \
	-serial "file:$run/console.log" -monitor none -qmp "unix:$run/qmp.sock,server=on,wait=off" \
	-pidfile "$run/qemu.pid" -daemonize
echo "start-qemu: booting; console in $run/console.log, ssh -p $port root@127.0.0.1 (host key $IMAGE_HOST_KEY_SHA256)" >&2
