# SPDX-License-Identifier: GPL-2.0
# Sourced by config-create-test.sh and hardware-check-test.sh: copies of a
# reference machine's files for `axvm-ctl ... --sysroot`, made from the
# machine's own device tree (QEMU writes it with dumpdtb) as Linux shows it
# under /sys/firmware/devicetree/base. Sets ctl (HOST_AXVM_CTL), configs
# (the shipped ones) and tmp (a scratch directory, removed at exit).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ctl=${HOST_AXVM_CTL:?}
configs=$here/../configs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# reference_dtb ARCH DTB: ARCH's reference machine (QEMU and QEMU_MACHINE of
# arch/<srcarch>/arch.mk) writes its device tree to DTB; 1 if that QEMU is
# not installed.
reference_dtb() {
	local srcarch=${1/riscv64/riscv} machine
	read -r -a machine < <(printf 'include %s\nprint:\n\t@echo "$(QEMU) $(QEMU_MACHINE)"\n' \
		"$here/../arch/$srcarch/arch.mk" | make -s --no-print-directory -f - print)
	command -v "${machine[0]}" > /dev/null || return 1
	# -M MACHINE,dumpdtb=...: the machine's options stay as they are.
	machine[2]="${machine[2]},dumpdtb=$2"
	"${machine[@]}" -display none > /dev/null 2>&1
	[ -s "$2" ]
}

# sysroot DIR DTB IOMEM: a fresh copy of the machine's files in DIR, with 4
# possible CPUs and IOMEM (printf escapes) as /proc/iomem.
sysroot() {
	rm -rf "$1"
	mkdir -p "$1/sys/firmware/devicetree/base" "$1/proc" "$1/sys/devices/system/cpu" "$1/dev"
	"$here/dtb-to-sysfs.py" "$2" "$1/sys/firmware/devicetree/base"
	echo 0-3 > "$1/sys/devices/system/cpu/possible"
	printf '%b' "$3" > "$1/proc/iomem"
}

# reserved_node DIR NAME REG [no-map]: a reserved-memory node NAME with
# REG (printf escapes: two-cell address and size) in DIR's device tree.
reserved_node() {
	local base=$1/sys/firmware/devicetree/base/reserved-memory
	mkdir -p "$base/$2"
	printf '\0\0\0\2' > "$base/#address-cells"
	printf '\0\0\0\2' > "$base/#size-cells"
	: > "$base/ranges"
	printf '%b' "$3" > "$base/$2/reg"
	[ -z "${4-}" ] || : > "$base/$2/no-map"
}

# acpi_sysroot DIR MACHINE: a fresh copy in DIR of the files of MACHINE, an
# ACPI machine whose guest they were copied from (tests/machines/MACHINE:
# nothing like dumpdtb writes its ACPI tables), the tables made from their
# hex dumps (od -An -tx1).
acpi_sysroot() {
	local hex
	rm -rf "$1"
	cp -r "$here/machines/$2" "$1"
	for hex in "$1"/sys/firmware/acpi/tables/*.hex; do
		printf '%b' "$(tr -s ' \n' '  ' < "$hex" | sed 's/ *\([0-9a-f][0-9a-f]\)/\\x\1/g; s/ //g')" \
			> "${hex%.hex}"
		rm "$hex"
	done
}
