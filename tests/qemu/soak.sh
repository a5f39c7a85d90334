#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make soak: boot the reference machine in soak mode (tests/qemu/soak-rounds),
# then compare start and end: hypervisor memory in use and online CPUs must
# be the same; MemFree is noisy under QEMU (it swings by MiBs between
# samples), so its trend is printed, not judged. Bounded by TIMEOUT.
set -uo pipefail
log=${LOG:?}
here=$(cd "$(dirname "$0")" && pwd)
TIMEOUT=${TIMEOUT:-3600} "$here/boot.sh" soak "$log"
rc=$?
tr -d '\r' < "$log" | grep '^SOAK' | tee "$log.summary"
pick() { grep "^SOAK $1 " "$log.summary" | awk -v f="$2" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }'; }
status=0
grep -q '^SOAK DONE' "$log.summary" || { echo "soak: did not finish (qemu status $rc); see $log"; status=1; }
for phase in enable cell; do
	for field in hv_used online; do
		a=$(pick "$phase-start" "$field"); b=$(pick "$phase-end" "$field")
		if [ -n "$a" ] && [ "$a" != "$b" ]; then
			echo "soak: $phase rounds: $field $a at the start, $b at the end"
			status=1
		fi
	done
	echo "soak: $phase rounds: MemFree $(pick "$phase-start" memfree_kib) -> $(pick "$phase-end" memfree_kib) KiB" \
		"(every 100 rounds: $(grep "^SOAK $phase " "$log.summary" | awk '{ print $8 }' | tr '\n' ' '))"
done
[ $status -eq 0 ] && echo "soak: passed"
exit $status
