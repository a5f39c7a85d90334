#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# axvm-ctl config create on the host, from copies of a machine's files
# (--sysroot): each reference machine's own device tree (arm64 and riscv64:
# QEMU writes it with dumpdtb), a /proc/iomem as Linux shows it with
# mem=768M, and variations (a reserved-memory node for axvm, another
# reserved node, OpenSBI's, no memory kept, no addresses in /proc/iomem);
# x86_64's, an ACPI machine, as its guest showed them (tests/machines).
# The guest suite runs it on the machine.
set -uo pipefail
. "$(dirname "$0")/machine-files.sh"
status=0

pass() { echo "ok - config-create/$1"; }
fail() { echo "not ok - config-create/$1"; shift; printf '# %s\n' "$@"; status=1; }
skip() { echo "ok - config-create/$1 # SKIP $2"; }

# has NAME FILE PATTERN...: every pattern is in FILE.
has() {
	local name=$1 file=$2 p
	shift 2
	for p in "$@"; do
		grep -qF -- "$p" "$file" || { fail "$name" "missing: $p" "$(cat "$file")"; return; }
	done
	pass "$name"
}
# lacks NAME FILE PATTERN: PATTERN is not in FILE.
lacks() {
	if grep -qF -- "$3" "$2"; then fail "$1" "found: $3"; else pass "$1"; fi
}
# created NAME DIR JSON [OPTIONS]: config create from DIR wrote JSON.
created() {
	local name=$1 dir=$2 json=$3
	shift 3
	if "$ctl" config create --sysroot "$dir" -o "$json" "$@" 2> "$tmp/err"; then
		pass "$name"
	else
		fail "$name" "$(cat "$tmp/err")"
	fi
}
# fits NAME SYSTEM CELL: what config create wrote is a config like any other.
fits() {
	local out
	if out=$("$ctl" config check "$2" "$3" 2>&1); then pass "$1"; else fail "$1" "$out"; fi
}

