#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: boot the reference machine under -icount shift=0, collect the
# guest's AXVM-BENCH lines, run the bench inmate alone on the machine for
# the baseline, and write $RESULTS (JSON) plus a table. A figure that could
# not be measured is reported as missing, never estimated.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$(dirname "$RESULTS")"
tick_ns=${TICK_NS:?}	# one tick of the counter (arch.mk: BENCH_TICK_NS)

echo "bench: booting the reference machine under -icount shift=0 (a few minutes)"
"$here/../qemu/boot.sh" bench "$LOG"
rc=$?
[ $rc -eq 0 ] || echo "bench: guest run ended with status $rc (see $LOG)"

echo "bench: the bench inmate alone on the machine (baseline)"
read -r -a bare <<< "$QEMU_BARE_MACHINE"
baseline=$(timeout 120 "$QEMU" "${bare[@]}" -nographic -no-reboot -icount shift=0 \
	-kernel "$BENCH_ELF" < /dev/null 2>&1 | tr -d '\r' | grep '^AXVM-BENCH timer ' |
	sed 's/^AXVM-BENCH timer /AXVM-BENCH bare_timer /')

read -r text data bss _ < <($SIZE "$HV_ELF" | tail -n 1)
{ tr -d '\r' < "$LOG" | sed -n '/^AXVM-BENCH-BEGIN/,/^AXVM-BENCH-END/p'
  echo "$baseline"
  echo "AXVM-BENCH firmware_text $text"
  echo "AXVM-BENCH firmware_data $data"
  echo "AXVM-BENCH firmware_bss $bss"
} | awk -v tick_ns=$tick_ns -v results="$RESULTS" '
function add(name, value, unit) { names[++n] = name; values[name] = value; units[name] = unit }
$1 == "AXVM-BENCH" && NF == 7 {	# name samples min avg p99 max (ticks or instructions)
	u = $2 ~ /_instructions$/ ? "" : "_ticks"
	unit = $2 ~ /_instructions$/ ? "instructions" : "ticks"
	add($2 "_min" u, $4, unit); add($2 "_avg" u, $5, unit)
	add($2 "_p99" u, $6, unit); add($2 "_max" u, $7, unit)
	add($2 "_samples", $3, "")
	next
}
$1 == "AXVM-BENCH" && NF == 3 {
	if ($2 in sum) { cnt[$2]++; sum[$2] += $3; if ($3 < lo[$2]) lo[$2] = $3; if ($3 > hi[$2]) hi[$2] = $3 }
	else { order[++m] = $2; cnt[$2] = 1; sum[$2] = $3; lo[$2] = $3; hi[$2] = $3 }
	next
}
END {
	for (i = 1; i <= m; i++) {
		k = order[i]
		add(k, int(sum[k] / cnt[k]), k ~ /_ns$/ ? "ns" : (k ~ /^memory/ ? "bytes" : (k ~ /_exits$/ ? "exits" : (k ~ /_interrupts$/ ? "interrupts" : ""))))
		if (cnt[k] > 1) add(k "_spread", hi[k] - lo[k], k ~ /_ns$/ ? "ns" : "")
	}
	if (("root_enabled_ns" in values) && ("root_disabled_ns" in values))
		add("root_slowdown_ratio", sprintf("%.4f", values["root_enabled_ns"] / values["root_disabled_ns"]), "ratio")
	if (("cell_timer_avg_ticks" in values) && ("bare_timer_avg_ticks" in values) && values["bare_timer_avg_ticks"] > 0)
		add("timer_avg_ratio_vs_bare", sprintf("%.2f", values["cell_timer_avg_ticks"] / values["bare_timer_avg_ticks"]), "ratio")
	if (("cell_timer_p99_ticks" in values) && ("bare_timer_p99_ticks" in values) && values["bare_timer_p99_ticks"] > 0)
		add("timer_p99_ratio_vs_bare", sprintf("%.2f", values["cell_timer_p99_ticks"] / values["bare_timer_p99_ticks"]), "ratio")
	if (("loaded_cpu_exits" in values) && ("cell_cpu_exits" in values))
		add("loaded_extra_cpu_exits", values["loaded_cpu_exits"] - values["cell_cpu_exits"], "exits")
	split("enable_ns create_ns load_ns start_to_output_ns create_to_output_ns destroy_ns destroy_running_rtos_ns destroy_running_hostile_ns destroy_running_sleeper_ns disable_ns root_hypercall_avg_ticks root_hypercall_instructions_min cell_hypercall_avg_ticks cell_hypercall_instructions_min cell_mmio_avg_ticks cell_mmio_instructions_min cell_timer_avg_ticks loaded_timer_avg_ticks bare_timer_avg_ticks cell_timer_foreign_interrupts loaded_timer_foreign_interrupts loaded_extra_cpu_exits root_slowdown_ratio memory_0_cells memory_1_cell memory_2_cells firmware_text", want, " ")
	for (w in want) if (!(want[w] in values)) add(want[w], "missing", "")
	printf "{\n" > results
	for (i = 1; i <= n; i++) {
		v = values[names[i]]
		printf "  \"%s\": %s%s\n", names[i], (v ~ /^[0-9.]+$/ ? v : "\"" v "\""), (i < n ? "," : "") > results
	}
	printf "}\n" > results
	printf "%-34s %14s  %s\n", "figure", "value", "unit"
	for (i = 1; i <= n; i++) {
		v = values[names[i]]; u = units[names[i]]
		if (u == "ticks" && v ~ /^[0-9]+$/) u = "ticks (" v * tick_ns " ns)"
		printf "%-34s %14s  %s\n", names[i], v, u
	}
}'
# Every arch measured so far, side by side.
python3 - "$ALL_RESULTS" "$(dirname "$(dirname "$RESULTS")")" <<'EOF_PY'
import json, os, sys
out, top = sys.argv[1], sys.argv[2]
merged = {}
for arch in sorted(os.listdir(top)):
    path = os.path.join(top, arch, 'results.json')
    if os.path.isfile(path):
        with open(path) as f:
            merged[arch] = json.load(f)
with open(out, 'w') as f:
    json.dump(merged, f, indent=2)
    f.write('\n')
EOF_PY
echo "bench: results in $RESULTS (every arch's: $ALL_RESULTS)"
