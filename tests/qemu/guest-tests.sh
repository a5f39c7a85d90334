#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the reference machine, run the selftests inside it and turn what
# they print into TAP lines on stdout ("ok - guest/SUITE/TEST"; with
# GUEST_NAME=guest-6.12, "ok - guest-6.12/SUITE/TEST").
# A hang, an oops, a crashed suite or zero tests run is a failure, and the
# serial log is printed.
set -uo pipefail
log=${LOG:?}
here=$(cd "$(dirname "$0")" && pwd)

start=$(date +%s)
"$here/boot.sh" test "$log"
rc=$?
elapsed=$(( $(date +%s) - start ))
echo "# guest boot and selftests: ${elapsed}s, qemu exit status $rc"

tr -d '\r' < "$log" | awk -v qemu_rc="$rc" -v guest="${GUEST_NAME:-guest}" -f "$here/../kselftest.awk" \
	-f "$here/guest-log.awk"
status=$?
if [ $status -ne 0 ]; then
	echo "# ---- serial log ($log) ----"
	tr -d '\r' < "$log" | sed 's/^/# /'
	echo "# ---- end of serial log ----"
fi
exit $status
