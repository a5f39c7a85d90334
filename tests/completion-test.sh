#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The bash completion of axvm-ctl (tools/completion/axvm-ctl.bash): sources it,
# puts a stub axvm-ctl that knows two cells on PATH, simulates completions by
# setting COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT, calls _axvm_ctl and
# checks COMPREPLY. Runs once with bash alone and once more with
# bash-completion's helpers loaded, if it is installed. Prints TAP; exits 1
# when a check fails.
#
# Environment: HOST_AXVM_CTL (default build/host/tools/axvm-ctl), whose
# --help output the verbs and options are checked against (skipped when it
# is not built); AXVM_COMPLETION, the file to test; BASH_COMPLETION, the
# bash-completion main script.
set -o pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
completion=${AXVM_COMPLETION:-$top/tools/completion/axvm-ctl.bash}
ctl=${HOST_AXVM_CTL:-$top/build/host/tools/axvm-ctl}
bash_completion=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$top/tests/tap.sh"

# A stand-in for axvm-ctl that prints `cell list --json` as tools/cmd_cell.c
# does; with STUB_NO_DEVICE set it fails as axvm-ctl does without the driver.
mkdir -p "$tmp/bin" "$tmp/files/sub"
cat > "$tmp/bin/axvm-ctl" <<'EOF'
#!/bin/sh
if [ -n "$STUB_NO_DEVICE" ]; then
	echo "axvm-ctl: /dev/axvm does not exist: load the driver first (modprobe axvm, or insmod axvm.ko)" >&2
	exit 1
fi
if [ "$*" = "cell list --json" ]; then
	echo '[{"id": 1, "name": "rtos", "state": "running", "cpus": [3]}, {"id": 2, "name": "bare", "state": "failed", "cpus": [2], "fail_syndrome": 2449473606, "fail_address": 1073745920}]'
	exit 0
fi
echo "stub axvm-ctl: unexpected arguments: $*" >&2
exit 2
EOF
chmod +x "$tmp/bin/axvm-ctl"
touch "$tmp/files/a.json" "$tmp/files/b.txt"
PATH=$tmp/bin:$PATH

# The verbs and the options of each, from the program's own help: lines
# "VERB<TAB>OPTION...". A verb name is one or two words; the verb's own
# --help tells which.
help_verbs() {
	local line w1 w2 usage
	"$ctl" --help | sed -n '/^verbs:/,/^$/s/^  //p' | while read -r w1 w2 _; do
		[ -n "$w1" ] || continue
		usage=$("$ctl" "$w1" "$w2" --help 2>/dev/null | head -n 1)
		if [[ $usage == "usage: axvm-ctl $w1 $w2"* ]]; then
			line="$w1 $w2"
		else
			usage=$("$ctl" "$w1" --help | head -n 1)
			line=$w1
		fi
		printf '%s\t%s\n' "$line" \
			"$(grep -oE -- '(^| |\[)--?[a-z][-a-z]*' <<< "${usage#"usage: axvm-ctl $line"}" |
			   tr -d ' [' | tr '\n' ' ')"
	done
}

# simulate LINE: COMPREPLY for the cursor at the end of LINE, sorted and
# joined with spaces into $got. Words are split as bash splits them for
# completion: at blanks, and at @ and = (in COMP_WORDBREAKS), which become
# words of their own.
simulate() {
	local line=$1 word='' c i
	COMP_WORDS=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		case $c in
		' ')
			[ -n "$word" ] && COMP_WORDS+=("$word")
			word=
			;;
		@ | =)
			[ -n "$word" ] && COMP_WORDS+=("$word")
			COMP_WORDS+=("$c")
			word=
			;;
		*) word+=$c ;;
		esac
	done
	if [ -n "$word" ] || [[ $line == *' ' ]]; then
		COMP_WORDS+=("$word")
	fi
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMP_TYPE=9
	COMP_KEY=9
	COMPREPLY=()
	_axvm_ctl axvm-ctl "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}" 2>> "$tmp/stderr"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
	got=${got% }
}


# expect NAME LINE WANTED: exactly these candidates (sorted, space-separated).
expect() {
	simulate "$2"
	[ "$got" = "$3" ]
	result "$1" $((! $?)) "completing \"$2\": got \"$got\", wanted \"$3\""
}

