#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs each inmate directly on the platform (arm64: EL1, riscv64: S-mode
# under OpenSBI, x86_64: a multiboot image; no hypervisor): the inmate
# library must start, print and switch the machine off by itself, ending
# with exactly one "Test result: SUCCESS" line.
set -uo pipefail
: "${QEMU:?}" "${INMATE_ELFS:?}" "${ARCH:?}"
read -r -a machine <<< "$QEMU_BARE_MACHINE"
status=0
for elf in $INMATE_ELFS; do
	name=$(basename "${elf%.*}")
	out=$(timeout -k 2 20 "$QEMU" "${machine[@]}" -nographic -no-reboot \
		-kernel "$elf" < /dev/null 2>&1)
	rc=$?
	results=$(printf '%s\n' "$out" | tr -d '\r' | grep -c '^Test result: ')
	if [ $rc -eq 0 ] && [ "$results" -eq 1 ] &&
	   printf '%s\n' "$out" | tr -d '\r' | grep -qx 'Test result: SUCCESS'; then
		echo "ok - inmates/bare-$ARCH/$name"
	else
		echo "not ok - inmates/bare-$ARCH/$name (qemu status $rc, $results result lines)"
		printf '%s\n' "$out" | sed 's/^/# /'
		status=1
	fi
done
exit $status
