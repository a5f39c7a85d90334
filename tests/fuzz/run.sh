#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run.sh SECONDS: each fuzz target for SECONDS on its corpus, as check
# lines. A crash, leak, timeout or abort is a failure and its report and
# reproducer path are printed.
set -uo pipefail
seconds=${1:-15}
out=${FUZZ_OUT:?}
status=0
for bin in "$out"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	log=$(mktemp)
	mkdir -p "$out/corpus/$name" "$out/crashes"
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$out/crashes/$name-" -print_final_stats=1 \
		"$out/corpus/$name" > "$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		echo "ok - fuzz/$name (${runs:-?} inputs in ${seconds}s)"
	else
		echo "not ok - fuzz/$name (exit $rc)"
		grep -v '^#' "$log" | tail -40 | sed 's/^/# /'
		status=1
	fi
	rm -f "$log"
done
exit $status
