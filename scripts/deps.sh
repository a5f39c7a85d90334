#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch everything the build and the tests need, as DESIGN.md section 2 says:
# host packages through apt-get, each guest architecture's parts as Debian
# packages unpacked into build/deps/<arch> (never installed root-wide):
#   arm64    bookworm's own packages (dpkg knows arm64 for downloads only)
#   x86_64   bookworm's own amd64 packages (the host's architecture)
#   riscv64  Debian trixie's (bookworm has no riscv64), through a private apt
#            configuration in build/deps/apt: its own sources, lists, cache
#            and an empty dpkg status, so the host's apt state is untouched
# Idempotent: once the stamp matches, a second run does no network work.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
deps=${AXVM_DEPS:-$top/build/deps}
stamp=$deps/.complete
stamp_version=8	# bump when this script fetches something new

host_pkgs=(qemu-system-arm qemu-system-misc qemu-system-x86 opensbi
	   gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	   gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
	   linux-kbuild-6.1 cpio libjson-c-dev gdb-multiarch make gcc
	   clang libclang-rt-14-dev xz-utils pkg-config python3-jsonschema
	   dkms man-db groff-base bash-completion)

log() { printf 'deps: %s\n' "$*" >&2; }
die() { printf 'deps: error: %s\n' "$*" >&2; exit 1; }

stamp_ok() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_version" ]; }
stamp_ok && exit 0
# One run at a time (several trees' makes may start it together); the one
# that waited finds the work done.
mkdir -p "$deps"
exec 9> "$deps/.lock"
flock 9
stamp_ok && exit 0

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
apt_install() {	# apt_install PACKAGE...: on the host
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "$@" >/dev/null ||
		die "apt-get install $* failed"
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
	apt_install "${missing[@]}"
fi

# The private apt configuration for trixie's riscv64 packages, and for
# bookworm-backports' host programs when the host's sources lack that
# suite. The mirror is the one the host's sources use for Debian.
host_arch=$(dpkg --print-architecture)
private=$deps/apt
private_apt() {
	local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg proxy
	mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Origin: Debian' \
		 'Label: Debian' | head -n1)
	[ -n "$mirror" ] || die "no Debian mirror in the host's apt sources"
	mkdir -p "$private"/{lists/partial,cache/archives/partial,parts,sources.d,prefs.d}
	: > "$private/status"
	{
		echo "deb [arch=riscv64 signed-by=$keyring] $mirror trixie main"
		apt-get indextargets --format '$(RELEASE)' | grep -qx bookworm-backports ||
			echo "deb [arch=$host_arch signed-by=$keyring] $mirror bookworm-backports main"
	} > "$private/sources.list"
	# The host's proxy, if it has one; none of its other settings (hooks
	# that run after an update, for instance).
	proxy=$(apt-config dump Acquire::http::Proxy)
	cat > "$private/apt.conf" <<-EOM
	Dir::Etc::SourceList "$private/sources.list";
	Dir::Etc::SourceParts "$private/sources.d";
	Dir::Etc::Parts "$private/parts";
	Dir::Etc::Preferences "$private/preferences";
	Dir::Etc::PreferencesParts "$private/prefs.d";
	Dir::State::Lists "$private/lists";
	Dir::State::status "$private/status";
	Dir::Cache "$private/cache";
	APT::Architecture "$host_arch";
	APT::Architectures { "$host_arch"; "riscv64"; };
	APT::Sandbox::User "root";
	Acquire::Languages "none";
	$proxy
	EOM
	log "apt-get update (private: trixie riscv64)"
	APT_CONFIG=$private/apt.conf apt-get update -qq ||
		die "apt-get update with $private/apt.conf failed"
}
private_apt

# via APT CMD...: run an apt command with the host's configuration ("host")
# or the private one ("private").
via() {
	local apt=$1
	shift
	case $apt in
	host) "$@" ;;
	private) APT_CONFIG=$private/apt.conf "$@" ;;
	*) die "via: unknown apt configuration '$apt'" ;;
	esac
}
# Where each guest architecture's packages come from, and Debian's name for
# it (x86_64 is amd64).
arches=(arm64 riscv64 x86_64)
declare -A apt_of=([arm64]=host [riscv64]=private [x86_64]=host)
declare -A debarch_of=([arm64]=arm64 [riscv64]=riscv64 [x86_64]=amd64)

