#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# axvm-ctl hardware check on the host, from copies of each reference
# machine's files (--sysroot; machine-files.sh): its device tree (x86_64:
# its guest's ACPI tables, /proc/cpuinfo...), the kernel log, command line
# and symbols a machine that can host axvm has, then one thing wrong at a
# time, each failing with its item and fix. The guest suite runs it on the
# machine.
set -uo pipefail
. "$(dirname "$0")/machine-files.sh"
TAP_PREFIX=hardware-check
. "$here/tap.sh"

# check NAME EXIT DIR PATTERN... [-- ARGS]: hardware check of DIR exits
# with EXIT and prints every PATTERN.
check() {
	local name=$1 want=$2 dir=$3 out rc p missing=''
	local -a patterns=() args=()
	shift 3
	while [ $# -gt 0 ] && [ "$1" != -- ]; do patterns+=("$1"); shift; done
	[ $# -gt 0 ] && { shift; args=("$@"); }
	out=$("$ctl" hardware check --sysroot "$dir" "${args[@]}" 2>&1); rc=$?
	for p in "${patterns[@]}"; do
		grep -qF -- "$p" <<< "$out" || missing+=" \"$p\""
	done
	[ "$rc" -eq "$want" ] && [ -z "$missing" ]
	result "$name" $((! $?)) "exit $rc (wanted $want), missing:$missing"$'\n'"$out"
}

# machine DIR DTB IOMEM KMSG CMDLINE SYMBOLS...: a copy of a machine's files.
machine() {
	local dir=$1 s
	sysroot "$dir" "$2" "$3"
	printf '%b' "$4" > "$dir/dev/kmsg"
	echo "$5" > "$dir/proc/cmdline"
	shift 5
	for s in "$@"; do echo "ffffffff80001000 T $s"; done > "$dir/proc/kallsyms"
}

arm64() {
	local dir=$tmp/arm64
	machine "$dir" "$tmp/arm64.dtb" '40000000-6fffffff : System RAM\n' \
		'6,1,0,-;CPU: All CPU(s) started at EL2\n' \
		'console=ttyAMA0 kvm-arm.mode=none mem=768M' \
		__hyp_stub_vectors kallsyms_lookup_name
	check arm64/reference_machine 0 "$dir" 'ok    booted at EL2' \
		'ok    KVM keeps out of EL2' \
		'/intc@8000000: distributor 0x8000000, redistributors 0x80a0000 (15744 KiB, 1 region), ITS 0x8080000' \
		'ok    kernel symbols resolvable' \
		'__hyp_stub_vectors and kallsyms_lookup_name in /proc/kallsyms' \
		'256 MiB of RAM that Linux does not use (mem= on the command line)' \
		'ok    config: GIC addresses' 'this machine can host axvm' \
		-- "$configs/qemu-arm64/root.json"
	check arm64/riscv64_config_is_not_this_machines 1 "$dir" \
		"is not a valid arm64 system config" -- "$configs/qemu-riscv64/root.json"
	echo 'console=ttyAMA0 mem=768M' > "$dir/proc/cmdline"
	check arm64/kvm_not_kept_out 1 "$dir" 'FAIL  KVM keeps out of EL2' \
		'fix: add kvm-arm.mode=none to the kernel command line'
}

riscv64() {
	local dir=$tmp/rv cpu
	machine "$dir" "$tmp/riscv64.dtb" '80000000-afffffff : System RAM\n' \
		'6,1,0,-;SBI HSM extension detected\n' 'console=ttyS0 mem=768M' \
		kallsyms_lookup_name
	check riscv64/reference_machine 0 "$dir" \
		'ok    harts with the H extension' '4 of 4 harts have H in riscv,isa' \
		'ok    KVM keeps out of HS-mode' 'ok    SBI HSM extension' \
		'ok    PLIC interrupt controller' \
		'/soc/plic@c000000: 0xc000000 (6144 KiB), 96 sources, 2 contexts per hart, S-mode context 1' \
		'ok    timebase frequency' '10000000 Hz' 'ok    kernel symbols resolvable' \
		'  kallsyms_lookup_name in /proc/kallsyms' \
		'ok    config: PLIC' 'ok    config: timebase frequency' \
		'this machine can host axvm' -- "$configs/qemu-riscv64/root.json"
	check riscv64/json 0 "$dir" '{"ok": true, "items": [{"name": "harts with the H extension"' -- --json

	# More sources than the device tree's (fewer would be accepted).
	sed 's/"sources": 95/"sources": 97/; s/"timebase_frequency": 10000000/"timebase_frequency": 1000000/' \
		"$configs/qemu-riscv64/root.json" > "$tmp/wrong.json"
	check riscv64/wrong_platform 1 "$dir" 'FAIL  config: PLIC' \
		'config: 0xc000000+0x600000, 97 sources, contexts 1 of 2; device tree: 0xc000000+0x600000, 96 sources, contexts 1 of 2' \
		'FAIL  config: timebase frequency' \
		'platform.timebase_frequency is 1000000, the device tree says 10000000' \
		-- "$tmp/wrong.json"
	check riscv64/arm64_config_is_not_this_machines 1 "$dir" \
		"is not a valid riscv64 system config" -- "$configs/qemu-arm64/root.json"

	mkdir -p "$dir/sys/module/kvm"
	: > "$dir/dev/kmsg"
	check riscv64/kvm_and_no_hsm 1 "$dir" 'FAIL  KVM keeps out of HS-mode' \
		'fix: unload KVM (rmmod kvm)' 'FAIL  SBI HSM extension' \
		'the kernel log does not mention SBI HSM'

	cpu=$dir/sys/firmware/devicetree/base/cpus/cpu@2
	printf 'rv64imafdc_zicsr_zifencei\0' > "$cpu/riscv,isa"
	check riscv64/hart_without_h 1 "$dir" 'FAIL  harts with the H extension' \
		'3 of 4 harts have H in riscv,isa' 'fix: axvm needs the hypervisor extension'

	# PLIC contexts as <intc phandle, irq> pairs (QEMU's intc phandles:
	# hart 0 8, hart 1 6, hart 2 4, hart 3 2; 11 M-mode, 9 S-mode).
	local plic=$dir/sys/firmware/devicetree/base/soc/plic@c000000
	contexts() {
		local c bytes=''
		for c in "$@"; do bytes+=$(printf '\\0\\0\\0\\x%02x' "$c"); done
		printf '%b' "$bytes" > "$plic/interrupts-extended"
	}
	# Hart 1 without its M-mode context: not N contexts per hart.
	contexts 8 11 8 9 6 9 4 11 4 9 2 11 2 9
	check riscv64/plic_contexts_not_uniform 1 "$dir" 'FAIL  PLIC interrupt controller' \
		'/soc/plic@c000000: 0xc000000 (6144 KiB), 96 sources, 0 contexts per hart' -- --arch riscv64
	"$ctl" config create --sysroot "$dir" > /dev/null 2> "$tmp/err"
	grep -q "plic@c000000: context 2 is hart 1's S-mode one, but a config can only say N contexts per hart" "$tmp/err"
	result riscv64/plic_contexts_not_uniform_said $((! $?)) "$(cat "$tmp/err")"
	# Hart 3 without an S-mode context: interrupts cannot reach it.
	contexts 8 11 8 9 6 11 6 9 4 11 4 9 2 11
	"$ctl" config create --sysroot "$dir" > /dev/null 2> "$tmp/err"
	grep -q "plic@c000000: hart 3 has no S-mode context" "$tmp/err"
	result riscv64/plic_hart_without_s_context $((! $?)) "$(cat "$tmp/err")"
	# A U54-MC's layout (hart 0, the monitor core, M-mode only and off)
	# is two contexts per hart, the S-mode one first.
	echo disabled > "$dir/sys/firmware/devicetree/base/cpus/cpu@0/status"
	contexts 8 11 6 11 6 9 4 11 4 9 2 11 2 9
	check riscv64/plic_contexts_of_a_u54 1 "$dir" 'ok    PLIC interrupt controller' \
		'96 sources, 2 contexts per hart, S-mode context 0'
}

# QEMU pc as its guest saw it (tests/machines/qemu-x86_64).
x86_64() {
	local dir=$tmp/x86

	acpi_sysroot "$dir" qemu-x86_64
	echo "ffffffff81001000 T kallsyms_lookup_name" > "$dir/proc/kallsyms"
	check x86_64/reference_machine 0 "$dir" \
		'ok    CPUs with SVM or VMX' '4 of 4 CPUs have svm (AMD SVM) in /proc/cpuinfo' \
		'ok    nested paging' '4 of 4 CPUs have npt (AMD NPT)' \
		'ok    KVM keeps out of SVM and VMX' 'neither kvm_amd nor kvm_intel is loaded' \
		'ok    local APICs and IOAPIC' \
		'sys/firmware/acpi/tables/APIC: local APICs 0xfee00000, IOAPIC 0xfec00000 with 24 pins' \
		'ok    x2APIC (for information)' 'the CPUs have no x2APIC' \
		'ok    paging levels (for information)' 'Linux runs with 5-level page tables (la57)' \
		'ok    kernel symbols resolvable' \
		'255 MiB of RAM that Linux does not use (mem= on the command line)' \
		'ok    config: IOAPIC and local APICs' 'this machine can host axvm' \
		-- "$configs/qemu-x86_64/root.json"
	check x86_64/json 0 "$dir" '{"ok": true, "items": [{"name": "CPUs with SVM or VMX"' -- --json
	check x86_64/arm64_config_is_not_this_machines 1 "$dir" \
		"is not a valid x86_64 system config" -- "$configs/qemu-arm64/root.json"

	# More pins than the machine's IOAPIC (fewer would be accepted).
	sed 's/"pins": 24/"pins": 32/; s/"base": "0xfec00000"/"base": "0xfec01000"/' \
		"$configs/qemu-x86_64/root.json" > "$tmp/x86-wrong.json"
	check x86_64/wrong_platform 1 "$dir" 'FAIL  config: IOAPIC and local APICs' \
		'config: IOAPIC 0xfec01000 with 32 pins, local APICs 0xfee00000; MADT: 0xfec00000 with 24 pins, 0xfee00000' \
		-- "$tmp/x86-wrong.json"

	# KVM loaded; one CPU without nested paging; Linux in 4 levels.
	echo 'kvm_amd 155648 0 - Live 0xffffffffc0a5e000' > "$dir/proc/modules"
	sed -i '0,/ npt / s/ npt / /; s/ la57$//' "$dir/proc/cpuinfo"
	check x86_64/kvm_and_no_npt 1 "$dir" 'FAIL  KVM keeps out of SVM and VMX' \
		'kvm_amd is loaded' 'fix: unload KVM (rmmod kvm_amd kvm_intel kvm)' \
		'FAIL  nested paging' '3 of 4 CPUs have npt (AMD NPT)' \
		'Linux runs with 4-level page tables'
	# An Intel CPU: vmx and, since Linux 5.8, ept among its "vmx flags".
	sed -i 's/ svm / vmx /; s/^\(flags.*\)$/\1\nvmx flags\t: vnmi ept vpid unrestricted_guest/' "$dir/proc/cpuinfo"
	: > "$dir/proc/modules"
	check x86_64/intel 0 "$dir" '4 of 4 CPUs have vmx (Intel VMX)' \
		'4 of 4 CPUs have ept (Intel EPT)'
	sed -i 's/ vmx / /' "$dir/proc/cpuinfo"
	check x86_64/no_svm_nor_vmx 1 "$dir" 'FAIL  CPUs with SVM or VMX' \
		'0 of 4 CPUs have svm (AMD SVM) or vmx (Intel VMX) in /proc/cpuinfo' \
		'fix: axvm needs AMD SVM or Intel VMX on every CPU'
	rm "$dir/sys/firmware/acpi/tables/APIC"
	check x86_64/no_madt 1 "$dir" 'FAIL  local APICs and IOAPIC' 'cannot read the MADT'
}

for arch in arm64 riscv64; do
	if reference_dtb $arch "$tmp/$arch.dtb"; then
		$arch
	else
		echo "ok - hardware-check/$arch # SKIP no QEMU for $arch's reference machine"
	fi
done
x86_64
exit $status
