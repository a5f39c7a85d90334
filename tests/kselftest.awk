# SPDX-License-Identifier: GPL-2.0
# Turns one kselftest program's TAP into lines for tests/check.sh:
# "ok N global.name" becomes "ok - PREFIX/name"; the harness's own
# progress lines are dropped, diagnostics are kept as comments.
# Callers set `prefix`; kselftest_line() returns 1 when it used the line.
function kselftest_line(line,    ok, name) {
	if (line ~ /^(not )?ok [0-9]+ /) {
		ok = (line ~ /^ok/)
		name = line
		sub(/^(not )?ok [0-9]+ /, "", name)
		sub(/^global\./, "", name)
		print (ok ? "ok" : "not ok") " - " prefix "/" name
		ks_tests++
		if (!ok)
			ks_failed++
		return 1
	}
	if (line ~ /^TAP version/ || line ~ /^1\.\./ ||
	    line ~ /^# +(RUN|OK|PASSED|FAILED|Totals|Starting)/)
		return 1
	print (line ~ /^#/ ? line : "# " line)
	return 1
}
