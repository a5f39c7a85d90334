# bash completion for axvm-ctl(8)                          -*- shell-script -*-
# SPDX-License-Identifier: GPL-2.0
#
# Verbs and their options come from the verb table in tools/main.c and the
# tools/cmd_*.c files; tests/completion-test.sh checks them against
# `axvm-ctl --help`. Cell names are asked of `axvm-ctl cell list --json` at
# completion time. Uses bash-completion's helpers when they are loaded and
# plain COMP_WORDS/COMP_CWORD and compgen when they are not.
#
# Verbs, options and cell names are plain words, safe to split:
# shellcheck disable=SC2207

# The names of the cells that exist, one per line; nothing (and no message)
# when the driver is not loaded or the device cannot be opened.
_axvm_ctl_cells()
{
    local ctl=$1 json re='"name": "([^"]*)"'

    json=$("$ctl" cell list --json 2>/dev/null) || return 0
    while [[ $json =~ $re ]]; do
        printf '%s\n' "${BASH_REMATCH[1]}"
        json=${json#*"${BASH_REMATCH[0]}"}
    done
}

# Files for $cur: with "json", only *.json files and directories.
_axvm_ctl_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
        return
    fi
    local f
    compopt -o filenames 2>/dev/null
    if [[ ${1-} == json ]]; then
        while IFS= read -r f; do
            COMPREPLY+=("$f")
        done < <(compgen -d -- "$cur")
        while IFS= read -r f; do
            [[ -d $f ]] || COMPREPLY+=("$f")
        done < <(compgen -f -X '!*.json' -- "$cur")
    else
        while IFS= read -r f; do
            COMPREPLY+=("$f")
        done < <(compgen -f -- "$cur")
    fi
}

_axvm_ctl_dirs()
{
    if declare -F _filedir >/dev/null; then
        _filedir -d
        return
    fi
    local f
    compopt -o filenames 2>/dev/null
    while IFS= read -r f; do
        COMPREPLY+=("$f")
    done < <(compgen -d -- "$cur")
}

_axvm_ctl()
{
    # shellcheck disable=SC2034 # split: set by _init_completion -s
    local cur prev words cword split
    COMPREPLY=()
    if declare -F _init_completion >/dev/null; then
        # -s: --system=FILE gives prev=--system, cur=FILE
        _init_completion -s || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        # bash splits --system=FILE into three words
        if [[ $cur == = ]]; then
            cur=
        elif [[ $prev == = ]] && ((cword > 2)); then
            prev=${COMP_WORDS[COMP_CWORD - 2]}
        fi
    fi

    # The verb: one word, or a group and a sub-verb.
    local verb first=2
    if ((cword == 1)); then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W 'enable disable info cell console
                config firmware hardware' -- "$cur"))
        fi
        return
    fi
    case ${words[1]} in
    cell | config | firmware | hardware)
        if ((cword == 2)); then
            local sub
            case ${words[1]} in
            cell) sub='create load start shutdown destroy list stats run' ;;
            config) sub='check show compile create' ;;
            firmware | hardware) sub='check' ;;
            esac
            COMPREPLY=($(compgen -W "$sub" -- "$cur"))
            return
        fi
        verb="${words[1]} ${words[2]}"
        first=3
        ;;
    enable | disable | info | console)
        verb=${words[1]}
        ;;
    *)
        return
        ;;
    esac

    # Options of the verb, and those that take a value.
    local opts='--help' valued=''
    case $verb in
    info | 'cell list') opts+=' --json' ;;
    console) opts+=' -f --follow' ;;
    'config check') opts+=' --system' valued='--system -s' ;;
    'config compile') opts+=' -o' valued='-o' ;;
    'config create')
        opts+=' -o --hypervisor-size --sysroot --arch'
        valued='-o --hypervisor-size --sysroot --arch'
        ;;
    'hardware check')
        opts+=' --json --sysroot --arch'
        valued='--sysroot --arch'
        ;;
    esac

    # An ADDRESS after IMAGE@ (bash splits words at @): nothing to offer.
    [[ $cur == @* || $prev == @ ]] && return

    # The program whose cells to list: the one being completed if it was
    # given with its path, else axvm-ctl on PATH.
    local ctl=${words[0]}
    [[ $ctl == */* && -x $ctl ]] || ctl=axvm-ctl

    case $prev in
    --system | -s)
        [[ $verb == 'config check' ]] && { _axvm_ctl_files json; return; }
        ;;
    -o)
        [[ $verb == 'config compile' || $verb == 'config create' ]] &&
            { _axvm_ctl_files; return; }
        ;;
    --sysroot)
        [[ $verb == 'config create' || $verb == 'hardware check' ]] &&
            { _axvm_ctl_dirs; return; }
        ;;
    --arch)
        # The architectures axvm-ctl has a table for (tools/arch_*.c).
        [[ $verb == 'config create' || $verb == 'hardware check' ]] &&
            { COMPREPLY=($(compgen -W 'arm64 x86_64 riscv64' -- "$cur")); return; }
        ;;
    --hypervisor-size)
        [[ $verb == 'config create' ]] && return
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    # How many arguments (not options, not option values, not @ADDRESS)
    # come before the word being completed.
    local i n=0 w
    for ((i = first; i < cword; i++)); do
        w=${words[i]}
        if [[ $w == @ || $w == = ]]; then
            ((++i))     # IMAGE@ADDRESS, --option=VALUE: not arguments
        elif [[ " $valued " == *" $w "* ]]; then
            ((++i))     # the option's value
        elif [[ $w != -* ]]; then
            ((++n))
        fi
    done

    case $verb in
    enable | 'cell create' | 'config show')
        ((n == 0)) && _axvm_ctl_files json
        ;;
    'cell start' | 'cell shutdown' | 'cell destroy' | 'cell stats' | console)
        ((n == 0)) && COMPREPLY=($(compgen -W \
            "$(_axvm_ctl_cells "$ctl")" -- "$cur"))
        ;;
    'cell load')
        if ((n == 0)); then
            COMPREPLY=($(compgen -W \
                "$(_axvm_ctl_cells "$ctl")" -- "$cur"))
        else
            _axvm_ctl_files     # images: any file
        fi
        ;;
    'cell run')
        if ((n == 0)); then
            _axvm_ctl_files json
        else
            _axvm_ctl_files
        fi
        ;;
    'config check')
        _axvm_ctl_files json
        ;;
    'config compile' | 'hardware check')
        ((n == 0)) && _axvm_ctl_files json
        ;;
    'firmware check')
        _axvm_ctl_files
        ;;
    esac
} &&
    complete -F _axvm_ctl axvm-ctl

# ex: filetype=sh
