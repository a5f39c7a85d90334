#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# fetch-qemu.sh DIR: QEMU 10 (the riscv64 and x86-64 system emulators) from
# Debian's bookworm-backports, unpacked into DIR and never installed, for
# what the host's QEMU 7.2 cannot do: 7.2 hangs right after OpenSBI when it
# runs more than one riscv64 hart under -icount, and bringing up the second
# x86 CPU under -icount, which make bench needs. DIR/run is the riscv64
# emulator, DIR/run-x86_64 the x86-64 one, each with QEMU 10's own modules
# and data (the host's 7.2 modules would abort it). Idempotent; uses scripts/deps.sh's private apt configuration
# when the host's sources lack bookworm-backports.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
deps=${AXVM_DEPS:-$top/build/deps}
dir=${1:?usage: fetch-qemu.sh DIR}
pkgs=(qemu-system-riscv qemu-system-x86 qemu-system-common qemu-system-data qemu-system-gui
      qemu-system-modules-opengl)

log() { printf 'fetch-qemu: %s\n' "$*" >&2; }
die() { printf 'fetch-qemu: error: %s\n' "$*" >&2; exit 1; }

[ -x "$dir/run" ] && [ -x "$dir/run-x86_64" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
download() {	# download APT_CONFIG: every package from bookworm-backports
	(cd "$tmp" && APT_CONFIG=$1 apt-get download -qq -o APT::Sandbox::User=root \
		"${pkgs[@]/%//bookworm-backports}") >/dev/null 2>&1
}
log "downloading QEMU 10 from bookworm-backports (${pkgs[*]})"
download "$deps/apt/apt.conf" || download /etc/apt/apt.conf ||
	die "apt-get download ${pkgs[*]} from bookworm-backports failed (run make deps first)"
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
for f in "$tmp"/*.deb; do
	dpkg -x "$f" "$dir.tmp"
done
for emulator in riscv64 x86_64; do
	run=$dir.tmp/run-$emulator
	[ "$emulator" = riscv64 ] && run=$dir.tmp/run
	cat > "$run" <<EOM
#!/bin/sh
# QEMU 10 as fetched by scripts/fetch-qemu.sh, with its own modules and data.
QEMU_MODULE_DIR=$dir/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/qemu
export QEMU_MODULE_DIR
exec $dir/usr/bin/qemu-system-$emulator -L $dir/usr/share/qemu "\$@"
EOM
	chmod +x "$run"
done
rm -rf "$dir"
mv "$dir.tmp" "$dir"
sed -i "s|$dir.tmp|$dir|g" "$dir/run" "$dir/run-x86_64"
"$dir/run" --version | head -n1 | sed 's/^/fetch-qemu: /' >&2
