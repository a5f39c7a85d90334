#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make all-arches (and a stage of make check): build every architecture's
# parts, each with its own `make ARCH=<arch> <part>`, one TAP line each
# ("ok - build/riscv64/tools"). A part an arch does not build yet is a
# SKIP. The log of each build is build/<arch>/build-<part>.log.
# Environment (from make): TOP, ARCHES, ARCH_PARTS (every part's make goal),
# ARCH_PARTS_<arch> (the parts that arch builds today), ARCHES_LOG_DIR.
set -euo pipefail
: "${TOP:?}" "${ARCHES:?}" "${ARCH_PARTS:?}" "${ARCHES_LOG_DIR:?}"
# The builds run one after another, each with every CPU (make's jobserver
# does not reach this script), and in a clean environment: the calling
# make's exported settings (CROSS_COMPILE...) are another arch's.
jobs=${ARCHES_JOBS:-$(nproc)}
status=0
for arch in $ARCHES; do
	parts_var=ARCH_PARTS_$arch
	[ -n "${!parts_var+set}" ] || {
		echo "not ok - build/$arch: $parts_var is not set (run it through make)"
		status=1
		continue
	}
	# Every arch's parts, then what only this one adds (riscv64's package
	# check: arm64's runs in make check's deb stage).
	extra=
	for part in ${!parts_var}; do
		[[ " $ARCH_PARTS " == *" $part "* ]] || extra+=" $part"
	done
	for part in $ARCH_PARTS $extra; do
		name=build/$arch/$part
		if ! [[ " ${!parts_var} " == *" $part "* ]]; then
			echo "ok - $name # SKIP not built for $arch yet"
			continue
		fi
		log=$ARCHES_LOG_DIR/$arch/build-$part.log
		mkdir -p "$(dirname "$log")"
		start=$(date +%s)
		if env -i PATH="$PATH" HOME="${HOME:-/}" make -C "$TOP" -j"$jobs" \
			ARCH="$arch" "$part" > "$log" 2>&1; then
			echo "ok - $name ($(( $(date +%s) - start ))s)"
		else
			echo "not ok - $name (log: $log)"
			tail -n 30 "$log" | sed 's/^/# /'
			status=1
		fi
	done
done
exit $status
