# SPDX-License-Identifier: GPL-2.0
# riscv64: the toolchain and the flags only this architecture needs.
CROSS_COMPILE ?= riscv64-linux-gnu-
KERNEL_ARCH := riscv
QEMU := qemu-system-riscv64

# HS-mode code keeps to integer registers (no FP state to save: the
# guest's stays live in the FP registers across a trap) and to the
# medany code model (PC-relative: the image runs wherever it was put).
HV_ARCH_CFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	-mno-relax -mstrict-align
HV_ARCH_OBJS := entry.o cpu.o control.o setup.o paging.o traps.o sbi.o \
	mmio_decode.o plic.o handover.o console_sbi.o timer.o
PLATFORM := qemu-riscv64

# QEMU virt with the H extension, OpenSBI as the M-mode firmware (the
# Debian package's generic fw_jump). Linux keeps 768M; hypervisor memory and
# cells' RAM are above it (configs/qemu-riscv64/root.json).
OPENSBI := /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin
QEMU_MACHINE := -M virt -cpu rv64,h=true -smp 4 -m 1G -bios $(OPENSBI) \
	-nic none -device virtio-rng-device
QEMU_APPEND := console=ttyS0 earlycon=sbi mem=768M
# The same machine with harts that lack Sstc: the firmware emulates the SBI
# timer instead (make check runs part of the suite on it: guest-tests-variant).
comma := ,
QEMU_MACHINE_VARIANT := $(subst h=true,h=true$(comma)sstc=false,$(QEMU_MACHINE))
QEMU_VARIANT_NAME := no-sstc
QEMU_VARIANT_SUITES := enable_test,cell_test
QEMU_BARE_MACHINE := -M virt -cpu rv64 -m 256M -bios $(OPENSBI) -nic none
# make bench: the counter's tick in nanoseconds.
BENCH_TICK_NS := 100	# ns per tick of the 10 MHz time CSR
# make bench runs under -icount, where QEMU 7.2 hangs with more than one
# riscv64 hart: QEMU 10 from bookworm-backports instead (scripts/fetch-qemu.sh).
BENCH_QEMU := $(BUILD)/deps/qemu-10/run
