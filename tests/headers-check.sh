#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every ABI header compiles on its own, as user space on the host and as
# freestanding code for the firmware (the driver includes them in Kbuild).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
status=0
for h in "$top"/include/axvm/*.h; do
	name=axvm/$(basename "$h")
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
exit $status
