# SPDX-License-Identifier: GPL-2.0
# Sourced by the shell test scripts: TAP lines as tests/check.sh reads them.
# result NAME OK [COMMENT]: "ok - $TAP_PREFIX/NAME" when OK is 1, else
# "not ok - ..." with COMMENT as "# " lines, and status=1 for the exit.
status=0
result() {
	if [ "$2" = 1 ]; then
		echo "ok - $TAP_PREFIX/$1"
	else
		echo "not ok - $TAP_PREFIX/$1"
		[ -z "${3-}" ] || printf '%s\n' "$3" | sed 's/^/# /'
		status=1
	fi
}
