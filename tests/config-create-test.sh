#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# axvm-ctl config create on the host, from copies of a machine's files
# (--sysroot): the reference machine's own device tree (QEMU writes it with
# dumpdtb), a /proc/iomem as Linux shows it with mem=768M, and variations
# (a reserved-memory node for axvm, another reserved node, no memory kept,
# no addresses in /proc/iomem). The guest suite runs it on the machine.
set -uo pipefail
ctl=${HOST_AXVM_CTL:?}
: "${QEMU:?}" "${QEMU_MACHINE:?}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

pass() { echo "ok - config-create/$1"; }
fail() { echo "not ok - config-create/$1"; shift; printf '# %s\n' "$@"; status=1; }

# The reference machine's device tree, with the machine's own options.
read -r -a machine <<< "$QEMU_MACHINE"
machine[1]="${machine[1]},dumpdtb=$tmp/virt.dtb"
"$QEMU" "${machine[@]}" -display none > /dev/null 2>&1
[ -s "$tmp/virt.dtb" ] || { fail dtb "QEMU wrote no device tree"; exit 1; }

# sysroot NAME IOMEM: a fresh copy of the machine's files in $tmp/NAME.
sysroot() {
	local r=$tmp/$1
	mkdir -p "$r/sys/firmware/devicetree/base" "$r/proc" "$r/sys/devices/system/cpu"
	"$here/dtb-to-sysfs.py" "$tmp/virt.dtb" "$r/sys/firmware/devicetree/base"
	echo 0-3 > "$r/sys/devices/system/cpu/possible"
	printf '%b' "$2" > "$r/proc/iomem"
}
# has NAME FILE PATTERN...: every pattern is in FILE.
has() {
	local name=$1 file=$2 p
	shift 2
	for p in "$@"; do
		grep -qF -- "$p" "$file" || { fail "$name" "missing: $p" "$(cat "$file")"; return; }
	done
	pass "$name"
}

iomem='00000000-03ffffff : 0.flash flash@0\n09000000-09000fff : 9000000.pl011 pl011@9000000\n40000000-6fffffff : System RAM\n  40210000-4197ffff : Kernel code\n'
sysroot ref "$iomem"
if "$ctl" config create --sysroot "$tmp/ref" -o "$tmp/ref.json" 2> "$tmp/err"; then
	pass reference_machine
else
	fail reference_machine "$(cat "$tmp/err")"
fi
has reference_facts "$tmp/ref.json" \
	'"memory": { "phys": "0x70000000", "size": "0x400000" }' \
	'"debug_console": { "type": "pl011", "address": "0x9000000" }' \
	'"cpus": 4,' '"distributor": "0x08000000"' '"redistributors": "0x080a0000"' \
	'"redistributor_size": "15744K"' '"its": "0x08080000"' \
	'"maintenance_interrupt": 25' '"cpus": "0-3"' '"arch": "arm64"'
has reference_memory "$tmp/ref.json" \
	'"phys": "0x40000000", "size": "0x30000000"' \
	'"phys": "0x70400000", "size": "0xfc00000"' \
	'"flags": ["read", "write", "loadable", "dma"]'
has reference_devices "$tmp/ref.json" \
	'"comment": "pl011@9000000"' '"phys": "0xa000000", "size": "0x4000"' \
	'"comment": "pcie@10000000 windows"' '"phys": "0x8000000000", "size": "0x8000000000"' \
	'"phys": "0x4010000000", "size": "0x10000000"'
if grep -q '"phys": "0x8000000"' "$tmp/ref.json"; then
	fail gic_frames_not_given_to_root "the distributor is in the root's regions"
else
	pass gic_frames_not_given_to_root
fi
# What it wrote is a config like any other, and cells fit in it.
if out=$("$ctl" config check "$tmp/ref.json" "${TOP:?}/configs/${PLATFORM:?}/rtos.json" 2>&1); then
	pass output_passes_config_check
else
	fail output_passes_config_check "$out"
fi
"$ctl" config create --sysroot "$tmp/ref" > "$tmp/stdout.json" 2>/dev/null
if cmp -s "$tmp/stdout.json" "$tmp/ref.json"; then pass stdout_same_as_file
else fail stdout_same_as_file "differs"; fi
"$ctl" config create --sysroot "$tmp/ref" --hypervisor-size 8M -o "$tmp/8m.json" 2>/dev/null
has hypervisor_size "$tmp/8m.json" '"memory": { "phys": "0x70000000", "size": "0x800000" }' \
	'"phys": "0x70800000", "size": "0xf800000"'

# Linux has all the RAM: nothing to put the hypervisor in; nothing written.
sysroot all '40000000-7fffffff : System RAM\n'
out=$("$ctl" config create --sysroot "$tmp/all" -o "$tmp/all.json" 2>&1); rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/all.json" ] &&
   printf '%s' "$out" | grep -q 'no RAM kept from Linux.*mem=.*reserved-memory node named axvm@'; then
	pass no_memory_kept_names_the_fix
else
	fail no_memory_kept_names_the_fix "exit $rc" "$out"
fi

# /proc/iomem read without root shows zeros.
sysroot zeros '00000000-00000000 : System RAM\n'
out=$("$ctl" config create --sysroot "$tmp/zeros" 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q 'proc/iomem shows no addresses: run as root'; then
	pass iomem_without_root
else
	fail iomem_without_root "exit $rc" "$out"
fi

# A no-map reserved-memory node for axvm at the top of RAM, and the
# firmware's own reserved node below it, which stays the root's.
sysroot rsv '40000000-7dffffff : System RAM\n'
base=$tmp/rsv/sys/firmware/devicetree/base/reserved-memory
mkdir -p "$base/axvm@7f000000" "$base/secmon@7e000000"
printf '\0\0\0\2' > "$base/#address-cells"
printf '\0\0\0\2' > "$base/#size-cells"
: > "$base/ranges"
printf '\0\0\0\0\x7f\0\0\0\0\0\0\0\1\0\0\0' > "$base/axvm@7f000000/reg"
: > "$base/axvm@7f000000/no-map"
printf '\0\0\0\0\x7e\0\0\0\0\0\0\0\1\0\0\0' > "$base/secmon@7e000000/reg"
: > "$base/secmon@7e000000/no-map"
if "$ctl" config create --sysroot "$tmp/rsv" -o "$tmp/rsv.json" 2> "$tmp/err"; then
	has reserved_memory_node "$tmp/rsv.json" \
		'"memory": { "phys": "0x7f000000", "size": "0x400000" }' \
		'"phys": "0x7f400000", "size": "0xc00000"' \
		'"comment": "reserved-memory: secmon@7e000000"' \
		'"phys": "0x40000000", "size": "0x3e000000"'
else
	fail reserved_memory_node "$(cat "$tmp/err")"
fi

out=$("$ctl" config create --hypervisor-size 3M 2>&1); rc=$?
if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q 'expected a multiple of 2M'; then
	pass bad_hypervisor_size
else
	fail bad_hypervisor_size "exit $rc" "$out"
fi
exit $status
