# SPDX-License-Identifier: GPL-2.0
# One kselftest program's output to check.sh lines (see run-kselftest.sh).
{ kselftest_line($0) }
END {
	if (ks_tests == 0) { print "not ok - " prefix ": ran no test"; exit 1 }
	exit ks_failed ? 1 : 0
}