arm64() {
	local iomem='00000000-03ffffff : 0.flash flash@0\n09000000-09000fff : 9000000.pl011 pl011@9000000\n40000000-6fffffff : System RAM\n  40210000-4197ffff : Kernel code\n'
	local out rc

	sysroot "$tmp/ref" "$tmp/arm64.dtb" "$iomem"
	created reference_machine "$tmp/ref" "$tmp/ref.json"
	has reference_facts "$tmp/ref.json" '"arch": "arm64"' \
		'"memory": { "phys": "0x70000000", "size": "0x400000" }' \
		'"debug_console": { "type": "pl011", "address": "0x9000000" }' \
		'"cpus": 4,' '"distributor": "0x08000000"' '"redistributors": "0x080a0000"' \
		'"redistributor_size": "15744K"' '"its": "0x08080000"' \
		'"maintenance_interrupt": 25' '"cpus": "0-3"'
	has reference_memory "$tmp/ref.json" \
		'"phys": "0x40000000", "size": "0x30000000"' \
		'"phys": "0x70400000", "size": "0xfc00000"' \
		'"flags": ["read", "write", "loadable", "dma"]'
	has reference_devices "$tmp/ref.json" \
		'"comment": "pl011@9000000"' '"phys": "0xa000000", "size": "0x4000"' \
		'"comment": "pcie@10000000 windows"' '"phys": "0x8000000000", "size": "0x8000000000"' \
		'"phys": "0x4010000000", "size": "0x10000000"'
	lacks gic_frames_not_given_to_root "$tmp/ref.json" '"phys": "0x8000000"'
	fits output_passes_config_check "$tmp/ref.json" "$configs/qemu-arm64/rtos.json"
	"$ctl" config create --sysroot "$tmp/ref" > "$tmp/stdout.json" 2>/dev/null
	if cmp -s "$tmp/stdout.json" "$tmp/ref.json"; then pass stdout_same_as_file
	else fail stdout_same_as_file "differs"; fi
	"$ctl" config create --sysroot "$tmp/ref" --hypervisor-size 8M -o "$tmp/8m.json" 2>/dev/null
	has hypervisor_size "$tmp/8m.json" '"memory": { "phys": "0x70000000", "size": "0x800000" }' \
		'"phys": "0x70800000", "size": "0xf800000"'

	# Linux has all the RAM: nothing to put the hypervisor in; nothing written.
	sysroot "$tmp/all" "$tmp/arm64.dtb" '40000000-7fffffff : System RAM\n'
	out=$("$ctl" config create --sysroot "$tmp/all" -o "$tmp/all.json" 2>&1); rc=$?
	if [ $rc -eq 1 ] && [ ! -e "$tmp/all.json" ] &&
	   printf '%s' "$out" | grep -q 'no RAM kept from Linux.*mem=.*reserved-memory node named axvm@'; then
		pass no_memory_kept_names_the_fix
	else
		fail no_memory_kept_names_the_fix "exit $rc" "$out"
	fi

	# /proc/iomem read without root shows zeros.
	sysroot "$tmp/zeros" "$tmp/arm64.dtb" '00000000-00000000 : System RAM\n'
	out=$("$ctl" config create --sysroot "$tmp/zeros" 2>&1); rc=$?
	if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q 'proc/iomem shows no addresses: run as root'; then
		pass iomem_without_root
	else
		fail iomem_without_root "exit $rc" "$out"
	fi

	# A no-map reserved-memory node for axvm at the top of RAM, and the
	# firmware's own reserved node below it, which stays the root's.
	sysroot "$tmp/rsv" "$tmp/arm64.dtb" '40000000-7dffffff : System RAM\n'
	reserved_node "$tmp/rsv" axvm@7f000000 '\0\0\0\0\x7f\0\0\0\0\0\0\0\1\0\0\0' no-map
	reserved_node "$tmp/rsv" secmon@7e000000 '\0\0\0\0\x7e\0\0\0\0\0\0\0\1\0\0\0' no-map
	created reserved_memory_node "$tmp/rsv" "$tmp/rsv.json"
	has reserved_memory_regions "$tmp/rsv.json" \
		'"memory": { "phys": "0x7f000000", "size": "0x400000" }' \
		'"phys": "0x7f400000", "size": "0xc00000"' \
		'"comment": "reserved-memory: secmon@7e000000"' \
		'"phys": "0x40000000", "size": "0x3e000000"'
}

