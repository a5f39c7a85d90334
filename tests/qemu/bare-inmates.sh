#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs each inmate directly on the platform (EL1, no hypervisor): the
# inmate library must start, print and switch the machine off by itself,
# ending with exactly one "Test result: SUCCESS" line.
set -uo pipefail
: "${QEMU:?}" "${INMATE_ELFS:?}"
read -r -a machine <<< "$QEMU_BARE_MACHINE"
status=0
for elf in $INMATE_ELFS; do
	name=$(basename "$elf" .elf)
	out=$(timeout -k 2 20 "$QEMU" "${machine[@]}" -nographic -no-reboot \
		-kernel "$elf" < /dev/null 2>&1)
	rc=$?
	results=$(printf '%s\n' "$out" | tr -d '\r' | grep -c '^Test result: ')
	if [ $rc -eq 0 ] && [ "$results" -eq 1 ] &&
	   printf '%s\n' "$out" | tr -d '\r' | grep -qx 'Test result: SUCCESS'; then
		echo "ok - inmates/bare/$name"
	else
		echo "not ok - inmates/bare/$name (qemu status $rc, $results result lines)"
		printf '%s\n' "$out" | sed 's/^/# /'
		status=1
	fi
done
exit $status
