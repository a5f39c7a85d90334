/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PLIC, as the riscv64 firmware drives and emulates it (plic.c).
 */
#ifndef _ASM_PLIC_H
#define _ASM_PLIC_H

#include <hv/types.h>

struct axvm_system_config;
struct per_cpu;
struct cell;

/* Register map (SiFive / RISC-V PLIC specification). */
#define PLIC_PRIORITY(src)		((u64)(src) * 4)
#define PLIC_PENDING			0x1000ull
#define PLIC_ENABLE			0x2000ull
#define PLIC_ENABLE_STRIDE		0x80ull
#define PLIC_CONTEXT			0x200000ull
#define PLIC_CONTEXT_STRIDE		0x1000ull
#define PLIC_THRESHOLD			0x0
#define PLIC_CLAIM			0x4

/* Map the PLIC for the firmware and emulate it for every cell. */
int plic_global_init(const struct axvm_system_config *sys);
void plic_cpu_exit(struct per_cpu *cpu);
/* The hart's external interrupt line: pass it to its guest. */
void plic_handle_irq(struct per_cpu *cpu);
/* A hart parks: its context is reset, its claims completed. */
void plic_cpu_reset(struct per_cpu *cpu);
/* A cell's sources go to it (@to_cell) or back to the root. */
void plic_hand_over(const struct cell *cell, bool to_cell);

#endif /* _ASM_PLIC_H */