# OpenSBI 1.1 adds mmode_resv0@80000000 (512K, mapped: Linux keeps it in
# System RAM and reserves it); later ones may make it no-map.
riscv64() {
	local iomem='00100000-00100fff : 100000.test test@100000\n10000000-10000fff : serial\n80000000-afffffff : System RAM\n  80000000-8007ffff : Reserved\n  80202000-80c00fff : Kernel image\n'
	local resv='\0\0\0\0\x80\0\0\0\0\0\0\0\0\x08\0\0' out rc

	sysroot "$tmp/rv" "$tmp/riscv64.dtb" "$iomem"
	reserved_node "$tmp/rv" mmode_resv0@80000000 "$resv"
	created riscv64/reference_machine "$tmp/rv" "$tmp/rv.json"
	has riscv64/reference_facts "$tmp/rv.json" '"arch": "riscv64"' \
		'"memory": { "phys": "0xb0000000", "size": "0x400000" }' \
		'"debug_console": { "type": "sbi" }' '"cpus": 4,' \
		'"timebase_frequency": 10000000,' '"base": "0x0c000000"' '"size": "6M"' \
		'"sources": 96,' '"hart_contexts": 2,' '"s_context": 1' '"cpus": "0-3"'
	has riscv64/reference_memory "$tmp/rv.json" \
		'"phys": "0x80000000", "size": "0x30000000"' \
		'"phys": "0xb0400000", "size": "0xfc00000"'
	has riscv64/reference_devices "$tmp/rv.json" \
		'"comment": "serial@10000000, virtio_mmio@10001000' \
		'"phys": "0x10000000", "size": "0x9000"' '"phys": "0x400000000", "size": "0x400000000"'
	lacks riscv64/plic_not_given_to_root "$tmp/rv.json" '"phys": "0xc000000"'
	lacks riscv64/clint_not_given_to_root "$tmp/rv.json" '"phys": "0x2000000"'
	lacks riscv64/opensbi_not_its_own_region "$tmp/rv.json" 'mmode_resv'
	fits riscv64/output_passes_config_check "$tmp/rv.json" "$configs/qemu-riscv64/rtos.json"

	# OpenSBI's memory no-map: neither Linux's nor free RAM for cells.
	sysroot "$tmp/nomap" "$tmp/riscv64.dtb" '80080000-afffffff : System RAM\n'
	reserved_node "$tmp/nomap" mmode_resv0@80000000 "$resv" no-map
	created riscv64/opensbi_no_map "$tmp/nomap" "$tmp/nomap.json"
	has riscv64/opensbi_no_map_memory "$tmp/nomap.json" \
		'"phys": "0x80080000", "size": "0x2ff80000"' '"phys": "0xb0400000", "size": "0xfc00000"'
	lacks riscv64/opensbi_memory_not_for_cells "$tmp/nomap.json" '"phys": "0x80000000"'

	# A copy whose CPUs say nothing: --arch says it.
	rm -rf "$tmp/rv/sys/firmware/devicetree/base/cpus/cpu@"*/compatible \
		"$tmp/rv/sys/firmware/devicetree/base/cpus/cpu@"*/riscv,isa
	out=$("$ctl" config create --sysroot "$tmp/rv" 2>&1); rc=$?
	if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q 'give --arch (one of: arm64, x86_64, riscv64)'; then
		pass riscv64/unknown_arch_asks_for_option
	else
		fail riscv64/unknown_arch_asks_for_option "exit $rc" "$out"
	fi
	created riscv64/arch_option "$tmp/rv" "$tmp/forced.json" --arch riscv64
	has riscv64/arch_option_facts "$tmp/forced.json" '"arch": "riscv64"'
}

# create_fails NAME DIR PATTERN: config create from DIR fails, saying PATTERN.
create_fails() {
	local out rc
	out=$("$ctl" config create --sysroot "$2" 2>&1); rc=$?
	if [ $rc -eq 1 ] && printf '%s' "$out" | grep -qF -- "$3"; then
		pass "$1"
	else
		fail "$1" "exit $rc" "$out"
	fi
}

