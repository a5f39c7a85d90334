#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The manual pages docs/man/axvm-ctl.8 and docs/man/axvm.4: they render
# without a warning, axvm-ctl.8 documents every verb and option that
# `axvm-ctl --help` and the verbs' help list, and axvm.4 every ioctl of
# include/axvm/ioctl.h and every sysfs attribute, module parameter and
# debugfs file the driver creates. The lists come from the program and the
# sources, so that something new without documentation fails here.
# Prints TAP; exits 1 when a check fails.
#
# Environment: HOST_AXVM_CTL, axvm-ctl built for this machine (default
# build/host/tools/axvm-ctl).
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ctl=${HOST_AXVM_CTL:-$top/build/host/tools/axvm-ctl}
ctl_page=$top/docs/man/axvm-ctl.8
dev_page=$top/docs/man/axvm.4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TAP_PREFIX=man
. "$top/tests/tap.sh"


# The pages' text as plain ASCII, one paragraph a line (a long line length
# leaves nothing to break or hyphenate).
render() {
	groff -man -Tascii -rLL=2000n -P-c -P-b -P-u "$1" 2> /dev/null
}

# The text of one section of a rendered page: from its heading to the next.
section() {	# section TEXT-FILE HEADING
	awk -v h="$2" '/^[A-Z]/ { on = ($0 == h); next } on' "$1"
}

if ! command -v groff > /dev/null; then
	result groff_installed 0 "groff is not installed (Debian: groff-base, which man-db brings); the pages cannot be checked"
	exit 1
fi

for page in "$ctl_page" "$dev_page"; do
	name=${page##*/}
	if [ ! -f "$page" ]; then
		result "$name/exists" 0 "$page is missing"
		: > "$tmp/$name.txt"
		continue
	fi
	result "$name/exists" 1
	if command -v man > /dev/null; then
		out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 > /dev/null)
		[ -z "$out" ]
		result "$name/man_renders_without_warnings" $((! $?)) "$out"
	else
		echo "ok - man/$name/man_renders_without_warnings # SKIP man is not installed"
	fi
	out=$(groff -man -ww -z "$page" 2>&1)
	[ -z "$out" ]
	result "$name/groff_renders_without_warnings" $((! $?)) "$out"
	render "$page" > "$tmp/$name.txt"
done

# --- axvm-ctl.8 -----------------------------------------------------------
# The verbs from `axvm-ctl --help`: a name is one or two words, and the
# verb's own --help says which ("usage: axvm-ctl VERB ARGS").
if [ ! -x "$ctl" ]; then
	result axvm-ctl.8/help_output 0 "$ctl is not built (make tools)"
elif ! "$ctl" --help > "$tmp/help"; then
	result axvm-ctl.8/help_output 0 "$ctl --help failed"
else
	sed -n '/^verbs:/,/^$/s/^  //p' "$tmp/help" | while read -r w1 w2 _; do
		[ -n "$w1" ] || continue
		usage=$("$ctl" "$w1" "$w2" --help 2> /dev/null | head -n 1)
		if [[ $usage == "usage: axvm-ctl $w1 $w2"* ]]; then
			verb="$w1 $w2"
		else
			usage=$("$ctl" "$w1" --help | head -n 1)
			verb=$w1
		fi
		printf '%s\t%s\n' "$verb" "${usage#"usage: axvm-ctl $verb"}"
	done > "$tmp/verbs"
	[ -s "$tmp/verbs" ]
	result axvm-ctl.8/help_lists_verbs $((! $?)) "no verbs in the output of $ctl --help"

	# Each verb is an item of COMMANDS: a line that starts with it.
	section "$tmp/axvm-ctl.8.txt" COMMANDS > "$tmp/commands"
	missing=
	while IFS=$'\t' read -r verb _; do
		grep -qE "^ +$verb( |\$)" "$tmp/commands" || missing+=" \"$verb\""
	done < "$tmp/verbs"
	[ -z "$missing" ]
	result axvm-ctl.8/every_verb_in_commands $((! $?)) "not documented in COMMANDS:$missing"

	# Each verb's synopsis from its --help is in the SYNOPSIS section.
	section "$tmp/axvm-ctl.8.txt" SYNOPSIS > "$tmp/synopsis"
	missing=
	while IFS=$'\t' read -r verb _; do
		grep -qE "^ +axvm-ctl $verb( |\$)" "$tmp/synopsis" || missing+=" \"$verb\""
	done < "$tmp/verbs"
	[ -z "$missing" ]
	result axvm-ctl.8/every_verb_in_synopsis $((! $?)) "not in SYNOPSIS:$missing"

	# Each option a verb's synopsis shows is documented in the verb's item,
	# between its line in COMMANDS and the next verb's.
	missing=
	while IFS=$'\t' read -r verb args; do
		for opt in $(grep -oE -- '(^| |\[)--?[a-z][-a-z]*' <<< "$args" | tr -d ' ['); do
			awk -v v="$verb" -v verbs="$tmp/verbs" '
				BEGIN { while ((getline l < verbs) > 0) { split(l, f, "\t"); all[f[1]] = 1 } }
				{
					line = $0; sub(/^ +/, "", line)
					for (x in all)
						if (index(line, x) == 1 && (length(line) == length(x) ||
						    substr(line, length(x) + 1, 1) == " ")) {
							on = (x == v)
						}
				}
				on' "$tmp/commands" | grep -qE -- "(^|[^-a-z])$opt([^-a-z]|\$)" ||
				missing+=" \"$verb $opt\""
		done
	done < "$tmp/verbs"
	[ -z "$missing" ]
	result axvm-ctl.8/every_option_documented $((! $?)) "not documented with its verb:$missing"

	# The global options of `axvm-ctl --help`'s usage line.
	missing=
	for opt in $(head -n 1 "$tmp/help" | grep -oE -- '(^| |\[)--?[a-z][-a-z]*' | tr -d ' ['); do
		grep -qE -- "(^|[^-a-z])$opt([^-a-z]|\$)" "$tmp/axvm-ctl.8.txt" || missing+=" $opt"
	done
	[ -z "$missing" ]
	result axvm-ctl.8/global_options $((! $?)) "not documented:$missing"
