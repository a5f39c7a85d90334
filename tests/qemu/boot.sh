#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# boot.sh MODE [LOG]: boot the reference machine with the initramfs.
#   test        run the selftests, serial log to LOG, power off
#   demo        interactive shell after the demo (needs a terminal)
#   demo-batch  the demo, then power off (no terminal needed)
#   soak        make soak: many enable/disable and cell rounds, serial log to LOG
# Every boot has -no-reboot, panic=-1 and a hard timeout.
set -uo pipefail
mode=$1
log=${2:-}
: "${QEMU:?}" "${VMLINUZ:?}" "${INITRD:?}"
read -r -a machine <<< "$QEMU_MACHINE"
append="$QEMU_APPEND panic=-1 axvm_mode=$mode ${EXTRA_APPEND:-}"
qemu=("$QEMU" "${machine[@]}" -no-reboot -kernel "$VMLINUZ" -initrd "$INITRD")
# QEMU_EXTRA: more QEMU arguments, e.g. "-d int -D qemu.log" or "-s -S".
read -r -a extra <<< "${QEMU_EXTRA:-}"
qemu+=("${extra[@]}")

case "$mode" in
test)
	# Only alerts and worse reach the console, so that the selftests'
	# TAP is not cut by kernel lines; the full log is dumped at the end.
	exec timeout --foreground -k 5 "${TIMEOUT:-300}" "${qemu[@]}" \
		-display none -monitor none -serial "file:$log" \
		-append "$append loglevel=3 iomem=relaxed" < /dev/null
	;;
soak)
	exec timeout --foreground -k 5 "${TIMEOUT:-3600}" "${qemu[@]}" \
		-display none -monitor none -serial "file:$log" \
		-append "$append loglevel=3" < /dev/null
	;;
bench)
	# Virtual time counts instructions: figures repeat (DESIGN.md 6).
	exec timeout --foreground -k 5 "${TIMEOUT:-900}" "${qemu[@]}" \
		-icount shift=0 -display none -monitor none -serial "file:$log" \
		-append "$append loglevel=3" < /dev/null
	;;
demo)
	exec timeout --foreground -k 5 "${TIMEOUT:-86400}" "${qemu[@]}" \
		-nographic -append "$append"
	;;
demo-batch)
	exec timeout --foreground -k 5 "${TIMEOUT:-300}" "${qemu[@]}" \
		-nographic -append "$append" < /dev/null
	;;
*)
	echo "boot.sh: unknown mode '$mode' (test, bench, soak, demo, demo-batch)" >&2
	exit 2
	;;
esac
