/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout of hypervisor memory. Used by C, assembly and the linker
 * script, so only preprocessor constants here.
 *
 * The firmware is position independent and runs identity-mapped at EL2
 * (virtual == physical), wherever the system config puts it:
 *
 *   hypervisor_phys + 0                image: text, rodata, data, bss
 *                   + memory_size      per-CPU areas, AXVM_PERCPU_SIZE each
 *                   + ... max_cpus     the system config as the driver wrote it
 *                   + ...              page pool, up to hypervisor_size
 *
 * Identity mapping makes turning the EL2 MMU on and off a non-event: no
 * code has to move between two addresses.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define AXVM_LINK_ADDRESS	0	/* position independent */
/* For hypervisor/hypervisor.lds.S. */
#define AXVM_LDS_ARCH		aarch64
#define AXVM_LDS_ENTRY		bootstrap_vectors
#define AXVM_ENTRY_ALIGN	2048
#define AXVM_MAX_CPUS		16
#define AXVM_PAGE_SIZE		4096
#define AXVM_PERCPU_SIZE	0x4000	/* struct per_cpu, then the stack */
#define AXVM_FRAME_SIZE		256	/* struct trap_frame */

#endif /* _ASM_LAYOUT_H */