# QEMU pc, its guest's files (no --arch: its /proc/cpuinfo says x86_64).
x86_64() {
	local dir=$tmp/x86 madt

	acpi_sysroot "$dir" qemu-x86_64
	created x86_64/reference_machine "$dir" "$tmp/x86.json"
	has x86_64/reference_facts "$tmp/x86.json" '"arch": "x86_64"' \
		'"memory": { "phys": "0x30000000", "size": "0x400000" }' \
		'"debug_console": { "type": "8250-pio", "address": "0x3f8" }' '"cpus": 4,' \
		'"ioapic": { "base": "0xfec00000", "pins": 24 }' \
		'"lapic": { "base": "0xfee00000" }' '"cpus": "0-3"'
	has x86_64/reference_memory "$tmp/x86.json" \
		'"phys": "0x1000", "size": "0x9f000"' '"phys": "0x100000", "size": "0x2ff00000"' \
		'"phys": "0x30400000", "size": "0xfbe0000"' \
		'"comment": "reserved by the firmware: Reserved"' \
		'"phys": "0x0", "size": "0x1000"' '"phys": "0xf0000", "size": "0x10000"' \
		'"phys": "0x3ffe0000", "size": "0x20000"' '"phys": "0xfffc0000", "size": "0x40000"'
	has x86_64/reference_devices "$tmp/x86.json" \
		'"comment": "PCI Bus 0000:00, Video ROM"' '"phys": "0xa0000", "size": "0x21000"' \
		'"phys": "0x40000000", "size": "0xbec00000"' '"comment": "HPET 0"' \
		'"phys": "0xfed00000", "size": "0x1000"' '"phys": "0x100000000", "size": "0x80000000"'
	lacks x86_64/ioapic_not_given_to_root "$tmp/x86.json" '"phys": "0xfec00000"'
	lacks x86_64/lapic_not_given_to_root "$tmp/x86.json" '"phys": "0xfee00000"'
	fits x86_64/output_passes_config_check "$tmp/x86.json" "$configs/qemu-x86_64/rtos.json"

	# Without the kernel's IOAPIC line: 24 pins, as a PC's IOAPIC has.
	grep -v 'IOAPIC\[0\]' "$dir/dev/kmsg" > "$tmp/kmsg" && cp "$tmp/kmsg" "$dir/dev/kmsg"
	created x86_64/pins_without_kernel_log "$dir" "$tmp/nolog.json"
	has x86_64/pins_without_kernel_log_are_24 "$tmp/nolog.json" '"pins": 24 }'
	# An IOAPIC with 32 pins, as the kernel log says it.
	echo '6,64,0,-;IOAPIC[0]: apic_id 0, version 32, address 0xfec00000, GSI 0-31' >> "$dir/dev/kmsg"
	created x86_64/pins_from_kernel_log "$dir" "$tmp/log.json"
	has x86_64/pins_from_kernel_log_are_its "$tmp/log.json" '"pins": 32 }'

	# A console that is no 8250 at I/O ports: no debug console, said.
	sed -i 's/console=ttyS0/console=ttyS0 console=tty0/' "$dir/proc/cmdline"
	created x86_64/other_console "$dir" "$tmp/tty0.json"
	has x86_64/other_console_is_none "$tmp/tty0.json" '"debug_console": "none"'
	"$ctl" config create --sysroot "$dir" 2>&1 >/dev/null | grep -q 'note: the console tty0 is none the hypervisor can write to' &&
		pass x86_64/other_console_noted || fail x86_64/other_console_noted

	# A second IOAPIC (GSIs 24-55), as larger machines have: axvm has one.
	madt=$dir/sys/firmware/acpi/tables/APIC
	acpi_sysroot "$dir" qemu-x86_64
	{ head -c 4 "$madt"; printf '\x9c'; tail -c +6 "$madt" | head -c 139
	  printf '\x01\x0c\x01\x00\x00\x10\xc0\xfe\x18\x00\x00\x00'; } > "$tmp/madt"
	cp "$tmp/madt" "$madt"
	create_fails x86_64/second_ioapic "$dir" \
		'tables/APIC: 2 IOAPICs (the second at 0xfec01000, GSIs from 24); axvm supports one'
	# A table cut short in an entry.
	acpi_sysroot "$dir" qemu-x86_64
	head -c 100 "$madt" > "$tmp/madt" && cp "$tmp/madt" "$madt"
	create_fails x86_64/short_madt "$dir" 'tables/APIC: its length field says 144 bytes, the file has 100'
	# A kernel without CONFIG_FIRMWARE_MEMMAP.
	acpi_sysroot "$dir" qemu-x86_64
	rm -r "$dir/sys/firmware/memmap"
	create_fails x86_64/no_memmap "$dir" 'sys/firmware/memmap: no System RAM in the firmware'"'"'s memory map'
}

out=$("$ctl" config create --hypervisor-size 3M 2>&1); rc=$?
if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q 'expected a multiple of 2M'; then
	pass bad_hypervisor_size
else
	fail bad_hypervisor_size "exit $rc" "$out"
fi
out=$("$ctl" config create --arch sparc 2>&1); rc=$?
if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q -- '--arch "sparc": expected one of: arm64, x86_64, riscv64'; then
	pass bad_arch
else
	fail bad_arch "exit $rc" "$out"
fi
for arch in arm64 riscv64; do
	if reference_dtb $arch "$tmp/$arch.dtb"; then
		$arch
	else
		skip "$arch" "no QEMU for $arch's reference machine"
	fi
done
x86_64
exit $status
