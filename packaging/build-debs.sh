#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make deb: stage three package trees and build them with plain
# `dpkg-deb --build` (no debhelper):
#   axvm-dkms      (all)    the module source in /usr/src/axvm-<version>
#   axvm-firmware  (ARCH)   /lib/firmware/axvm-<arch>.bin
#   axvm-tools     (ARCH)   /usr/sbin/axvm-ctl, man pages, completion,
#                           the config schema and example configs
# Everything comes from packaging/deb.mk, through the environment:
#   TOP             the source tree
#   DEB_DIR         where the .deb files go (staging in DEB_DIR/stage)
#   DEB_VERSION     the packages' (Debian) version
#   AXVM_VERSION    the build's version string (compiled into the module
#                   by dkms, as it is into the firmware and axvm-ctl)
#   DEB_ARCH        the Debian architecture of the binaries (arm64, riscv64)
#   PLATFORM        whose configs/PLATFORM go in as examples (qemu-arm64)
#   FIRMWARE        the firmware image to ship
#   AXVM_CTL        the static axvm-ctl to ship
#   CROSS_COMPILE   toolchain prefix (strip, and the header scan)
#   DEB_MAINTAINER  the Maintainer field
set -euo pipefail
umask 022

die() { printf 'build-debs: error: %s\n' "$*" >&2; exit 1; }
for v in TOP DEB_DIR DEB_VERSION AXVM_VERSION DEB_ARCH PLATFORM FIRMWARE AXVM_CTL \
	 DEB_MAINTAINER; do
	[ -n "${!v:-}" ] || die "$v is not set (run it through make deb)"
done
CROSS_COMPILE=${CROSS_COMPILE-aarch64-linux-gnu-}

# Without a revision a Debian version has no hyphen (policy 5.6.12).
[[ $DEB_VERSION =~ ^[0-9][A-Za-z0-9.+~]*$ ]] ||
	die "DEB_VERSION '$DEB_VERSION' is not a valid native Debian version"
# It goes into dkms.conf (sourced by bash) and a make command line.
[[ $AXVM_VERSION =~ ^[A-Za-z0-9][A-Za-z0-9.+~_-]*$ ]] ||
	die "AXVM_VERSION '$AXVM_VERSION' has characters dkms.conf cannot carry"

# Modification times: the last commit's, so that the same tree gives the
# same packages (dpkg-deb takes the ar members' from SOURCE_DATE_EPOCH too).
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git -C "$TOP" log -1 --format=%ct 2>/dev/null ||
			    stat -c %Y "$TOP/VERSION")
fi
export SOURCE_DATE_EPOCH

pkgdir=$TOP/packaging/debian
stage=$DEB_DIR/stage
rm -rf "$stage"
# Another arch's packages stay: make check builds arm64's, then riscv64's.
rm -f "$DEB_DIR"/axvm-*_"$DEB_ARCH".deb "$DEB_DIR"/axvm-*_all.deb
mkdir -p "$stage"

sed_esc() { printf '%s' "$1" | sed 's/[|&\\]/\\&/g'; }
subst() {	# subst TEMPLATE > OUT: fill in the @NAME@ fields
	sed -e "s|@VERSION@|$DEB_VERSION|g" \
	    -e "s|@DKMS_VERSION@|$DEB_VERSION|g" \
	    -e "s|@AXVM_VERSION@|$AXVM_VERSION|g" \
	    -e "s|@ARCH@|$DEB_ARCH|g" \
	    -e "s|@MAINTAINER@|$(sed_esc "$DEB_MAINTAINER")|g" "$1"
}

# /usr/share/doc/PKG: copyright and a (native) changelog, as policy wants.
doc_files() {	# doc_files PKG
	local doc=$stage/$1/usr/share/doc/$1
	mkdir -p "$doc"
	subst "$pkgdir/copyright" > "$doc/copyright"
	{
		echo "axvm ($DEB_VERSION) unstable; urgency=medium"
		echo
		echo "  * Built from axvm $AXVM_VERSION by make deb."
		echo
		echo " -- $DEB_MAINTAINER  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
	} | gzip -9n > "$doc/changelog.gz"
}

# Installed-Size as dpkg-gencontrol counts it: KiB per file, rounded up,
# and one for each directory and link.
installed_size() {
	find "$1" -path "$1/DEBIAN" -prune -o -mindepth 1 -printf '%y %s\n' |
		awk '$1 == "f" { n += int(($2 + 1023) / 1024); next } { n++ }
		     END { print n + 0 }'
}

