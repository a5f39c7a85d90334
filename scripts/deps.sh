#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch everything the build and the tests need, as DESIGN.md section 2 says:
# host packages through apt-get, the arm64 guest's parts as Debian packages
# unpacked into build/deps (never installed root-wide). Idempotent: once the
# stamp matches, a second run does no network work.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
deps=${AXVM_DEPS:-$top/build/deps}
stamp=$deps/.complete
stamp_version=6	# bump when this script fetches something new

host_pkgs=(qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	   linux-kbuild-6.1 cpio libjson-c-dev gdb-multiarch make gcc
	   clang libclang-rt-14-dev xz-utils pkg-config python3-jsonschema
	   dkms man-db groff-base bash-completion)

log() { printf 'deps: %s\n' "$*" >&2; }
die() { printf 'deps: error: %s\n' "$*" >&2; exit 1; }

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_version" ]; then
	exit 0
fi

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${host_pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
arch_added=0
dpkg --print-foreign-architectures | grep -qx arm64 || {
	log "adding the arm64 architecture to dpkg (download only, nothing is installed)"
	as_root dpkg --add-architecture arm64
	arch_added=1
}
if [ ${#missing[@]} -gt 0 ] || [ $arch_added = 1 ] ||
   ! apt-cache show linux-headers-arm64:arm64 >/dev/null 2>&1; then
	log "apt-get update"
	as_root apt-get update -qq || die "apt-get update failed"
fi
if [ ${#missing[@]} -gt 0 ]; then
	log "installing host packages: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null ||
		die "apt-get install ${missing[*]} failed"
fi

mkdir -p "$deps/debs" "$deps/root"
# apt drops to user _apt to download, which cannot write into our tree.
apt_dl_opts=
[ "$(id -u)" = 0 ] && apt_dl_opts="-o APT::Sandbox::User=root"
fetch() {	# fetch DIR PACKAGE...: download and unpack into DIR
	local p f dir=$1
	shift
	for p in "$@"; do
		f=$(ls "$deps/debs/${p%%:*}"_*.deb 2>/dev/null | head -n1 || true)
		if [ -z "$f" ]; then
			log "downloading $p"
			(cd "$deps/debs" && apt-get download -qq $apt_dl_opts "$p") ||
				die "apt-get download $p failed"
			f=$(ls "$deps/debs/${p%%:*}"_*.deb | head -n1)
		fi
		dpkg -x "$f" "$dir"
	done
}
rm -rf "$deps/root"
fetch "$deps/root" busybox-static:arm64 libjson-c-dev:arm64 libjson-c5:arm64

# Two unmodified Debian arm64 kernels: bookworm's own 6.1 and the 6.12 that
# bookworm carries as its newer kernel. Each kernel series is named by the
# metapackage that points at today's ABI version; the ABI is resolved at run
# time, never written down here.
#   SERIES  HEADERS METAPACKAGE
kernels=(
	"6.1    linux-headers-arm64"
	"6.12   linux-headers-6.12-arm64"
)
paths_kernels=
for k in "${kernels[@]}"; do
	read -r series meta <<< "$k"
	kabi=$(apt-cache depends "$meta:arm64" 2>/dev/null |
	       sed -n 's/.*Depends: linux-headers-\(.*\)-arm64:arm64/\1/p' | head -n1)
	[ -n "$kabi" ] || die "cannot resolve the arm64 kernel version (apt-cache depends $meta:arm64)"
	log "arm64 kernel $series: $kabi"
	# The headers' scripts are host programs: linux-kbuild-6.1 for the
	# 6.1 series, linux-kbuild-<ABI> for the newer ones.
	kbuild_pkg=linux-kbuild-$series
	apt-cache show "linux-kbuild-$kabi" >/dev/null 2>&1 && kbuild_pkg=linux-kbuild-$kabi
	kbuild=/usr/lib/$kbuild_pkg
	if [ ! -d "$kbuild/scripts" ]; then
		log "installing host package $kbuild_pkg"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "$kbuild_pkg" >/dev/null ||
			die "apt-get install $kbuild_pkg failed"
	fi
	kroot=$deps/linux-$series
	rm -rf "$kroot"
	mkdir -p "$kroot"
	fetch "$kroot" "linux-image-$kabi-arm64-unsigned:arm64" \
	      "linux-headers-$kabi-arm64:arm64" "linux-headers-$kabi-common"

	# The headers package links scripts/ and tools/ to the host's
	# linux-kbuild relatively and includes the common tree by absolute
	# path: point both at what we have.
	hdr=$kroot/usr/src/linux-headers-$kabi-arm64
	common=$kroot/usr/src/linux-headers-$kabi-common
	for d in "$hdr" "$common"; do
		for l in scripts tools; do
			rm -f "$d/$l"
			ln -s "$kbuild/$l" "$d/$l"
		done
	done
	sed -i "s|^include /usr/src/linux-headers-$kabi-common/|include $common/|" "$hdr/Makefile"
	grep -q "^include $common/Makefile" "$hdr/Makefile" ||
		die "unexpected layout of $hdr/Makefile"
	release=$(ls "$kroot/lib/modules")
	paths_kernels+="KABI_$series := $kabi
KRELEASE_$series := $release
KDIR_$series := $hdr
VMLINUZ_$series := $(ls "$kroot"/boot/vmlinuz-*)
KMODULES_$series := $kroot/lib/modules/$release
"
done

# kselftest_harness.h comes from Debian's own kernel source, not a copy of ours.
ks=$deps/kselftest
if [ ! -f "$ks/kselftest_harness.h" ]; then
	fetch_src=$deps/src
	mkdir -p "$fetch_src" "$ks"
	f=$(ls "$deps/debs"/linux-source-6.1_*.deb 2>/dev/null | head -n1 || true)
	if [ -z "$f" ]; then
		log "downloading linux-source-6.1 (for kselftest_harness.h)"
		(cd "$deps/debs" && apt-get download -qq $apt_dl_opts linux-source-6.1) ||
			die "apt-get download linux-source-6.1 failed"
		f=$(ls "$deps/debs"/linux-source-6.1_*.deb | head -n1)
	fi
	log "extracting kselftest headers"
	dpkg-deb --fsys-tarfile "$f" |
		tar -x -C "$fetch_src" --wildcards './usr/src/linux-source-6.1.tar.xz'
	tar -xaf "$fetch_src/usr/src/linux-source-6.1.tar.xz" -C "$fetch_src" \
		linux-source-6.1/tools/testing/selftests/kselftest_harness.h \
		linux-source-6.1/tools/testing/selftests/kselftest.h
	cp "$fetch_src"/linux-source-6.1/tools/testing/selftests/kselftest*.h "$ks/"
	rm -rf "$fetch_src"
	rm -f "$f"	# 150 MB we no longer need
fi

# What the Makefile reads back. The first kernel is the default one.
cat > "$deps/paths.mk" <<EOM
KERNELS := $(for k in "${kernels[@]}"; do read -r series _ <<< "$k"; printf '%s ' "$series"; done)
${paths_kernels}BUSYBOX := $deps/root/bin/busybox
JSONC_ARM64_INC := $deps/root/usr/include
JSONC_ARM64_LIB := $deps/root/usr/lib/aarch64-linux-gnu
KSELFTEST_INC := $ks
EOM
echo "$stamp_version" > "$stamp"
log "ready in $deps"