mkdir -p "$deps/debs"
# apt drops to user _apt to download, which cannot write into our tree.
apt_dl_opts=
[ "$(id -u)" = 0 ] && apt_dl_opts="-o APT::Sandbox::User=root"
# fetch APT DIR PACKAGE[:ARCH]...: download (once: build/deps/debs keeps the
# .deb files) and unpack into DIR. A package without :ARCH is the host's or
# an "all" one.
fetch() {
	local p f pattern apt=$1 dir=$2
	shift 2
	mkdir -p "$dir"
	for p in "$@"; do
		pattern="${p%%:*}_*.deb"
		[ "$p" = "${p%%:*}" ] || pattern="${p%%:*}_*_${p#*:}.deb"
		f=$(ls "$deps/debs/"$pattern 2>/dev/null | head -n1 || true)
		if [ -z "$f" ]; then
			log "downloading $p"
			(cd "$deps/debs" && via "$apt" apt-get download -qq $apt_dl_opts "$p") ||
				die "apt-get download $p failed"
			f=$(ls "$deps/debs/"$pattern | head -n1)
		fi
		dpkg -x "$f" "$dir"
	done
}
# first_file PATH...: the first that exists (layouts differ: trixie's
# packages put everything under usr/).
first_file() {
	local f
	for f in "$@"; do
		[ -e "$f" ] && { echo "$f"; return; }
	done
	die "none of these exists: $*"
}

# The headers' scripts are host programs, from a linux-kbuild package:
# kbuild_for SERIES ABI prints its tree. The first of linux-kbuild-ABI
# (bookworm's kernels), linux-kbuild-UPSTREAM+deb12 (trixie's: the same
# upstream version built for bookworm, since trixie's own needs glibc 2.38),
# linux-kbuild-SERIES (6.1) and the newest linux-kbuild-SERIES.*+deb12 that
# the host's sources know (installed on the host, as bookworm's own
# packages are) or else bookworm-backports (unpacked into build/deps/kbuild).
kbuild_for() {
	local series=$1 kabi=$2 p newest
	newest=$({ apt-cache pkgnames "linux-kbuild-$series."
		   via private apt-cache pkgnames "linux-kbuild-$series."; } |
		 grep '+deb12$' | sort -V | tail -n1 || true)
	for p in "linux-kbuild-$kabi" "linux-kbuild-${kabi%+deb*}+deb12" \
		 "linux-kbuild-$series" $newest; do
		if apt-cache show "$p" >/dev/null 2>&1; then
			if [ ! -d "/usr/lib/$p/scripts" ]; then
				log "installing host package $p"
				apt_install "$p"
			fi
			echo "/usr/lib/$p"
			return
		fi
		if via private apt-cache show "$p:$host_arch" >/dev/null 2>&1; then
			fetch private "$deps/kbuild" "$p:$host_arch"
			echo "$deps/kbuild/usr/lib/$p"
			return
		fi
	done
	die "no linux-kbuild package for Linux $kabi"
}

# What Makefile reads back (build/deps/paths.mk), every name qualified by
# its architecture: KERNELS_<arch>, KDIR_<arch>_<series>, BUSYBOX_<arch>...
paths=

# Per architecture: busybox and json-c (axvm-ctl is linked statically).
for arch in "${arches[@]}"; do
	aroot=$deps/$arch/root
	da=${debarch_of[$arch]}
	rm -rf "$aroot"
	fetch "${apt_of[$arch]}" "$aroot" "busybox-static:$da" \
	      "libjson-c-dev:$da" "libjson-c5:$da"
	jsonc_a=$(find "$aroot/usr/lib" -name libjson-c.a | head -n1)
	[ -n "$jsonc_a" ] || die "no libjson-c.a in libjson-c-dev:$da"
	paths+="BUSYBOX_$arch := $(first_file "$aroot/bin/busybox" "$aroot/usr/bin/busybox")
