#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs ON THE BOARD (busybox sh): binds a device found by discovery to a VFIO driver, idempotently, and
# restores the driver it had before. Mirrors tools/testing/selftests/vfio's setup: driver_override, unbind,
# drivers_probe. The original driver is recorded under $VFIOLAB_STATE (default /run/vfiolab/bind).
#
# Usage: bind-device.sh bind SELECTOR DRIVER    e.g. bind virtio-id:4 vfio-platform
#        bind-device.sh restore SELECTOR
#        bind-device.sh status SELECTOR
# SELECTOR: virtio-id:N             a virtio-mmio transport whose virtio device has id N (4 = entropy)
#           amba-id:0xID[/0xMASK]   an AMBA device whose periph id & MASK (default 0x000fffff) == ID
#           pci:VVVV:DDDD           a PCI device by vendor:device (hex, no 0x)
#           compatible:STR[#N]      a platform or AMBA device whose device-tree node lists STR among its compatible
#                                   strings; #N picks the N-th (0-based, in sysfs name order) when several match
#           platform:NAME | amba:NAME | pci-slot:DOMAIN:BUS:DEV.FN   a device by its sysfs name
# Output (stdout, key=value lines): BUS= DEVICE= DRIVER= ORIGINAL= GROUP= GROUP_DEV=
# Exit: 0 done, 1 usage, 2 no such device, 3 the bind or restore did not take (dmesg tail on stderr).
set -eu
state="${VFIOLAB_STATE:-/run/vfiolab/bind}"

fail() {
	code="$1"
	shift
	echo "bind-device: $*" >&2
	exit "$code"
}

driver_of() { # BUS NAME -> driver name or empty
	if [ -e "/sys/bus/$1/devices/$2/driver" ]; then
		basename "$(readlink "/sys/bus/$1/devices/$2/driver")"
	fi
}

state_file() { # SELECTOR -> path (the selector made file-name safe)
	echo "$state/$(echo "$1" | tr -c 'A-Za-z0-9._-' '_')"
}

