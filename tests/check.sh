#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check: runs every stage, numbers their results as one TAP stream and
# ends with the line "N passed, N failed[, N skipped]". Exits non-zero on
# any failure. Stages print "ok - NAME" / "not ok - NAME" and "#" comments;
# a stage that fails without saying which test failed counts as a failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
export HOST_AXVM_CTL FIRMWARE TOP PLATFORM   # from make
n=0 passed=0 failed=0 skipped=0

stage() {
	local name=$1 out rc line stage_failed=0 start
	shift
	echo "# stage: $name"
	start=$(date +%s)
	out=$(mktemp)
	"$@" > "$out" 2>&1
	rc=$?
	while IFS= read -r line; do
		case "$line" in
		"not ok"*)
			n=$((n + 1)); failed=$((failed + 1)); stage_failed=1
			echo "not ok $n ${line#not ok }" ;;
		"ok"*)
			n=$((n + 1))
			case "$line" in
			*"# SKIP"*) skipped=$((skipped + 1)) ;;
			*) passed=$((passed + 1)) ;;
			esac
			echo "ok $n ${line#ok }" ;;
		"#"*) echo "$line" ;;
		*) echo "# $line" ;;
		esac
	done < "$out"
	rm -f "$out"
	if [ $rc -ne 0 ] && [ $stage_failed -eq 0 ]; then
		n=$((n + 1)); failed=$((failed + 1))
		echo "not ok $n - $name: exited with status $rc"
	fi
	echo "# stage $name: $(( $(date +%s) - start ))s"
}

echo "TAP version 13"
stage headers "$top/tests/headers-check.sh"
stage arches "$top/tests/arches-build.sh"
for t in "$UNIT_OUT"/test_*; do
	stage "unit/${t##*/test_}" "$top/tests/run-kselftest.sh" "unit/${t##*/test_}" "$t"
done
stage cli "$top/tests/cli-test.sh"
stage config-create "$top/tests/config-create-test.sh"
stage hardware-check "$top/tests/hardware-check-test.sh"
stage schema "$top/tests/schema-check.py"
stage man "$top/tests/man-check.sh"
stage completion "$top/tests/completion-test.sh"
stage deb "$top/tests/deb-test.sh"
stage fuzz "$top/tests/fuzz/run.sh" "${FUZZ_SECONDS:-15}"
stage inmates-bare "$top/tests/qemu/bare-inmates.sh"
# The whole guest suite on every kernel make passes (GUEST_RUNS).
for run in $GUEST_RUNS; do
	IFS=, read -r kernel vmlinuz initrd <<< "$run"
	stage "guest-$kernel" env VMLINUZ="$vmlinuz" INITRD="$initrd" \
		GUEST_NAME="guest-$kernel" LOG="$LOG_DIR/guest-tests-$kernel.log" \
		"$top/tests/qemu/guest-tests.sh"
done
# Other arches' guest suites (CHECK_GUEST_ARCHES), each through its own make
# in a clean environment (this one's settings are ARCH's).
for run in ${OTHER_GUEST_RUNS:-}; do
	IFS=, read -r arch kernel <<< "$run"
	stage "guest-$arch-$kernel" env -i PATH="$PATH" HOME="${HOME:-/}" \
		make -C "$top" -j"$(nproc)" ARCH="$arch" KERNEL="$kernel" \
		GUEST_NAME="guest-$arch-$kernel" guest-tests
done
# Other arches' inmates alone on their bare machines, once per arch.
for arch in $(for run in ${OTHER_GUEST_RUNS:-}; do echo "${run%%,*}"; done | sort -u); do
	stage "inmates-bare-$arch" env -i PATH="$PATH" HOME="${HOME:-/}" \
		make -C "$top" -j"$(nproc)" ARCH="$arch" bare-inmates
done
# Machine variants (riscv64: harts without Sstc), part of the suite each.
for run in ${VARIANT_RUNS:-}; do
	IFS=, read -r arch kernel <<< "$run"
	stage "guest-$arch-variant" env -i PATH="$PATH" HOME="${HOME:-/}" \
		make -C "$top" -j"$(nproc)" ARCH="$arch" KERNEL="$kernel" \
		guest-tests-variant
done

echo "1..$n"
summary="$passed passed, $failed failed"
[ $skipped -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ $failed -eq 0 ] && [ $n -gt 0 ]
