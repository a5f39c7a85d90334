// SPDX-License-Identifier: GPL-2.0
/*
 * The PLIC, shared by every cell and emulated for each of them.
 *
 * Without AIA there is no way to hand a hart's external interrupt to its
 * guest directly, so the hypervisor takes the line (SEIP), raises the
 * guest's VSEIP and masks its own until the guest has claimed everything
 * pending (its claim of 0). The guest's PLIC accesses trap (the PLIC is in
 * no cell's G-stage) and are filtered here: a cell sees and changes the
 * priority, pending and enable bits of its own sources only, and only the
 * S-mode contexts of its own harts; claim and complete work on the
 * calling hart's own context. Nothing reaches the M-mode contexts.
 *
 * An enable word holds the bits of several owners (the root's and cells'
 * sources, at one hart's context), and is changed by a read, a merge and a
 * write: by a guest's access here and by the hand-over on another hart. So
 * every such change holds enable_lock from the read to the write, or one
 * of them would write back a stale bit of the other's: the root's source
 * switched off again behind Linux's back, or a source that has just gone
 * to a cell left enabled at a root hart, whose claims would then take the
 * cell's interrupts (completed and dropped) from it.
 */
#include <axvm/config.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/mmio.h>
#include <hv/percpu.h>
#include <hv/spinlock.h>

#include <asm/csr.h>
#include <asm/irq.h>
#include <asm/layout.h>
#include <asm/plic.h>

static const struct axvm_plic *plic;
/* The root's configuration of a source while a cell owns it. */
static u32 saved_priority[ARCH_NUM_IRQS];
static u64 saved_enabled_harts[ARCH_NUM_IRQS];	/* bit n: hart id n */
static spinlock_t enable_lock;

static volatile u32 *reg(u64 offset)
{
	return (volatile u32 *)(uintptr_t)(plic->base + offset);
}

static u64 s_context(u64 hartid)
{
	return hartid * plic->hart_contexts + plic->s_context;
}

static u64 enable_word(u64 ctx, unsigned int src)
{
	return PLIC_ENABLE + ctx * PLIC_ENABLE_STRIDE + (src / 32) * 4;
}

static u64 context_reg(u64 ctx, u64 which)
{
	return PLIC_CONTEXT + ctx * PLIC_CONTEXT_STRIDE + which;
}

static bool source_of(const struct cell *cell, unsigned int src)
{
	return src && src <= plic->num_sources && cell_owns_irq(cell, src);
}

/* The bits of enable or pending word @word that are @cell's sources. */
static u32 owned_bits(const struct cell *cell, unsigned int word)
{
	u32 bits = 0;
	unsigned int i;

	for (i = 0; i < 32; i++)
		if (source_of(cell, word * 32 + i))
			bits |= 1u << i;
	return bits;
}

/* The hart whose S-mode context @ctx is, if it belongs to @cell. */
static struct per_cpu *context_owner(const struct cell *cell, u64 ctx)
{
	struct per_cpu *cpu;

	if (ctx % plic->hart_contexts != plic->s_context)
		return NULL;	/* M-mode's */
	cpu = cpu_by_hw_id(ctx / plic->hart_contexts);
	return cpu && cpu->cell == cell ? cpu : NULL;
}

static void mark_claimed(struct per_cpu *cpu, u32 src, bool claimed)
{
	u64 bit = 1ull << (src % 64);

	if (claimed)
		cpu->arch.claimed[src / 64] |= bit;
	else
		cpu->arch.claimed[src / 64] &= ~bit;
}

static bool is_claimed(const struct per_cpu *cpu, u32 src)
{
	return (cpu->arch.claimed[src / 64] >> (src % 64)) & 1;
}

/*
 * The guest's claim: the next of its sources, or 0 when none is left, at
 * which point its VSEIP goes and our line is let in again. A source that
 * is not the cell's (left enabled by its last owner in a race with the
 * hand-over) is completed and dropped.
 */
static u32 claim(struct per_cpu *cpu)
{
	u64 ctx = s_context(cpu->arch.hartid);

	for (;;) {
		u32 src = *reg(context_reg(ctx, PLIC_CLAIM));

		if (!src) {
			csr_clear(hvip, IP_VSEIP);
			csr_set(sie, IE_SEIE);
			return 0;
		}
		if (source_of(cpu->cell, src)) {
			mark_claimed(cpu, src, true);
			return src;
		}
		*reg(context_reg(ctx, PLIC_CLAIM)) = src;
	}
}

static void complete(struct per_cpu *cpu, u32 src)
{
	if (src >= ARCH_NUM_IRQS || !is_claimed(cpu, src))
		return;
	mark_claimed(cpu, src, false);
	*reg(context_reg(s_context(cpu->arch.hartid), PLIC_CLAIM)) = src;
}

