#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run-kselftest.sh PREFIX PROGRAM: run a kselftest program here (the host)
# and print its results as check.sh lines. Fails if it ran no test or
# exited non-zero without saying which test failed.
set -uo pipefail
prefix=$1
shift
here=$(dirname "$0")
"$@" 2>&1 | awk -v prefix="$prefix" -f "$here/kselftest.awk" \
	-f "$here/run-kselftest.awk"
status=("${PIPESTATUS[@]}")
if [ "${status[0]}" -ne 0 ] && [ "${status[1]}" -eq 0 ]; then
	echo "not ok - $prefix: exited with status ${status[0]}"
	exit 1
fi
exit "${status[1]}"
