/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3 as the firmware uses it (shared/ARM64-NOTES.md section 8).
 *
 * Interrupt delivery: HCR_EL2.IMO = 0, so every Group 1 interrupt goes
 * straight to the cell that runs on the CPU (no list registers, no exit to
 * deliver it). HCR_EL2.FMO = 1: Group 0 is the hypervisor's own. SGI 15 is
 * Group 0 on every CPU under the hypervisor and serves as its management
 * interrupt; cells reach only the virtual Group 0 registers.
 *
 * With FMO set, the registers common to both groups (ICC_DIR, PMR, CTLR,
 * RPR and the SGI registers) would also go to the virtual interface,
 * where they do nothing for physical interrupts. ICH_HCR_EL2.TC makes
 * them trap instead, and the firmware performs each on the physical
 * interface: SGIs only towards the sender's own cell, DIR only for
 * interrupts the cell owns, PMR never so low that it masks SGI 15.
 * The cost: one exit per interrupt for a guest that deactivates with
 * ICC_DIR_EL1 (Linux as root cell: EOImode = 1), none for one that does
 * not (the inmates), and one per IPI sent. The distributor is emulated;
 * each CPU's redistributor is mapped to the cell that owns the CPU.
 */
#ifndef _ASM_GICV3_H
#define _ASM_GICV3_H

#include <hv/types.h>

struct per_cpu;
struct cell;
struct trap_frame;

#define SGI_MANAGEMENT	15

int gicv3_global_init(void);
int gicv3_dist_init(void);
int gicv3_redist_init(void);
int gicv3_cpu_init(struct per_cpu *cpu);
void gicv3_cpu_exit(struct per_cpu *cpu);
void gicv3_setup_management_sgi(struct per_cpu *cpu);
int gicv3_map_redistributors(struct cell *cell);
void gicv3_move_redistributor(struct per_cpu *cpu, struct cell *from,
			      struct cell *to);

/** gicv3_send_management_sgi() - SGI_MANAGEMENT to @target. */
void gicv3_send_management_sgi(const struct per_cpu *target);

/** gicv3_ack_management() - acknowledge a pending Group 0 interrupt. */
void gicv3_ack_management(void);

/**
 * gicv3_handle_sysreg() - a cell accessed a trapped ICC register
 * @iss:   the ISS of the trap (which register, read or write).
 * @value: the value written; for a read, where the value goes.
 *
 * Return: true if it was a GIC register.
 */
bool gicv3_handle_sysreg(u32 iss, u64 *value);

/* Distributor and redistributor register access of @size bytes. */
u64 gicv3_reg_read(u64 addr, unsigned int size);
void gicv3_reg_write(u64 addr, unsigned int size, u64 v);
/* Replace the @mask bits of distributor word @addr, atomically w.r.t. the emulation. */
void gicv3_dist_update(u64 addr, u32 mask, u32 bits);
/* The priorities of @value (@bytes of them) as a cell may set them. */
u64 gicv3_clamp_priorities(struct cell *cell, u64 value, unsigned int bytes);

/*
 * The hand-over resets (gicv3_handover.c): the calling CPU's interface,
 * a CPU's private interrupts (SGIs and PPIs but the management SGI), and
 * a cell's shared interrupts given to it or back to the root.
 */
void gicv3_reset_cpu_interface(void);
void gicv3_reset_private_irqs(struct per_cpu *cpu);
void gicv3_hand_over_spis(struct cell *cell, bool to_cell);

#endif /* _ASM_GICV3_H */