static void context_access(struct cell *cell, struct mmio_access *a,
			   u64 offset)
{
	u64 ctx = (offset - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE;
	u64 which = (offset - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
	struct per_cpu *owner = context_owner(cell, ctx), *cpu = this_cpu();

	a->value = a->write ? a->value : 0;
	if (!owner)
		return;
	if (which == PLIC_THRESHOLD) {
		if (a->write)
			*reg(offset) = (u32)a->value;
		else
			a->value = *reg(offset);
	} else if (which == PLIC_CLAIM && owner == cpu) {
		if (a->write)
			complete(cpu, (u32)a->value);
		else
			a->value = claim(cpu);
	}
}

static void enable_access(struct cell *cell, struct mmio_access *a, u64 offset)
{
	u64 ctx = (offset - PLIC_ENABLE) / PLIC_ENABLE_STRIDE;
	unsigned int word = (unsigned int)((offset - PLIC_ENABLE) % PLIC_ENABLE_STRIDE) / 4;
	u32 mine;

	if (!context_owner(cell, ctx)) {
		a->value = a->write ? a->value : 0;
		return;
	}
	mine = owned_bits(cell, word);
	if (a->write) {
		spin_lock(&enable_lock);
		*reg(offset) = (*reg(offset) & ~mine) | ((u32)a->value & mine);
		spin_unlock(&enable_lock);
	} else {
		a->value = *reg(offset) & mine;
	}
}

static enum mmio_result plic_mmio(struct cell *cell, struct mmio_access *a,
				  u64 offset, void *arg)
{
	(void)arg;
	if (a->size != 4 || (offset & 3)) {
		a->value = 0;	/* the PLIC has 32-bit registers only */
		return MMIO_HANDLED;
	}
	if (offset < PLIC_PENDING) {
		if (!source_of(cell, (unsigned int)(offset / 4)))
			a->value = a->write ? a->value : 0;
		else if (a->write)
			*reg(offset) = (u32)a->value;
		else
			a->value = *reg(offset);
	} else if (offset < PLIC_ENABLE) {
		if (!a->write)
			a->value = *reg(offset) &
				   owned_bits(cell, (unsigned int)(offset - PLIC_PENDING) / 4);
	} else if (offset < PLIC_CONTEXT) {
		enable_access(cell, a, offset);
	} else {
		context_access(cell, a, offset);
	}
	return MMIO_HANDLED;
}

int plic_global_init(const struct axvm_system_config *sys)
{
	plic = &sys->system.platform.arch.plic;
	return mmio_register(plic->base, plic->size, plic_mmio, NULL);
}

void plic_cpu_exit(struct per_cpu *cpu)
{
	/* Linux completes what it claimed itself, at its own context. */
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cpu->arch.claimed); i++)
		cpu->arch.claimed[i] = 0;
}

void plic_handle_irq(struct per_cpu *cpu)
{
	(void)cpu;
	csr_set(hvip, IP_VSEIP);
	csr_clear(sie, IE_SEIE);
}

void plic_cpu_reset(struct per_cpu *cpu)
{
	u64 ctx = s_context(cpu->arch.hartid);
	unsigned int src, word;

	for (src = 1; src < ARCH_NUM_IRQS; src++)
		if (is_claimed(cpu, src))
			complete(cpu, src);
	spin_lock(&enable_lock);
	for (word = 0; word <= plic->num_sources / 32; word++)
		*reg(enable_word(ctx, word * 32)) = 0;
	spin_unlock(&enable_lock);
	*reg(context_reg(ctx, PLIC_THRESHOLD)) = 0;
}

/* Every hart's S-mode context: off for @src; who had it on, as a mask. */
static u64 disable_everywhere(unsigned int src)
{
	u64 harts = 0;
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);
		u64 word, bit = 1u << (src % 32);

		if (!__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE))
			continue;
		if (is_claimed(cpu, src))	/* a claim in flight ends */
			complete(cpu, src);
		word = enable_word(s_context(cpu->arch.hartid), src);
		spin_lock(&enable_lock);
		if (*reg(word) & bit)
			harts |= 1ull << (cpu->arch.hartid % 64);
		*reg(word) &= ~(u32)bit;
		spin_unlock(&enable_lock);
	}
	return harts;
}

static void restore_enables(unsigned int src, u64 harts)
{
	unsigned int i;

	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (!__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE) ||
		    cpu->cell != &root_cell || !((harts >> (cpu->arch.hartid % 64)) & 1))
			continue;
		spin_lock(&enable_lock);
		*reg(enable_word(s_context(cpu->arch.hartid), src)) |= 1u << (src % 32);
		spin_unlock(&enable_lock);
	}
}

void plic_hand_over(const struct cell *cell, bool to_cell)
{
	const struct axvm_irq_range *r = axvm_cell_irq_ranges(cell->desc);
	unsigned int i, src;

	for (i = 0; i < cell->desc->num_irq_ranges; i++) {
		for (src = r[i].first; src - r[i].first < r[i].count &&
		     src <= plic->num_sources; src++) {
			u32 priority = *reg(PLIC_PRIORITY(src));
			u64 harts;

			*reg(PLIC_PRIORITY(src)) = 0;	/* never presented */
			harts = disable_everywhere(src);
			if (to_cell) {
				saved_priority[src] = priority;
				saved_enabled_harts[src] = harts;
			} else {
				*reg(PLIC_PRIORITY(src)) = saved_priority[src];
				restore_enables(src, saved_enabled_harts[src]);
			}
		}
	}
}