JSONC_INC_$arch := $aroot/usr/include
JSONC_LIB_$arch := $(dirname "$jsonc_a")
"
done

# Unmodified Debian kernels: arm64 bookworm's own 6.1 and the 6.12 that
# bookworm carries as its newer kernel, riscv64 trixie's 6.12, amd64 the same
# two as arm64. Each series is named by the metapackage that points at
# today's ABI version; the ABI is resolved at run time, never written down
# here. The first of an arch is its default. arm64's and amd64's images are
# the -unsigned ones (riscv64 has no signed variant).
#   ARCH     SERIES HEADERS METAPACKAGE        IMAGE PACKAGE (@: the ABI)
kernels=(
	"arm64   6.1    linux-headers-arm64        linux-image-@-arm64-unsigned"
	"arm64   6.12   linux-headers-6.12-arm64   linux-image-@-arm64-unsigned"
	"riscv64 6.12   linux-headers-riscv64      linux-image-@-riscv64"
	"x86_64  6.1    linux-headers-amd64        linux-image-@-amd64-unsigned"
	"x86_64  6.12   linux-headers-6.12-amd64   linux-image-@-amd64-unsigned"
)
declare -A series_of
for k in "${kernels[@]}"; do
	read -r arch series meta image <<< "$k"
	apt=${apt_of[$arch]}
	da=${debarch_of[$arch]}
	series_of[$arch]+="$series "
	kabi=$(via "$apt" apt-cache depends "$meta:$da" 2>/dev/null |
	       sed -n "s/.*Depends: linux-headers-\(.*\)-$da\(:$da\)\{0,1\}\$/\1/p" | head -n1)
	[ -n "$kabi" ] || die "cannot resolve the $arch kernel version (apt-cache depends $meta:$da)"
	log "$arch kernel $series: $kabi"
	kbuild=$(kbuild_for "$series" "$kabi")
	kroot=$deps/$arch/linux-$series
	rm -rf "$kroot"
	fetch "$apt" "$kroot" "${image/@/$kabi}:$da" \
	      "linux-headers-$kabi-$da:$da" "linux-headers-$kabi-common"

	# The headers package links scripts/ and tools/ to the host's
	# linux-kbuild relatively and includes the common tree by absolute
	# path: point both at what we have.
	hdr=$(first_file "$kroot/usr/src/linux-headers-$kabi-$da")
	common=$(first_file "$kroot/usr/src/linux-headers-$kabi-common")
	for d in "$hdr" "$common"; do
		for l in scripts tools; do
			rm -f "$d/$l"
			ln -s "$kbuild/$l" "$d/$l"
		done
	done
	sed -i "s|^include /usr/src/linux-headers-$kabi-common/|include $common/|" "$hdr/Makefile"
	grep -q "^include $common/Makefile" "$hdr/Makefile" ||
		die "unexpected layout of $hdr/Makefile"
	modules=$(first_file "$kroot/lib/modules" "$kroot/usr/lib/modules")
	release=$(ls "$modules")
	# arm64 and x86_64 boot the compressed vmlinuz, riscv64 its vmlinux
	# (an EFI image QEMU's -kernel starts directly).
	image_file=$(ls "$kroot"/boot/vmlinu[xz]-* | head -n1)
	paths+="KABI_${arch}_$series := $kabi
KRELEASE_${arch}_$series := $release
KDIR_${arch}_$series := $hdr
VMLINUZ_${arch}_$series := $image_file
KMODULES_${arch}_$series := $modules/$release
"
done
for arch in "${arches[@]}"; do
	paths+="KERNELS_$arch := ${series_of[$arch]}
"
done
# The layout before arches had their own directories.
rm -rf "$deps/root" "$deps"/linux-*

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

printf '%sKSELFTEST_INC := %s\n' "$paths" "$ks" > "$deps/paths.mk"
echo "$stamp_version" > "$stamp"
log "ready in $deps"