fi

# The sections the page is expected to have.
missing=
for heading in NAME SYNOPSIS DESCRIPTION COMMANDS CONFIGURATION "EXIT STATUS" \
	FILES EXAMPLES "SEE ALSO"; do
	grep -qx "$heading" "$tmp/axvm-ctl.8.txt" || missing+=" \"$heading\""
done
[ -z "$missing" ]
result axvm-ctl.8/sections $((! $?)) "missing:$missing"

# Every exit code of tools/axvm-ctl.h is explained under EXIT STATUS.
section "$tmp/axvm-ctl.8.txt" "EXIT STATUS" > "$tmp/exit"
missing=
mapfile -t codes < <(sed -n 's/^[[:space:]]*EXIT_[A-Z]* = \([0-9]*\),.*/\1/p' "$top/tools/axvm-ctl.h")
[ ${#codes[@]} -gt 0 ] || missing=" (no EXIT_* codes found in tools/axvm-ctl.h)"
for code in "${codes[@]}"; do
	grep -qE "^ +$code( |\$)" "$tmp/exit" || missing+=" $code"
done
[ -z "$missing" ]
result axvm-ctl.8/exit_codes $((! $?)) "not under EXIT STATUS:$missing"

# --- axvm.4 ---------------------------------------------------------------
# checklist NAME WHAT SECTION NAMES...: each of NAMES is an item of SECTION
# of axvm.4 (a line of it starts with the name) or, with SECTION "", a word
# anywhere in the page.
checklist() {
	local name=$1 what=$2 sect=$3 missing='' n
	shift 3
	if [ $# -eq 0 ]; then
		result "axvm.4/$name" 0 "found no $what in the sources"
		return
	fi
	if [ -n "$sect" ]; then
		section "$tmp/axvm.4.txt" "$sect" > "$tmp/section"
	fi
	for n in "$@"; do
		if [ -n "$sect" ]; then
			grep -qE -- "^ +$n([ /]|\$)" "$tmp/section"
		else
			grep -qE -- "(^|[^A-Za-z0-9_])$n([^A-Za-z0-9_]|\$)" "$tmp/axvm.4.txt"
		fi || missing+=" $n"
	done
	[ -z "$missing" ]
	result "axvm.4/$name" $((! $?)) "$what not documented${sect:+ in $sect}:$missing"
}

# The commands: the macros defined with _IO, _IOR, _IOW or _IOWR.
mapfile -t ioctls < <(sed -n 's/^#define[[:space:]]\{1,\}\([A-Z0-9_]\{1,\}\)[[:space:]]\{1,\}_IO[RW]*(.*/\1/p' \
	"$top/include/axvm/ioctl.h")
checklist ioctls "ioctls" IOCTLS "${ioctls[@]}"

# The structures of the commands.
mapfile -t structs < <(sed -n 's/^\(struct [a-z_0-9]*\) {.*/\1/p' "$top/include/axvm/ioctl.h")
checklist ioctl_structs "structures" "" "${structs[@]}"

# The error numbers the driver returns.
mapfile -t errnos < <(grep -ohE -- '-E[A-Z0-9]+\b' "$top"/driver/*.c | sort -u | sed 's/^-//')
checklist errnos "error numbers" "" "${errnos[@]}"

# The sysfs attributes: DEVICE_ATTR_RO(name), the cpuN directories and
# their exits_<reason> of EXIT_ATTR(reason, ...).
mapfile -t attrs < <(
	sed -n 's/.*DEVICE_ATTR_R[OW]*(\([a-z_0-9]*\)).*/\1/p' "$top/driver/sysfs.c"
	sed -n 's/.*"\([a-z]*\)%u".*/\1N/p' "$top/driver/sysfs.c"
	sed -n 's/^[[:space:]]*EXIT_ATTR(\([a-z_0-9]*\),.*/exits_\1/p' "$top/driver/sysfs.c")
checklist sysfs_attributes "sysfs attributes" SYSFS "${attrs[@]}"

# Module parameters, debugfs files and the firmware's name.
mapfile -t params < <(sed -n 's/^[[:space:]]*module_param[a-z_]*(\([a-z_0-9]*\),.*/\1/p' "$top"/driver/*.c)
if [ ${#params[@]} -gt 0 ]; then
	checklist module_parameters "module parameters" "MODULE PARAMETERS" "${params[@]}"
else
	echo "ok - man/axvm.4/module_parameters # SKIP the driver has none"
fi
mapfile -t debugfs < <(sed -n 's/.*debugfs_create_file("\([a-z_0-9]*\)".*/\1/p' "$top"/driver/*.c)
checklist debugfs_files "debugfs files" DEBUGFS "${debugfs[@]}"
mapfile -t fwname < <(sed -n 's/.*"\(axvm-\)%s\(\.bin\)".*/\1arm64\2/p' "$top/driver/firmware.c")
checklist firmware_name "the firmware's name" "" "${fwname[@]}"

exit $status
