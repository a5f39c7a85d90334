# SPDX-License-Identifier: GPL-2.0
# Reads the serial log of a test boot (markers written by run-selftests)
# and prints check.sh lines. Needs tests/kselftest.awk; qemu_rc is set by
# the caller.
function fail(msg) { print "not ok - " msg; failed++ }
/^AXVM-SUITE-BEGIN / {
	suite = $2; prefix = guest "/" suite; in_suite = 1
	ks_tests = 0; ks_failed = 0; next
}
/^AXVM-SUITE-END / {
	split($3, a, "=")
	if (a[2] != 0 && ks_failed == 0)
		fail(prefix ": exited with status " a[2])
	if (ks_tests == 0)
		fail(prefix ": ran no test")
	total += ks_tests; failed += ks_failed; in_suite = 0; next
}
/^AXVM-LEFT-BEHIND / {
	what = $3; for (i = 4; i <= NF; i++) what = what ", " $i
	fail(guest "/" $2 ": left behind: " what " (cleaned up for the next suite)"); next
}
/^AXVM-DMESG-BEGIN/ { in_dmesg = 1; next }
/^AXVM-DMESG-END/ { in_dmesg = 0; next }
/^AXVM-TESTS-DONE/ { done = 1; next }
/^AXVM-POWEROFF-ENABLED/ { poweroff_enabled = 1; next }
in_dmesg && /(Oops|BUG:|WARNING:|Call trace:|Kernel panic|Internal error)/ {
	bad_kernel = bad_kernel "\n# " $0; next
}
in_suite { kselftest_line($0) }
END {
	if (in_suite) {
		fail(prefix ": crashed or hung (no end marker)")
		total += ks_tests
	}
	if (qemu_rc == 124 || qemu_rc == 137)
		fail(guest ": timed out")
	else if (qemu_rc != 0)
		fail(guest ": qemu exited with status " qemu_rc)
	if (!done)
		fail(guest ": the test run did not finish")
	if (bad_kernel != "")
		fail(guest ": kernel log has an oops or a warning:" bad_kernel)
	else if (done)
		print "ok - " guest ": kernel log clean"
	if (total == 0)
		fail(guest ": zero tests ran")
	if (!poweroff_enabled)
		fail(guest ": could not enable the hypervisor for the final power-off")
	else if (qemu_rc == 0)
		print "ok - " guest ": powered off through the hypervisor (PSCI SYSTEM_OFF, SBI SRST)"
	exit failed ? 1 : 0
}