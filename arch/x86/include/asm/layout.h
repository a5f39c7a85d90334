/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout of hypervisor memory on x86-64. Used by C, assembly and the
 * linker script, so only preprocessor constants here.
 *
 * As on the other architectures the firmware is position independent and
 * runs identity-mapped in host mode (virtual == physical), wherever the
 * system config puts it:
 *
 *   hypervisor_phys + 0                image: text, rodata, data, bss
 *                                      (the boot table, Linux's states)
 *                   + memory_size      per-CPU areas, AXVM_PERCPU_SIZE each
 *                   + ... max_cpus     the system config as the driver wrote it
 *                   + ...              page pool, up to hypervisor_size
 *
 * Linux's code runs in it never; the only page mapped at one of Linux's
 * addresses in the firmware's tables is the driver's trampoline (entry.S).
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define AXVM_LINK_ADDRESS	0	/* position independent */
/* For hypervisor/hypervisor.lds.S. */
#define AXVM_LDS_ARCH		i386:x86-64
#define AXVM_LDS_ENTRY		entry_area
#define AXVM_ENTRY_ALIGN	64
#define AXVM_MAX_CPUS		16
#define AXVM_PAGE_SIZE		4096
/* struct per_cpu, the stack, the guest's registers at the top. */
#define AXVM_PERCPU_SIZE	0x4000
#define AXVM_FRAME_SIZE		128	/* struct guest_regs */

/* struct guest_regs offsets, for entry.S (asm/svm.h checks them). */
#define REGS_RAX		0
#define REGS_RCX		8
#define REGS_RDX		16
#define REGS_RBX		24
#define REGS_RBP		40
#define REGS_RSI		48
#define REGS_RDI		56
#define REGS_R8			64
#define REGS_R9			72
#define REGS_R10		80
#define REGS_R11		88
#define REGS_R12		96
#define REGS_R13		104
#define REGS_R14		112
#define REGS_R15		120

#endif /* _ASM_LAYOUT_H */
