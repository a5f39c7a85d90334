/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout of hypervisor memory on riscv64. Used by C, assembly and the
 * linker script, so only preprocessor constants here.
 *
 * As on arm64, the firmware is position independent and, once its own
 * page tables are on, runs identity-mapped in HS-mode (virtual ==
 * physical), wherever the system config puts it:
 *
 *   hypervisor_phys + 0                image: text, rodata, data, bss
 *                   + memory_size      per-CPU areas, AXVM_PERCPU_SIZE each
 *                   + ... max_cpus     the system config as the driver wrote it
 *                   + ...              page pool, up to hypervisor_size
 *
 * Linux's code never runs in it and it never runs at one of Linux's
 * addresses: entry.S explains the switch between the two.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define AXVM_LINK_ADDRESS	0	/* position independent */
/* For hypervisor/hypervisor.lds.S. */
#define AXVM_LDS_ARCH		riscv
#define AXVM_LDS_ENTRY		boot_table
#define AXVM_ENTRY_ALIGN	4096	/* the boot table comes first */
#define AXVM_MAX_CPUS		16
#define AXVM_PAGE_SIZE		4096
#define AXVM_PERCPU_SIZE	0x4000	/* struct per_cpu, then the stack */
#define AXVM_FRAME_SIZE		320	/* struct trap_frame */

/* struct trap_frame offsets, for entry.S (asm/traps.h checks them). */
#define FRAME_REG(n)		((n) * 8)	/* x1..x31; slot 0 is sepc */
#define FRAME_SEPC		0
#define FRAME_HV_PA		(32 * 8)	/* entry: hypervisor memory PA */
#define FRAME_LANDING		(33 * 8)	/* the driver's landing (Linux VA) */
#define FRAME_SATP		(34 * 8)	/* entry: Linux's satp */
#define FRAME_STVEC		(35 * 8)	/* entry: Linux's stvec */
#define FRAME_SSCRATCH		(36 * 8)	/* entry: Linux's sscratch */
#define FRAME_SSTATUS		(37 * 8)	/* entry: Linux's sstatus */

#endif /* _ASM_LAYOUT_H */
