#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages of `make deb`: their control fields, their exact file
# lists, their contents against the build, and a real DKMS build of
# axvm-dkms against the fetched arm64 kernel headers. It builds nothing but
# that module, in a temporary DKMS tree (never the host's /var/lib/dkms);
# `make deb-check` (and `make check`) build the packages first.
#
# Environment (packaging/deb.mk's DEB_TEST_ENV passes all of it):
#   DEB_DIR        where the .deb files are                       (required)
#   DEB_VERSION    the version they must carry                    (required)
#   FIRMWARE       the built firmware, which axvm-firmware must carry byte
#                  for byte                                       (required)
#   KDIRS          kernel header trees to build the module against, one
#                  DKMS build each (space-separated; KDIR if unset) (required)
#   AXVM_VERSION   the version string the module must report (checked if set)
#   AXVM_CTL       the built axvm-ctl, whose build ID the packaged one must
#                  carry (checked if set)
#   TOP            the source tree (default: this script's parent)
#   DEB_ARCH       Debian architecture of the binary packages (default arm64)
#   AXVM_ARCH      axvm's name of it, in file names (default DEB_ARCH; amd64's
#                  is x86_64)
#   PLATFORM       whose configs are the examples (default qemu-AXVM_ARCH)
#   KERNEL_ARCH    the kernel's ARCH (default arm64)
#   CROSS_COMPILE  toolchain prefix (default aarch64-linux-gnu-)
#                  from axvm-tools as long as they are absent from TOP
# Output: TAP lines "ok - NAME" / "not ok - NAME" and "# " comments; the exit
# status is non-zero when a test failed.
set -uo pipefail

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
DEB_ARCH=${DEB_ARCH:-arm64}
AXVM_ARCH=${AXVM_ARCH:-$DEB_ARCH}
KERNEL_ARCH=${KERNEL_ARCH:-arm64}
# What readelf calls the machine of this arch's binaries.
case $DEB_ARCH in
riscv64) elf_machine='RISC-V' ;;
amd64) elf_machine='Advanced Micro Devices X86-64' ;;
*) elf_machine='AArch64' ;;
esac
PLATFORM=${PLATFORM:-qemu-$AXVM_ARCH}
CROSS_COMPILE=${CROSS_COMPILE-aarch64-linux-gnu-}
KDIRS=${KDIRS:-${KDIR:-}}
status=0

ok() { echo "ok - $1"; }
not_ok() {	# not_ok NAME [WHY...]: a failure, with its reasons as comments
	local name=$1
	shift
	echo "not ok - $name"
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/# /'
	status=1
}
comment() { sed 's/^/# /'; }
bail() { not_ok "$1"; exit 1; }

for v in DEB_DIR DEB_VERSION FIRMWARE KDIRS; do
	[ -n "${!v:-}" ] || bail "deb: $v is not set (run it through make deb-check)"
done
command -v dpkg-deb >/dev/null || bail "deb: dpkg-deb is missing"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

V=$DEB_VERSION
src=usr/src/axvm-$V

# --- The packages as files ------------------------------------------------
declare -A deb arch
arch[axvm-dkms]=all
arch[axvm-firmware]=$DEB_ARCH
arch[axvm-tools]=$DEB_ARCH
pkgs="axvm-dkms axvm-firmware axvm-tools"

# The expected file lists (regular files and links; directories follow).
expect() { printf '%s\n' "$@" >> "$tmp/$pkg.expected"; }
for pkg in $pkgs; do
	: > "$tmp/$pkg.expected"
	expect "usr/share/doc/$pkg/copyright" "usr/share/doc/$pkg/changelog.gz"
done
pkg=axvm-dkms
expect "$src/Kbuild" "$src/dkms.conf" "$src/driver/Kbuild"
for f in "$TOP"/driver/*.[chS]; do
	case "$f" in *.mod.c) continue ;; esac
	expect "$src/driver/${f##*/}"
done
# The shared headers: the ones the module build reads, which only the
# DKMS build below can tell; here, only ones that exist in include/axvm.
pkg=axvm-firmware
fw_name=axvm-$AXVM_ARCH.bin	# what driver/firmware.c requests
expect "lib/firmware/$fw_name"
pkg=axvm-tools
expect usr/sbin/axvm-ctl usr/share/axvm/config.schema.json
for f in "$TOP/configs/$PLATFORM"/*.json; do
	expect "usr/share/doc/axvm-tools/examples/${f##*/}"
