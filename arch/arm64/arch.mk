# SPDX-License-Identifier: GPL-2.0
# arm64: the toolchain and the flags only this architecture needs.
CROSS_COMPILE ?= aarch64-linux-gnu-
KERNEL_ARCH := arm64
QEMU := qemu-system-aarch64

# EL2 code keeps to general-purpose registers (no FP/SIMD state to save) and
# to aligned accesses (it runs with the MMU off while it boots).
HV_ARCH_CFLAGS := -mgeneral-regs-only -mstrict-align -march=armv8-a \
	-mno-outline-atomics
HV_ARCH_OBJS := entry.o cpu.o uart_pl011.o setup.o traps.o paging.o handover.o \
	gicv3.o gicv3_dist.o gicv3_redist.o gicv3_handover.o psci.o
PLATFORM := qemu-arm64

# The reference machine of DESIGN.md section 2.
# A virtio-rng device: QEMU puts it on the last virtio-mmio transport
# (0x0a003e00, SPI 79); the device-partition tests give it to a cell.
QEMU_MACHINE := -M virt,virtualization=on,gic-version=3 -cpu cortex-a72 \
	-smp 4 -m 1G -nic none -device virtio-rng-device
QEMU_APPEND := console=ttyAMA0 kvm-arm.mode=none mem=768M
# The same machine without EL2, for inmates run bare as a baseline.
QEMU_BARE_MACHINE := -M virt,gic-version=3 -cpu cortex-a72 -m 256M -nic none
# make bench: the counter's tick in nanoseconds.
BENCH_TICK_NS := 16	# ns per tick of the 62.5 MHz generic timer
