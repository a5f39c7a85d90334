#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# axvm-ctl on the host: exit codes, messages that name the file, and the
# firmware check on the image the build just made.
set -uo pipefail
ctl=${HOST_AXVM_CTL:?}
fw=${FIRMWARE:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# expect NAME EXIT-CODE PATTERN CMD...: the exit code and a line matching
# PATTERN in stdout+stderr.
expect() {
	local name=$1 want=$2 pattern=$3 out rc
	shift 3
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" -eq "$want" ] && printf '%s\n' "$out" | grep -qE -- "$pattern"; then
		echo "ok - cli/$name"
	else
		echo "not ok - cli/$name (exit $rc, wanted $want and /$pattern/)"
		printf '%s\n' "$out" | sed 's/^/# /'
		status=1
	fi
}

expect version 0 '^axvm-ctl [0-9]+\.[0-9]+\.[0-9]+.* \(ABI revision [0-9]+\)$' "$ctl" --version
expect help_lists_verbs 0 '^  firmware check ' "$ctl" --help
expect no_verb_is_usage 2 '^usage: ' "$ctl"
expect unknown_verb_is_usage 2 'unknown verb "frobnicate"' "$ctl" frobnicate
expect verb_help 0 '^usage: axvm-ctl enable SYSTEM-CONFIG' "$ctl" enable --help
expect enable_needs_argument 2 'expected one system config' "$ctl" enable
expect hardware_check_unknown_option 2 'unknown option "--jsn"' "$ctl" hardware check --jsn
expect console_unknown_option 2 'unknown option "-x"' "$ctl" console -x
expect firmware_check_intact 0 "axvm firmware .* for ${ARCH:-arm64}" "$ctl" firmware check "$fw"
expect firmware_check_missing_file 3 "$tmp/nope.bin: cannot open: No such file" \
	"$ctl" firmware check "$tmp/nope.bin"
cp "$fw" "$tmp/bad.bin"
printf 'XXXX' | dd of="$tmp/bad.bin" conv=notrunc status=none
expect firmware_check_names_file 3 "$tmp/bad.bin: bad magic" \
	"$ctl" firmware check "$tmp/bad.bin"
head -c 1000 "$fw" > "$tmp/short.bin"
expect firmware_check_truncated 3 'short.bin: image_size is [0-9]+ but the file has 1000 bytes' \
	"$ctl" firmware check "$tmp/short.bin"
configs=${TOP:?}/configs/${PLATFORM:?}
if [ ! -e /dev/axvm ]; then
	expect enable_without_driver 1 '/dev/axvm does not exist: load the driver first' \
		"$ctl" enable "$configs/root.json"
fi

# Configs: the shipped ones of every platform pass, alone and together (a
# host's axvm-ctl reads every architecture's); broken ones are refused with
# the file, the JSON path and the value.
# shipped DIR: DIR's cells each fit its machine on their own (together they
# may not: bare, rng and smp share CPU 2); its system reads back as shown.
shipped() {
	local dir=$1 p=${1##*/} f name
	for f in "$dir"/*.json; do
		name=$(basename "$f" .json)
		[ "$name" = root ] && continue
		expect "config_check_shipped_${p}_$name" 0 "$name.json: ok: cell" \
			"$ctl" config check --system "$dir/root.json" "$f"
	done
	expect "config_check_cells_against_system_$p" 0 'bare.json: ok' \
		"$ctl" config check --system "$dir/root.json" "$dir/rtos.json" "$dir/bare.json"
	expect "config_check_conflict_$p" 3 'rtos.json: cpus: CPU 3 is already owned by cell "rtos"' \
		"$ctl" config check --system "$dir/root.json" "$dir/rtos.json" "$dir/rtos.json"
	"$ctl" config show "$dir/root.json" > "$tmp/shown.json" 2>&1
	"$ctl" config compile "$dir/root.json" -o "$tmp/a.bin" &&
	"$ctl" config compile "$tmp/shown.json" -o "$tmp/b.bin" &&
	if cmp -s "$tmp/a.bin" "$tmp/b.bin"; then
		echo "ok - cli/config_show_reads_back_identically_$p"
	else
		echo "not ok - cli/config_show_reads_back_identically_$p"
		status=1
	fi
}
for dir in "$TOP"/configs/*/; do
	shipped "${dir%/}"
done
rv=$TOP/configs/qemu-riscv64
sed 's/"type": "sbi"/"type": "pl011", "address": "0x10000000"/' "$rv/root.json" > "$tmp/rv-pl011.json"
expect config_riscv64_has_no_pl011 3 'rv-pl011.json: debug_console.type: unknown console type "pl011" \(expected one of: none, hypercall, sbi\)' \
	"$ctl" config check "$tmp/rv-pl011.json"
sed 's/"interrupts": \[8\]/"interrupts": [96]/' "$rv/rng.json" > "$tmp/rv-irq.json"
expect config_riscv64_source_past_plic 3 "rv-irq.json: interrupts\[0\]: 96-96 is outside the PLIC's sources 1-95" \
	"$ctl" config check --system "$rv/root.json" "$tmp/rv-irq.json"
sed 's/"phys": "0x10008000"/"phys": "0x0c200000"/' "$rv/rng.json" > "$tmp/rv-plic.json"
expect config_riscv64_cell_over_plic 3 'rv-plic.json: memory\[2\] \(0xc200000\+0x1000\) covers the PLIC' \
	"$ctl" config check --system "$rv/root.json" "$tmp/rv-plic.json"
# x86_64: the machine's own and the guest suite's configs (tests/configs:
# the driver refuses those, the validator these), then the validator's rules.
x86=$TOP/configs/qemu-x86_64 x86t=$TOP/tests/configs/qemu-x86_64
for f in no_ram wrong_irqchip; do
	expect "config_x86_64_test_system_$f" 0 "$f.json: ok: system" "$ctl" config check "$x86t/$f.json"
done
expect config_x86_64_test_cells_fit 0 'rtc_irq.json: ok: cell' \
	"$ctl" config check --system "$x86/root.json" "$x86t/spare_irq.json" "$x86t/rtc_irq.json"
expect config_x86_64_cell_over_ioapic 3 'ioapic.json: memory\[1\] \(0xfec00000\+0x1000\) covers the IOAPIC \(the hypervisor emulates it\)' \
	"$ctl" config check --system "$x86/root.json" "$x86t/ioapic.json"
expect config_x86_64_cell_over_lapic 3 'lapic.json: memory\[1\] \(0xfee00000\+0x1000\) covers the local APICs' \
	"$ctl" config check --system "$x86/root.json" "$x86t/lapic.json"
expect config_x86_64_pin_past_ioapic 3 "pin.json: interrupts\[0\]: 24-24 is outside the IOAPIC's pins 0-23" \
	"$ctl" config check --system "$x86/root.json" "$x86t/pin.json"
expect config_x86_64_shared_over_linux 3 'shared_linux.json: memory\[1\] \(0x100000\+0x2ff00000\) is not in the root cell.s loadable memory' \
	"$ctl" config check --system "$x86/root.json" "$x86t/shared_linux.json"
sed 's/"size": "0xbec00000"/"size": "0xbec01000"/' "$x86/root.json" > "$tmp/x86-ioapic.json"
expect config_x86_64_root_over_ioapic 3 'x86-ioapic.json: root_cell.memory\[8\] \(0x40000000\+0xbec01000\) covers the IOAPIC' \
	"$ctl" config check "$tmp/x86-ioapic.json"
sed 's/"phys": "0xfed00000", "size": "4K"/"phys": "0xfed00000", "size": "1040K"/' "$x86/root.json" > "$tmp/x86-lapic.json"
expect config_x86_64_root_over_lapic 3 'x86-lapic.json: root_cell.memory\[9\] \(0xfed00000\+0x104000\) covers the local APICs \(the hypervisor.s\) at 0xfee00000' \
	"$ctl" config check "$tmp/x86-lapic.json"
sed 's/"pins": 24/"pins": 241/; s/"0x3f8"/"0xfff9"/' "$x86/root.json" > "$tmp/x86-pins.json"
expect config_x86_64_pins_and_port 3 'x86-pins.json: platform.ioapic.pins is 241, expected 1 to 240' \
	"$ctl" config check "$tmp/x86-pins.json"
expect config_x86_64_uart_port_past_the_end 3 'x86-pins.json: debug_console.address 0xfff9: an 8250 at I/O ports needs its base port, 0x1 to 0xfff8' \
	"$ctl" config check "$tmp/x86-pins.json"
sed 's/"type": "hypercall"/"type": "8250-pio", "address": "0x2f8"/' "$x86/rtos.json" > "$tmp/x86-uart.json"
expect config_x86_64_uart_is_the_hypervisors 3 "x86-uart.json: console.type: an 8250 at I/O ports is the hypervisor's \(debug_console\)" \
	"$ctl" config check "$tmp/x86-uart.json"
sed 's/"type": "8250-pio", "address": "0x3f8"/"type": "pl011", "address": "0x3f8"/' "$x86/root.json" > "$tmp/x86-pl011.json"
expect config_x86_64_has_no_pl011 3 'x86-pl011.json: debug_console.type: unknown console type "pl011" \(expected one of: none, hypercall, 8250-pio\)' \
	"$ctl" config check "$tmp/x86-pl011.json"
sed 's/"wirte"/"x"/; s/"write", "execute"/"wirte", "execute"/' "$configs/rtos.json" > "$tmp/typo.json"
expect config_flag_typo 3 'typo.json: memory\[0\]\.flags\[1\]: unknown flag "wirte" \(expected one of: read, write, execute, io, loadable, shared, dma\); did you mean "write"\?' \
	"$ctl" config check "$tmp/typo.json"
printf '{ "type": "cell",\n  "name": "x" "cpus": [1] }\n' > "$tmp/syntax.json"
expect config_syntax_error_has_position 3 'syntax.json: line 2, column 15: invalid JSON' \
	"$ctl" config check "$tmp/syntax.json"
expect config_check_needs_file 2 'no file given' "$ctl" config check
expect config_show_roundtrip 0 '"entry": "0x[0-9a-f]{8}"' "$ctl" config show "$configs/rtos.json"
expect cell_create_wants_cell_config 3 'cell create needs a cell config, this is a system config' \
	"$ctl" cell create "$configs/root.json"
exit $status