done
# The man pages and the completion: source in TOP, place in the package.
docs=("docs/man/axvm-ctl.8 usr/share/man/man8/axvm-ctl.8.gz"
      "docs/man/axvm.4 usr/share/man/man4/axvm.4.gz"
      "tools/completion/axvm-ctl.bash usr/share/bash-completion/completions/axvm-ctl")
for d in "${docs[@]}"; do
	read -r from to <<< "$d"
	expect "$to"
done

for pkg in $pkgs; do
	want=$DEB_DIR/${pkg}_${V}_${arch[$pkg]}.deb
	found=$(cd "$DEB_DIR" 2>/dev/null && ls "$pkg"_*_"${arch[$pkg]}".deb 2>/dev/null)
	if [ -f "$want" ] && [ "$found" = "${want##*/}" ]; then
		ok "deb/$pkg: ${want##*/}"
		deb[$pkg]=$want
	else
		not_ok "deb/$pkg: ${want##*/}" "in $DEB_DIR: ${found:-nothing}"
		continue
	fi
	dpkg-deb -R "$want" "$tmp/$pkg" 2> >(comment) ||
		{ not_ok "deb/$pkg: unpacks"; unset "deb[$pkg]"; continue; }

	# Control fields.
	why=()
	field() { dpkg-deb -f "$want" "$1"; }
	[ "$(field Package)" = "$pkg" ] || why+=("Package: $(field Package)")
	[ "$(field Version)" = "$V" ] || why+=("Version: $(field Version), not $V")
	[ "$(field Architecture)" = "${arch[$pkg]}" ] ||
		why+=("Architecture: $(field Architecture), not ${arch[$pkg]}")
	re='^[^<]+ <[^@>]+@[^>]+>$'
	[[ $(field Maintainer) =~ $re ]] ||
		why+=("Maintainer: '$(field Maintainer)' is not 'Name <address>'")
	[ -n "$(field Section)" ] || why+=("no Section")
	[ "$(field Priority)" = optional ] || why+=("Priority: '$(field Priority)'")
	desc=$(field Description)
	[ -n "$(head -n1 <<< "$desc")" ] && [ "$(wc -l <<< "$desc")" -ge 3 ] ||
		why+=("Description: no synopsis and long description")
	# Installed-Size as dpkg-gencontrol counts it: KiB per file (rounded
	# up), one per directory or link.
	size=$(dpkg-deb -c "$want" | awk '$6 == "./" { next }
		/^-/ { n += int(($3 + 1023) / 1024); next } { n++ }
		END { print n + 0 }')
	[ "$(field Installed-Size)" = "$size" ] ||
		why+=("Installed-Size: '$(field Installed-Size)', the files make $size")
	case $pkg in
	axvm-dkms)
		re='(^|, *)dkms($|[ ,(])'
		[[ $(field Depends) =~ $re ]] ||
			why+=("Depends: '$(field Depends)' lacks dkms") ;;
	*)	# static and data only: nothing at run time
		[ -z "$(field Depends)" ] || why+=("Depends: '$(field Depends)'") ;;
	esac
	if [ ${#why[@]} -eq 0 ]; then
		ok "deb/$pkg: control fields"
	else
		not_ok "deb/$pkg: control fields" "${why[@]}"
	fi

	# The file list: exactly the expected files, root's, sane modes.
	dpkg-deb -c "$want" > "$tmp/$pkg.list"
	awk '!/^d/ { p = $6; sub(/^\.\//, "", p); print p }' "$tmp/$pkg.list" |
		LC_ALL=C sort > "$tmp/$pkg.files"
	LC_ALL=C sort -u -o "$tmp/$pkg.expected" "$tmp/$pkg.expected"
	extra=$(LC_ALL=C comm -13 "$tmp/$pkg.expected" "$tmp/$pkg.files")
	if [ "$pkg" = axvm-dkms ]; then
		# Shared headers are fine if they are include/axvm's
		# (include/axvm/arch/<arch>/ included).
		extra=$(while read -r f; do
			h=${f#"$src/include/axvm/"}
			[ "$h" != "$f" ] && [ -f "$TOP/include/axvm/$h" ] || echo "$f"
			done <<< "$extra")
	fi
	missing=$(LC_ALL=C comm -23 "$tmp/$pkg.expected" "$tmp/$pkg.files")
	why=()
	[ -z "$missing" ] || why+=("missing:" "$missing")
	[ -z "$extra" ] || why+=("unexpected:" "$extra")
	bad_owner=$(awk '$2 != "root/root" { print $2, $6 }' "$tmp/$pkg.list")
	[ -z "$bad_owner" ] || why+=("not root/root:" "$bad_owner")
	bad_mode=$(awk '/^-/ && $6 != "./usr/sbin/axvm-ctl" && $1 != "-rw-r--r--" ||
			$6 == "./usr/sbin/axvm-ctl" && $1 != "-rwxr-xr-x" ||
			/^d/ && $1 != "drwxr-xr-x" { print $1, $6 }' "$tmp/$pkg.list")
	[ -z "$bad_mode" ] || why+=("unexpected modes:" "$bad_mode")
	if [ ${#why[@]} -eq 0 ]; then
		ok "deb/$pkg: file list ($(wc -l < "$tmp/$pkg.files") files)"
	else
		not_ok "deb/$pkg: file list" "${why[@]}"
	fi

	# md5sums covers every file, and matches.
	if (cd "$tmp/$pkg" && md5sum --quiet -c DEBIAN/md5sums 2>&1 | comment) &&
	   diff <(cut -c35- "$tmp/$pkg/DEBIAN/md5sums" | LC_ALL=C sort) \
		"$tmp/$pkg.files" | comment; then
		ok "deb/$pkg: md5sums"
	else
		not_ok "deb/$pkg: md5sums"
	fi
done

same() {	# same NAME PACKAGED ORIGINAL: identical contents
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1" "$2 differs from $3"
	fi
}

# --- Their contents against the build ---------------------------------------
if [ -n "${deb[axvm-firmware]:-}" ]; then
	same "deb/axvm-firmware: the built firmware, byte for byte" \
		"$tmp/axvm-firmware/lib/firmware/$fw_name" "$FIRMWARE"
fi

if [ -n "${deb[axvm-tools]:-}" ]; then
	r=$tmp/axvm-tools
	ctl=$r/usr/sbin/axvm-ctl
	hdr=$("${CROSS_COMPILE}readelf" -h "$ctl" 2>&1)
	phdr=$("${CROSS_COMPILE}readelf" -lW "$ctl" 2>&1)
	if grep -q 'Class: *ELF64' <<< "$hdr" &&
	   grep -q "Machine: *$elf_machine" <<< "$hdr" &&
	   grep -q 'Type: *EXEC' <<< "$hdr" &&
	   ! grep -qE 'INTERP|DYNAMIC' <<< "$phdr"; then
		ok "deb/axvm-tools: axvm-ctl is a static $DEB_ARCH ELF executable"
	else
		not_ok "deb/axvm-tools: axvm-ctl is a static $DEB_ARCH ELF executable" \
			"$(grep -E 'Class|Machine|Type' <<< "$hdr")" \
			"$(grep -E 'INTERP|DYNAMIC' <<< "$phdr")"
	fi
	# Stripped, so not byte for byte: the same link by its build ID.
	if [ -n "${AXVM_CTL:-}" ]; then
		id() { "${CROSS_COMPILE}readelf" -n "$1" 2>/dev/null |
		       sed -n 's/^ *Build ID: //p'; }
		if [ -n "$(id "$ctl")" ] && [ "$(id "$ctl")" = "$(id "$AXVM_CTL")" ]; then
			ok "deb/axvm-tools: axvm-ctl is the built one (build ID $(id "$ctl"))"
		else
			not_ok "deb/axvm-tools: axvm-ctl is the built one" \
				"build ID '$(id "$ctl")', $AXVM_CTL has '$(id "$AXVM_CTL")'"
		fi
		if "${CROSS_COMPILE}readelf" -S "$ctl" | grep -q '\.debug_'; then
			not_ok "deb/axvm-tools: axvm-ctl is stripped"
		else
			ok "deb/axvm-tools: axvm-ctl is stripped"
		fi
	fi
	same "deb/axvm-tools: config.schema.json" \
		"$r/usr/share/axvm/config.schema.json" "$TOP/docs/config.schema.json"
	for f in "$TOP/configs/$PLATFORM"/*.json; do
		same "deb/axvm-tools: example ${f##*/}" \
			"$r/usr/share/doc/axvm-tools/examples/${f##*/}" "$f"
	done
	for d in "${docs[@]}"; do
		read -r from to <<< "$d"
		[ -e "$r/$to" ] || continue	# the file list said if it may be missing
		case $to in
		*.gz)	zcat "$r/$to" > "$tmp/unzipped" 2>&1
			same "deb/axvm-tools: $to" "$tmp/unzipped" "$TOP/$from" ;;
		*)	same "deb/axvm-tools: $to" "$r/$to" "$TOP/$from" ;;
		esac
	done
fi

if [ -n "${deb[axvm-dkms]:-}" ]; then
	r=$tmp/axvm-dkms
	# The sources are the tree's, unchanged.
	why=()
	while read -r f; do
		case $f in "$src"/*) ;; *) continue ;; esac
		rel=${f#"$src"/}
		[ "$rel" = dkms.conf ] && continue
		cmp -s "$r/$f" "$TOP/$rel" || why+=("$rel differs from the tree's")
	done < "$tmp/axvm-dkms.files"
	if [ ${#why[@]} -eq 0 ]; then
		ok "deb/axvm-dkms: sources identical to the tree"
	else
		not_ok "deb/axvm-dkms: sources identical to the tree" "${why[@]}"
	fi

	# dkms.conf, read the way dkms reads it (bash, its variables set).
	conf=$r/$src/dkms.conf
	got=$(kernel_source_dir=/KSRC dkms_tree=/DKMS bash -c '
		set -u; . "$1" || exit 1
		echo "PACKAGE_NAME=$PACKAGE_NAME"
		echo "PACKAGE_VERSION=$PACKAGE_VERSION"
		echo "BUILT_MODULE_NAME=${BUILT_MODULE_NAME[0]}"
		echo "BUILT_MODULE_LOCATION=${BUILT_MODULE_LOCATION[0]}"
		echo "DEST_MODULE_LOCATION=${DEST_MODULE_LOCATION[0]}"
		echo "AUTOINSTALL=$AUTOINSTALL"
		echo "MAKE=${MAKE[0]}"' sh "$conf" 2>&1)
	why=()
	want_make="make -C /KSRC M=/DKMS/axvm/$V/build AXVM_VERSION=${AXVM_VERSION:-*} modules"
	for w in "PACKAGE_NAME=axvm" "PACKAGE_VERSION=$V" "BUILT_MODULE_NAME=axvm" \
		 "BUILT_MODULE_LOCATION=driver/" "AUTOINSTALL=yes"; do
		grep -qxF "$w" <<< "$got" || why+=("no $w")
	done
	grep -qxE 'DEST_MODULE_LOCATION=/(updates/dkms|extra)' <<< "$got" ||
		why+=("DEST_MODULE_LOCATION is neither /updates/dkms nor /extra")
	# shellcheck disable=SC2053 # a pattern when AXVM_VERSION is unknown
	[[ $(sed -n 's/^MAKE=//p' <<< "$got") == $want_make ]] ||
		why+=("MAKE[0] is not '$want_make'")
	if [ ${#why[@]} -eq 0 ]; then
		ok "deb/axvm-dkms: dkms.conf"
	else
		not_ok "deb/axvm-dkms: dkms.conf" "${why[@]}" "dkms.conf gives:" "$got"
	fi

	# The maintainer scripts hand the module to DKMS and take it back.
	why=()
	for s in postinst prerm; do
		f=$r/DEBIAN/$s
		[ -x "$f" ] || { why+=("no executable $s"); continue; }
		sh -n "$f" 2>&1 | comment
		[ "${PIPESTATUS[0]}" = 0 ] || why+=("$s: syntax error")
		grep -qxF "version=$V" "$f" || why+=("$s: not for version $V")
	done
	grep -q '/usr/lib/dkms/common.postinst "$name" "$version"' \
		"$r/DEBIAN/postinst" 2>/dev/null || why+=("postinst does not run common.postinst")
	grep -q 'dkms remove -m "$name" -v "$version" --all' \
		"$r/DEBIAN/prerm" 2>/dev/null || why+=("prerm does not dkms remove")
	if [ ${#why[@]} -eq 0 ]; then
		ok "deb/axvm-dkms: maintainer scripts"
	else
		not_ok "deb/axvm-dkms: maintainer scripts" "${why[@]}"
	fi
fi

# --- A real DKMS build of axvm-dkms, once per kernel ---------------------------
# dkms takes the tree, source and headers from the command line, so the
# host's /var/lib/dkms and /usr/src stay as they are (checked at the end).
# Its module signing would make a key in /var/lib/dkms: off. Its `strip -g`
# is the host's, which does not know aarch64: the cross one instead. Its
# POST_BUILD hook (a path relative to the build directory) saves the
# Kbuild .cmd files, the record of what the build read, before dkms
# removes the build directory.
host_dkms_state() { find /var/lib/dkms /usr/src -maxdepth 3 -printf '%p %T@\n' 2>/dev/null | sort; }
if [ -z "${deb[axvm-dkms]:-}" ]; then
	not_ok "dkms: no axvm-dkms package to build"
elif ! command -v dkms >/dev/null || ! command -v modinfo >/dev/null; then
	not_ok "dkms: dkms and modinfo (packages dkms, kmod) are not installed"
else
	host_before=$(host_dkms_state)
	mkdir -p "$tmp/bin" "$tmp/dkms"
	# dkms strips with plain "strip": the arch's, found before this
	# wrapper goes first in PATH (a native build's would find itself).
	printf '#!/bin/sh\nexec %s "$@"\n' "$(command -v "${CROSS_COMPILE}strip")" > "$tmp/bin/strip"
	printf '#!/bin/sh\n{ pwd; find . -name ".*.cmd" -exec cat {} +; } > "$AXVM_DEB_TEST_CMDS"\n' \
		> "$tmp/keep-cmds"
	chmod +x "$tmp/bin/strip" "$tmp/keep-cmds"
	# trixie's riscv64 headers ask for gcc-14 and a pahole that knows
	# --btf_features; this host (bookworm) has gcc 12 and pahole 1.24. A
	# riscv64 trixie machine has both: here the cross gcc stands in, and
	# pahole drops the option it does not know.
	if [ "$DEB_ARCH" = riscv64 ]; then
		printf '#!/bin/sh\nexec %sgcc "$@"\n' "$CROSS_COMPILE" > "$tmp/bin/${CROSS_COMPILE}gcc-14"
		printf '#!/bin/bash\na=(); for o in "$@"; do [[ $o == --btf_features* ]] || a+=("$o"); done\nexec %s "${a[@]}"\n' \
			"$(command -v pahole)" > "$tmp/bin/pahole"
		chmod +x "$tmp/bin/${CROSS_COMPILE}gcc-14" "$tmp/bin/pahole"
	fi
	# dkms_tree/axvm/VERSION/build/../../../.. is $tmp
	post_build=../../../../keep-cmds
	# The other architectures' parts (driver/<arch>*, include/axvm/arch/
	# <arch>/) are packaged for DKMS on their machines; a build for this
	# one never reads them.
	foreign=
	for d in "$TOP"/include/axvm/arch/*/; do
		a=$(basename "$d")
		[ "$a" = "$AXVM_ARCH" ] || foreign+="${foreign:+|}^(driver/$a|include/axvm/arch/$a/)"
	done
	# The device-tree arches' machine lookup (driver/Kbuild): x86 has ACPI.
	[ "$AXVM_ARCH" != x86_64 ] || foreign+="|^driver/machine_of\.c$"
	for kdir in $KDIRS; do
		# Debian's 6.1 headers say 6.1.<patch> in kernel.release; the
		# release the module must match is UTS_RELEASE.
		rel=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' \
			"$kdir/include/generated/utsrelease.h" 2>/dev/null)
		[ -n "$rel" ] || rel=$(cat "$kdir/include/config/kernel.release" 2>/dev/null)
		if [ -z "$rel" ]; then
			not_ok "dkms/$kdir: no kernel release in its headers"
			continue
		fi
		t=dkms/$rel
		start=$(date +%s)
		cmds=$tmp/cmds-$rel
		# A clean environment, as in a postinst: nothing of ours (this
		# script's AXVM_VERSION, make's MAKEFLAGS) reaches the build.
		if env -i PATH="$tmp/bin:$PATH" HOME="$tmp" LC_ALL=C \
		       TMPDIR="${TMPDIR:-/tmp}" ARCH="$KERNEL_ARCH" \
		       CROSS_COMPILE="$CROSS_COMPILE" AXVM_DEB_TEST_CMDS="$cmds" \
		       sign_file=/nonexistent mok_signing_key="$tmp/mok.key" \
		       mok_certificate="$tmp/mok.crt" \
		   dkms build -m axvm -v "$V" -k "$rel/$KERNEL_ARCH" \
			--dkmstree "$tmp/dkms" --sourcetree "$tmp/axvm-dkms/usr/src" \
			--kernelsourcedir "$kdir" --directive "POST_BUILD=$post_build" \
			> "$tmp/dkms-$rel.log" 2>&1; then
			ok "$t: dkms build ($(( $(date +%s) - start ))s)"
		else
			not_ok "$t: dkms build" "$(tail -n 20 "$tmp/dkms-$rel.log")" \
				"$(tail -n 30 "$tmp/dkms/axvm/$V/build/make.log" 2>/dev/null)"
			continue
		fi
		ko=$tmp/dkms/axvm/$V/$rel/$KERNEL_ARCH/module/axvm.ko
		hdr=$("${CROSS_COMPILE}readelf" -h "$ko" 2>&1)
		if grep -q 'Class: *ELF64' <<< "$hdr" &&
		   grep -q "Machine: *$elf_machine" <<< "$hdr" &&
		   grep -q 'Type: *REL ' <<< "$hdr"; then
			ok "$t: axvm.ko is a $DEB_ARCH relocatable ELF"
		else
			not_ok "$t: axvm.ko is a $DEB_ARCH relocatable ELF" "$hdr"
		fi
		vermagic=$(modinfo -F vermagic "$ko" 2>&1)
		if [[ $vermagic == "$rel "* ]]; then
			ok "$t: vermagic $vermagic"
		else
			not_ok "$t: vermagic" "'$vermagic' is not for $rel"
		fi
		if [ -n "${AXVM_VERSION:-}" ]; then
			mv=$(modinfo -F version "$ko" 2>&1)
			if [ "$mv" = "$AXVM_VERSION" ]; then
				ok "$t: module version $mv"
			else
				not_ok "$t: module version" "'$mv', not '$AXVM_VERSION'"
			fi
		fi
		# The package holds the sources the build read, no more: each
		# .c and .h in it (but other arches') appears in the .cmd files.
		if [ ! -s "$cmds" ]; then
			not_ok "$t: the build read every packaged source" \
				"the POST_BUILD hook left no .cmd files"
			continue
		fi
		bdir=$(head -n1 "$cmds")
		awk -v b="$bdir/" '{ for (i = 1; i <= NF; i++)
			if (index($i, b) == 1 && $i ~ /\.[chS]$/) print $i }' "$cmds" |
			xargs -r realpath -m -s --relative-to="$bdir" |
			LC_ALL=C sort -u > "$tmp/read-$rel"
		awk -v p="$src/" 'index($0, p) == 1 && /\.[chS]$/ {
			print substr($0, length(p) + 1) }' "$tmp/axvm-dkms.files" |
			grep -Ev "${foreign:-^$}" > "$tmp/packaged-sources"
		unread=$(LC_ALL=C comm -23 "$tmp/packaged-sources" "$tmp/read-$rel")
		if [ -z "$unread" ] && [ -s "$tmp/read-$rel" ]; then
			ok "$t: the build read every packaged source ($(wc -l < "$tmp/packaged-sources") files)"
		else
			not_ok "$t: the build read every packaged source" \
				"packaged, never read:" "$unread"
		fi
	done
	if [ "$(host_dkms_state)" = "$host_before" ]; then
		ok "dkms: the host's /var/lib/dkms and /usr/src untouched"
	else
		not_ok "dkms: the host's /var/lib/dkms and /usr/src untouched" \
			"$(diff <(echo "$host_before") <(host_dkms_state))"
	fi
fi
exit $status
