#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every ABI header compiles on its own, as user space on the host and as
# freestanding code for the firmware (the driver includes them in Kbuild);
# so does every header of the firmware, per architecture.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
status=0
for h in "$top"/include/axvm/*.h "$top"/include/axvm/arch/*/*.h; do
	name=${h#"$top"/include/}
	for side in user freestanding; do
		if [ $side = user ]; then
			cc=(gcc)
		else
			cc=("${cross}gcc" -ffreestanding -DAXVM_FREESTANDING)
		fi
		if err=$(printf '#include <%s>\n' "$name" |
			 "${cc[@]}" -std=gnu11 -Wall -Wextra -Werror -fsyntax-only \
				-I"$top/include" -x c - 2>&1); then
			echo "ok - headers/$name ($side)"
		else
			echo "not ok - headers/$name ($side)"
			printf '%s\n' "$err" | sed 's/^/# /'
			status=1
		fi
	done
done
# The firmware's own headers (the core's hv/ and each architecture's asm/)
# compile alone too, freestanding, as the firmware includes them.
for arch_dir in "$top"/arch/*/; do
	arch=$(basename "$arch_dir")
	for h in "$top"/lib/include/lib/*.h "$top"/hypervisor/include/hv/*.h \
		 "$arch_dir"include/asm/*.h; do
		name=$(basename "$(dirname "$h")")/$(basename "$h")
		if err=$(printf '#include <%s>\n' "$name" |
			 "${cross}gcc" -ffreestanding -DAXVM_FREESTANDING -std=gnu11 \
				-Wall -Wextra -Werror -fsyntax-only -I"$top/lib/include" \
				-I"$top/hypervisor/include" \
				-I"$arch_dir/include" -I"$top/include" -x c - 2>&1); then
			echo "ok - headers/$arch/$name"
		else
			echo "not ok - headers/$arch/$name"
			printf '%s\n' "$err" | sed 's/^/# /'
			status=1
		fi
	done
done
exit $status