run_checks() {
	cd "$tmp/files" || exit 1
	: > "$tmp/stderr"

	expect verbs 'axvm-ctl ' 'cell config console disable enable firmware hardware info'
	expect verbs_prefix 'axvm-ctl c' 'cell config console'
	expect global_options 'axvm-ctl --' '--help --version'
	expect cell_subverbs 'axvm-ctl cell ' 'create destroy list load run shutdown start stats'
	expect cell_subverbs_prefix 'axvm-ctl cell s' 'shutdown start stats'
	expect config_subverbs 'axvm-ctl config ' 'check compile create show'
	expect firmware_subverb 'axvm-ctl firmware ' 'check'
	expect hardware_subverb 'axvm-ctl hardware ' 'check'
	expect unknown_verb 'axvm-ctl frobnicate ' ''

	expect cell_names_start 'axvm-ctl cell start ' 'bare rtos'
	expect cell_names_prefix 'axvm-ctl cell destroy r' 'rtos'
	expect cell_names_shutdown 'axvm-ctl cell shutdown ' 'bare rtos'
	expect cell_names_stats 'axvm-ctl cell stats ' 'bare rtos'
	expect cell_names_load 'axvm-ctl cell load ' 'bare rtos'
	expect cell_names_console 'axvm-ctl console ' 'bare rtos'
	expect console_after_cell 'axvm-ctl console rtos ' ''
	expect start_takes_one_cell 'axvm-ctl cell start rtos ' ''
	STUB_NO_DEVICE=1 expect no_device_no_names 'axvm-ctl cell start ' ''

	expect enable_json_and_dirs 'axvm-ctl enable ' 'a.json sub'
	expect enable_one_config 'axvm-ctl enable a.json ' ''
	expect cell_create_json 'axvm-ctl cell create ' 'a.json sub'
	expect config_show_json 'axvm-ctl config show ' 'a.json sub'
	expect config_check_json 'axvm-ctl config check a.json ' 'a.json sub'
	expect config_check_system 'axvm-ctl config check --system ' 'a.json sub'
	expect config_check_system_eq 'axvm-ctl config check --system=' 'a.json sub'
	expect hardware_check_json 'axvm-ctl hardware check ' 'a.json sub'
	expect cell_load_images 'axvm-ctl cell load rtos ' 'a.json b.txt sub'
	expect cell_load_more_images 'axvm-ctl cell load rtos b.txt@0x40000000 ' 'a.json b.txt sub'
	expect cell_load_no_address 'axvm-ctl cell load rtos b.txt@' ''
	expect cell_run_config 'axvm-ctl cell run ' 'a.json sub'
	expect cell_run_images 'axvm-ctl cell run a.json ' 'a.json b.txt sub'
	expect firmware_check_files 'axvm-ctl firmware check ' 'a.json b.txt sub'
	expect config_compile_output 'axvm-ctl config compile a.json -o ' 'a.json b.txt sub'
	expect config_create_sysroot 'axvm-ctl config create --sysroot ' 'sub'
	expect config_create_arch 'axvm-ctl config create --arch ' 'arm64 riscv64 x86_64'
	expect hardware_check_sysroot 'axvm-ctl hardware check --sysroot ' 'sub'
	expect hardware_check_arch 'axvm-ctl hardware check --arch r' 'riscv64'
	expect hardware_check_after_arch 'axvm-ctl hardware check --arch arm64 ' 'a.json sub'

	expect info_options 'axvm-ctl info -' '--help --json'
	expect cell_list_options 'axvm-ctl cell list --' '--help --json'
	expect console_options 'axvm-ctl console rtos -' '--follow --help -f'
	expect config_check_options 'axvm-ctl config check -' '--help --system'
	expect config_compile_options 'axvm-ctl config compile a.json -' '--help -o'
	expect config_create_options 'axvm-ctl config create -' '--arch --help --hypervisor-size --sysroot -o'
	expect hardware_check_options 'axvm-ctl hardware check -' '--arch --help --json --sysroot'
	expect disable_options 'axvm-ctl disable -' '--help'

	# Every verb and option that the program's --help lists is completed.
	if [ -x "$ctl" ]; then
		local verb opts missing='' o
		while IFS=$'\t' read -r verb opts; do
			if [[ $verb == *' '* ]]; then
				simulate "axvm-ctl ${verb% *} "
				[[ " $got " == *" ${verb#* } "* ]] || missing+=" \"$verb\""
			else
				simulate "axvm-ctl "
				[[ " $got " == *" $verb "* ]] || missing+=" \"$verb\""
			fi
			for o in $opts --help; do
				simulate "axvm-ctl $verb $o"
				[[ " $got " == *" $o "* ]] || missing+=" \"$verb $o\""
			done
		done < "$tmp/help"
		[ -z "$missing" ]
		result help_verbs_and_options $((! $?)) "not completed:$missing"
	else
		echo "ok - completion/$mode/help_verbs_and_options # SKIP $ctl is not built"
	fi

	[ ! -s "$tmp/stderr" ]
	result quiet $((! $?)) "$(cat "$tmp/stderr")"
	exit $status
}

if [ -x "$ctl" ]; then
	help_verbs > "$tmp/help" || {
		echo "not ok - completion/help_output # $ctl --help failed"
		exit 1
	}
fi

# Without bash-completion: plain COMP_WORDS/COMP_CWORD and compgen.
(
	mode=plain
	TAP_PREFIX=completion/$mode
	# shellcheck source=/dev/null
	source "$completion"
	declare -F _init_completion > /dev/null && echo "# _init_completion is defined"
	run_checks
) || status=1

# With bash-completion's _init_completion and _filedir.
if [ -r "$bash_completion" ]; then
	(
		mode=bash-completion
		TAP_PREFIX=completion/$mode
		# shellcheck source=/dev/null
		source "$bash_completion"
		# shellcheck source=/dev/null
		source "$completion"
		run_checks
	) || status=1
else
	echo "ok - completion/bash-completion # SKIP $bash_completion is not installed"
fi
exit $status
