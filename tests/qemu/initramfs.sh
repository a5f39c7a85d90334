#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh OUTPUT: pack the guest's root file system: busybox, the
# module, the firmware, axvm-ctl, configs, inmates and the selftests.
# Reads its inputs from the environment (see tests/qemu/qemu.mk).
set -euo pipefail
out=$1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,root,etc/axvm} \
	 "$stage"/lib/{modules,firmware} "$stage"/usr/lib/axvm/{selftests,inmates,bench}
cp "$BUSYBOX" "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
cp "$TOP/tests/qemu/init" "$stage/init"
cp "$TOP/tests/qemu/run-selftests" "$TOP/tests/qemu/clean-slate" "$TOP/tests/qemu/demo" \
	"$TOP/tests/qemu/soak-rounds" \
	"$stage/usr/lib/axvm/"
cp "$MODULE" "$stage/lib/modules/"
# Debian's virtio-mmio driver, for the device-partition tests (newer
# Debian kernels ship their modules xz-compressed; busybox insmod wants
# them plain).
vmmio=$(find "${KMODULES:?}" -name 'virtio_mmio.ko*' | head -n1)
[ -n "$vmmio" ] || { echo "initramfs.sh: no virtio_mmio.ko under $KMODULES" >&2; exit 1; }
case "$vmmio" in
*.xz) xz -dc "$vmmio" > "$stage/lib/modules/virtio_mmio.ko" ;;
*) cp "$vmmio" "$stage/lib/modules/virtio_mmio.ko" ;;
esac
# The arch's other modules a test loads (GUEST_MODULES: x86_64's KVM).
for name in ${GUEST_MODULES:-}; do
	m=$(find "$KMODULES" -name "$name.ko*" | head -n1)
	[ -n "$m" ] || { echo "initramfs.sh: no $name.ko under $KMODULES" >&2; exit 1; }
	case "$m" in
	*.xz) xz -dc "$m" > "$stage/lib/modules/$name.ko" ;;
	*) cp "$m" "$stage/lib/modules/$name.ko" ;;
	esac
done
cp "$FIRMWARE" "$stage/lib/firmware/"
cp "$AXVM_CTL" "$stage/usr/bin/"
[ -d "$TOP/configs/$PLATFORM" ] ||
	{ echo "initramfs.sh: no configs for $PLATFORM (configs/$PLATFORM)" >&2; exit 1; }
cp -r "$TOP/configs/$PLATFORM" "$stage/etc/axvm/configs"
# Configs only the tests use (tests/configs/<platform>, where a platform
# has any yet) go beside them.
test_configs=()
if [ -d "$TOP/tests/configs/$PLATFORM" ]; then
	test_configs=("$TOP/tests/configs/$PLATFORM"/*.json)
	cp "${test_configs[@]}" "$stage/etc/axvm/configs/"
fi
# Their binary form too, for the selftests that feed the driver directly.
for f in "$TOP/configs/$PLATFORM"/*.json "${test_configs[@]}"; do
	"$HOST_AXVM_CTL" config compile "$f" \
		-o "$stage/etc/axvm/configs/$(basename "$f" .json).bin"
done
[ -z "$INMATES" ] || cp $INMATES "$stage/usr/lib/axvm/inmates/"
cp $SELFTESTS "$stage/usr/lib/axvm/selftests/"
cp $BENCH_PROGS "$TOP/tests/bench/run-bench" "$stage/usr/lib/axvm/bench/"
echo 'root:x:0:0:root:/root:/bin/sh' > "$stage/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> "$stage/etc/passwd"
echo 'PS1="root-cell:\w# "' > "$stage/etc/profile"

(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
