# SPDX-License-Identifier: GPL-2.0
# x86_64: the host's own compiler builds everything (Debian's amd64 kernel
# is built with the same gcc-12).
CROSS_COMPILE ?=
KERNEL_ARCH := x86
QEMU := qemu-system-x86_64

# Host-mode code keeps to integer registers (the guest's FP/SSE state stays
# live in the registers across an exit), never writes below the stack
# pointer (exceptions in host mode use the same stack) and is position
# independent (the image runs 1:1 wherever the system config puts it).
# Host mode runs with Linux's CET settings: indirect branches land on
# endbr64 (kernel IBT).
HV_ARCH_CFLAGS := -mgeneral-regs-only -mno-red-zone -mcmodel=small \
	-fno-jump-tables -fcf-protection=branch
HV_ARCH_OBJS := entry.o setup.o cpu.o svm.o intercept.o paging.o traps.o uart_8250.o apic.o \
	ioapic.o guest.o mmio_decode.o handover.o
PLATFORM := qemu-x86_64

# QEMU's PC with the software CPU: AMD SVM with nested paging (TCG emulates
# no VMX). Linux keeps 768M; hypervisor memory and cells' RAM are above it
# (configs/qemu-x86_64/root.json). make check runs without -icount (QEMU
# 7.2 cannot run 4 x86 CPUs under it); make bench does, under QEMU 10.
QEMU_MACHINE := -M pc -cpu max -smp 4 -m 1G -vga none -nic none \
	-device virtio-rng-pci
QEMU_APPEND := console=ttyS0 mem=768M
QEMU_BARE_MACHINE := -M pc -cpu max -m 256M -vga none -nic none
# Debian's modules the x86 tests load (kvm_test), in load order.
GUEST_MODULES := irqbypass kvm ccp kvm-amd
# make bench runs under -icount shift=0, which QEMU 7.2 cannot do with
# more than one x86 CPU (the second never comes up): QEMU 10 from
# bookworm-backports (scripts/fetch-qemu.sh). The TSC then counts virtual
# nanoseconds.
BENCH_TICK_NS := 1
BENCH_QEMU := $(BUILD)/deps/qemu-10/run-x86_64