build() {	# build PKG ARCH: control, md5sums, times, dpkg-deb
	local pkg=$1 arch=$2 root=$stage/$1 s
	mkdir -p "$root/DEBIAN"
	s=$(installed_size "$root")
	subst "$pkgdir/$pkg.control" | sed "s|@INSTALLED_SIZE@|$s|" \
		> "$root/DEBIAN/control"
	grep -q "^Architecture: $arch\$" "$root/DEBIAN/control" ||
		die "$pkg.control does not say Architecture: $arch"
	for script in postinst prerm postrm preinst; do
		[ -f "$pkgdir/$pkg.$script" ] || continue
		subst "$pkgdir/$pkg.$script" > "$root/DEBIAN/$script"
		chmod 0755 "$root/DEBIAN/$script"
	done
	(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' |
	 LC_ALL=C sort -z | xargs -0r md5sum) > "$root/DEBIAN/md5sums"
	find "$root" -newermt "@$SOURCE_DATE_EPOCH" \
		-exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	local deb=$DEB_DIR/${pkg}_${DEB_VERSION}_$arch.deb
	dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
	echo "  DEB      ${deb#"$TOP"/} ($(stat -c %s "$deb") bytes)"
}

# --- axvm-dkms: exactly the files the module build reads ---------------------
# The top Kbuild and driver/ (its Kbuild, every source but Kbuild's own
# output), plus the shared headers and .c files the driver's sources
# include, found by the preprocessor: -MG lists the kernel's headers, which
# are not here, by name only, so only ours come out as paths.
src=$stage/axvm-dkms/usr/src/axvm-$DEB_VERSION
mkdir -p "$src/driver"
cd "$TOP"
driver_srcs=()
for f in driver/*.[chS]; do
	case "$f" in *.mod.c) continue ;; esac
	driver_srcs+=("$f")
done
[ ${#driver_srcs[@]} -gt 0 ] || die "no driver sources in $TOP/driver"
deps=$("${CROSS_COMPILE}gcc" -MM -MG -nostdinc -D__KERNEL__ -Iinclude \
	"${driver_srcs[@]}") || die "cannot scan the driver's includes"
shared=$(tr ' \\' '\n\n' <<< "$deps" | grep '^include/' | LC_ALL=C sort -u)
[ -n "$shared" ] || die "the driver includes nothing from include/: scan broken?"
install -m 0644 Kbuild "$src/Kbuild"
install -m 0644 driver/Kbuild "${driver_srcs[@]}" "$src/driver/"
for f in $shared; do
	install -D -m 0644 "$f" "$src/$f"
done
subst "$TOP/packaging/dkms.conf.in" > "$src/dkms.conf"
doc_files axvm-dkms
build axvm-dkms all

# --- axvm-firmware -------------------------------------------------------
root=$stage/axvm-firmware
install -D -m 0644 "$FIRMWARE" "$root/lib/firmware/$(basename "$FIRMWARE")"
doc_files axvm-firmware
build axvm-firmware "$DEB_ARCH"

# --- axvm-tools ----------------------------------------------------------
root=$stage/axvm-tools
install -D -m 0755 "$AXVM_CTL" "$root/usr/sbin/axvm-ctl"
# Debug information stays in the build tree (policy 10.1: strip binaries).
"${CROSS_COMPILE}strip" --strip-unneeded --remove-section=.comment \
	"$root/usr/sbin/axvm-ctl"
for page in docs/man/axvm-ctl.8 docs/man/axvm.4; do
	sect=${page##*.}
	mkdir -p "$root/usr/share/man/man$sect"
	gzip -9n -c "$TOP/$page" > "$root/usr/share/man/man$sect/${page##*/}.gz"
done
install -D -m 0644 "$TOP/tools/completion/axvm-ctl.bash" \
	"$root/usr/share/bash-completion/completions/axvm-ctl"
install -D -m 0644 "$TOP/docs/config.schema.json" \
	"$root/usr/share/axvm/config.schema.json"
doc_files axvm-tools
install -m 0644 "$TOP/configs/$PLATFORM"/*.json \
	-t "$root/usr/share/doc/axvm-tools/examples" -D
build axvm-tools "$DEB_ARCH"