# resolve SELECTOR -> sets BUS and NAME
resolve() {
	sel="$1"
	sf="$(state_file "$sel")"
	# Once bound, a virtio transport has no virtio child to read its id from: trust what we recorded.
	if [ -f "$sf" ]; then
		BUS="$(sed -n 's/^BUS=//p' "$sf")"
		NAME="$(sed -n 's/^DEVICE=//p' "$sf")"
		[ -e "/sys/bus/$BUS/devices/$NAME" ] && return 0
	fi
	BUS="" NAME=""
	case "$sel" in
	virtio-id:*)
		want=$(($(echo "${sel#virtio-id:}")))
		for v in /sys/bus/virtio/devices/virtio*; do
			[ -e "$v/device" ] || continue
			if [ $(($(cat "$v/device"))) -eq "$want" ]; then
				BUS=platform
				NAME="$(basename "$(readlink -f "$v/..")")"
				break
			fi
		done
		;;
	amba-id:*)
		spec="${sel#amba-id:}"
		id="${spec%%/*}"
		mask=0x000fffff
		[ "$spec" = "$id" ] || mask="${spec#*/}"
		for d in /sys/bus/amba/devices/*; do
			[ -e "$d/id" ] || continue
			if [ $((0x$(cat "$d/id") & mask)) -eq $((id & mask)) ]; then
				BUS=amba
				NAME="$(basename "$d")"
				break
			fi
		done
		;;
	pci:*)
		vd="${sel#pci:}"
		for d in /sys/bus/pci/devices/*; do
			if [ "$(cat "$d/vendor")" = "0x${vd%%:*}" ] && [ "$(cat "$d/device")" = "0x${vd#*:}" ]; then
				BUS=pci
				NAME="$(basename "$d")"
				break
			fi
		done
		;;
	compatible:*)
		spec="${sel#compatible:}"
		want="${spec%%#*}"
		index=0
		[ "$spec" = "$want" ] || index="${spec#*#}"
		case "$index" in '' | *[!0-9]*) fail 1 "bad index in '$sel' (compatible:STR#N, N a number)" ;; esac
		n=0
		for d in /sys/bus/amba/devices/* /sys/bus/platform/devices/*; do
			[ -f "$d/of_node/compatible" ] || continue
			# The property is a NUL-separated list of strings.
			if tr '\0' '\n' <"$d/of_node/compatible" | grep -qxF -- "$want"; then
				if [ "$n" -eq "$index" ]; then
					BUS="$(basename "$(dirname "$(dirname "$d")")")"
					NAME="$(basename "$d")"
					break
				fi
				n=$((n + 1))
			fi
		done
		;;
	platform:* | amba:*)
		BUS="${sel%%:*}"
		NAME="${sel#*:}"
		;;
	pci-slot:*)
		BUS=pci
		NAME="${sel#pci-slot:}"
		;;
	*) fail 1 "unknown selector '$sel'" ;;
	esac
	[ -n "$NAME" ] && [ -e "/sys/bus/$BUS/devices/$NAME" ] || fail 2 "no device matches '$sel'"
}

report() { # prints the key=value lines for BUS/NAME
	dev="/sys/bus/$BUS/devices/$NAME"
	group="" group_dev=""
	if [ -e "$dev/iommu_group" ]; then
		group="$(basename "$(readlink "$dev/iommu_group")")"
		if [ -e "/dev/vfio/$group" ]; then
			group_dev="/dev/vfio/$group"
		elif [ -e "/dev/vfio/noiommu-$group" ]; then
			group_dev="/dev/vfio/noiommu-$group"
		fi
	fi
	original=""
	sf="$(state_file "$1")"
	[ -f "$sf" ] && original="$(sed -n 's/^ORIGINAL=//p' "$sf")"
	echo "BUS=$BUS"
	echo "DEVICE=$NAME"
	echo "DRIVER=$(driver_of "$BUS" "$NAME")"
	echo "ORIGINAL=$original"
	echo "GROUP=$group"
	echo "GROUP_DEV=$group_dev"
}

do_bind() {
	sel="$1" target="$2"
	resolve "$sel"
	dev="/sys/bus/$BUS/devices/$NAME"
	[ -d "/sys/bus/$BUS/drivers/$target" ] || fail 3 "driver '$target' is not registered on bus $BUS (module not loaded?)"
	current="$(driver_of "$BUS" "$NAME")"
	sf="$(state_file "$sel")"
	if [ ! -f "$sf" ]; then
		mkdir -p "$state"
		printf 'BUS=%s\nDEVICE=%s\nORIGINAL=%s\n' "$BUS" "$NAME" "$current" >"$sf.tmp"
		mv "$sf.tmp" "$sf"
	fi
	if [ "$current" != "$target" ]; then
		echo "$target" >"$dev/driver_override"
		[ -z "$current" ] || echo "$NAME" >"$dev/driver/unbind"
		echo "$NAME" >"/sys/bus/$BUS/drivers_probe" 2>/dev/null || true
		now="$(driver_of "$BUS" "$NAME")"
		if [ "$now" != "$target" ]; then
			dmesg | tail -n 10 >&2
			# Leave the device as we found it: no override, back on its original driver.
			echo >"$dev/driver_override"
			if [ -n "$current" ] && [ -z "$now" ]; then
				echo "$NAME" >"/sys/bus/$BUS/drivers/$current/bind" 2>/dev/null || true
			fi
			rm -f "$sf"
			fail 3 "$BUS device $NAME did not bind to $target (now: '${now:-none}'; returned to '$(driver_of "$BUS" "$NAME")')"
		fi
	fi
	report "$sel"
}

do_restore() {
	sel="$1"
	resolve "$sel"
	dev="/sys/bus/$BUS/devices/$NAME"
	sf="$(state_file "$sel")"
	# Nothing bound by us (never bound, already restored, or the board rebooted): leave the device as it is, so
	# that a restore asked twice does not take a device off the driver the first one gave back.
	if [ ! -f "$sf" ]; then
		report "$sel"
		return 0
	fi
	original="$(sed -n 's/^ORIGINAL=//p' "$sf")"
	current="$(driver_of "$BUS" "$NAME")"
	# An empty write clears driver_override (a lone newline is what the kernel expects).
	echo >"$dev/driver_override"
	if [ "$current" != "$original" ]; then
		[ -z "$current" ] || echo "$NAME" >"$dev/driver/unbind"
		if [ -n "$original" ]; then
			echo "$NAME" >"/sys/bus/$BUS/drivers/$original/bind" 2>/dev/null || true
		fi
		now="$(driver_of "$BUS" "$NAME")"
		if [ "$now" != "$original" ]; then
			dmesg | tail -n 10 >&2
			fail 3 "$BUS device $NAME did not return to '${original:-no driver}' (now: '${now:-none}')"
		fi
	fi
	report "$sel"
	rm -f "$sf"
}

[ $# -ge 2 ] || fail 1 "usage: $0 bind SELECTOR DRIVER | restore SELECTOR | status SELECTOR"
case "$1" in
bind)
	[ $# -eq 3 ] || fail 1 "usage: $0 bind SELECTOR DRIVER"
	do_bind "$2" "$3"
	;;
restore) do_restore "$2" ;;
status)
	resolve "$2"
	report "$2"
	;;
*) fail 1 "unknown command '$1'" ;;
esac
