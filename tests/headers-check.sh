#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every ABI header compiles on its own, as user space on the host and as
# freestanding code for each architecture's firmware (the driver includes
# them in Kbuild); so does every header of the firmware, per architecture.
# Each architecture's compiler is the one its arch/<dir>/arch.mk names.
set -uo pipefail
shopt -s nullglob
top=$(cd "$(dirname "$0")/.." && pwd)
status=0

# check NAME CC...: the header NAME alone, compiled by CC (one TAP line).
check() {
	local test=$1 name=$2 err
	shift 2
	if err=$(printf '#include <%s>\n' "$name" |
		 "$@" -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -x c - 2>&1); then
		echo "ok - $test"
	else
		echo "not ok - $test"
		printf '%s\n' "$err" | sed 's/^/# /'
		status=1
	fi
}

for h in "$top"/include/axvm/*.h "$top"/include/axvm/arch/*/*.h; do
	name=${h#"$top"/include/}
	check "headers/$name (user)" "$name" gcc -I"$top/include"
done
for arch_dir in "$top"/arch/*/; do
	arch=$(basename "$arch_dir")
	# Empty for the host's own compiler (x86_64), but written down.
	cross=$(sed -n 's/^CROSS_COMPILE ?= *//p' "$arch_dir/arch.mk")
	if ! grep -q '^CROSS_COMPILE ?=' "$arch_dir/arch.mk"; then
		echo "not ok - headers/$arch: no CROSS_COMPILE in arch/$arch/arch.mk"
		status=1
		continue
	fi
	fcc=("${cross}gcc" -ffreestanding -DAXVM_FREESTANDING)
	for h in "$top"/include/axvm/*.h "$top"/include/axvm/arch/*/*.h; do
		name=${h#"$top"/include/}
		check "headers/$name (freestanding, $arch)" "$name" "${fcc[@]}" \
			-I"$top/include"
	done
	# The firmware's own headers (the core's hv/ and the arch's asm/)
	# compile alone too, as the firmware includes them; the core's need
	# the port's asm/ headers.
	asm=("$arch_dir"include/asm/*.h)
	if [ ${#asm[@]} = 0 ]; then
		echo "ok - headers/$arch/firmware # SKIP arch/$arch has no asm/ headers yet"
		continue
	fi
	for h in "$top"/lib/include/lib/*.h "$top"/hypervisor/include/hv/*.h "${asm[@]}"; do
		name=$(basename "$(dirname "$h")")/$(basename "$h")
		check "headers/$arch/$name" "$name" "${fcc[@]}" -I"$top/lib/include" \
			-I"$top/hypervisor/include" -I"$arch_dir/include" -I"$top/include"
	done
done
exit $status
