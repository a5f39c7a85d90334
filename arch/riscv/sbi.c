// SPDX-License-Identifier: GPL-2.0
/*
 * The SBI a guest sees. The hypervisor is the SBI implementation for the
 * root and the cells: it answers what decides who owns a hart (HSM), whom
 * a hart may reach (IPI, RFENCE: only harts of the caller's cell) and
 * what ends a cell (SRST), and passes the root's harmless calls on to the
 * platform's SBI. A cell gets nothing of the platform's own: no console
 * of its own, no PMU, no calls that take physical addresses.
 */
#include <axvm/arch/riscv64/hypercall.h>
#include <axvm/cell.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/csr.h>
#include <asm/sbi.h>
#include <asm/timer.h>
#include <asm/traps.h>

#define SBI_SPEC_VERSION_2_0	((2ul << 24) | 0)

struct sbi_ret sbi_call(u64 ext, u64 fid, u64 a0, u64 a1, u64 a2, u64 a3,
			u64 a4, u64 a5)
{
	return sbi_ecall(ext, fid, a0, a1, a2, a3, a4, a5);
}

void sbi_send_ipi_hart(u64 hartid)
{
	sbi_call(SBI_EXT_IPI, SBI_IPI_SEND, 1, hartid, 0, 0, 0, 0);
}

/* The caller's hart @hartid if it belongs to the caller's cell. */
static struct per_cpu *cell_hart(u64 hartid)
{
	struct per_cpu *cpu = cpu_by_hw_id(hartid);

	return cpu && cpu->cell == this_cpu()->cell ? cpu : NULL;
}

/*
 * May the caller name @hartid? A hart of its cell, or, for the root, a
 * hart not under the hypervisor yet (while it is being enabled, Linux's
 * CPUs enter one at a time; cells' harts are always under it).
 */
static bool may_reach(u64 hartid)
{
	return cell_hart(hartid) ||
	       (this_cpu()->cell == &root_cell && !cpu_by_hw_id(hartid));
}

static bool names_hart(u64 mask, u64 base, u64 hart)
{
	return base == SBI_HART_MASK_ALL ||
	       (hart >= base && hart - base < 64 && ((mask >> (hart - base)) & 1));
}

/*
 * Call @fn for every hart of the caller's cell that the SBI hart mask
 * (@mask, @base) names, and @outside for each one the root names that is
 * not under the hypervisor yet. A mask naming a hart the caller may not
 * reach is refused with nothing done, as the SBI specification wants for
 * invalid harts.
 */
static long for_each_cell_hart(u64 mask, u64 base,
			       void (*fn)(struct per_cpu *, void *),
			       void (*outside)(u64 hartid, void *), void *arg)
{
	struct cell *cell = this_cpu()->cell;
	unsigned int i;

	if (base != SBI_HART_MASK_ALL) {
		for (i = 0; i < 64; i++)
			if (((mask >> i) & 1) && !may_reach(base + i))
				return SBI_ERR_INVALID_PARAM;
		for (i = 0; i < 64; i++)
			if (((mask >> i) & 1) && !cpu_by_hw_id(base + i))
				outside(base + i, arg);
	}
	for (i = 0; i < AXVM_MAX_CPUS; i++) {
		struct per_cpu *cpu = per_cpu(i);

		if (__atomic_load_n(&cpu->active, __ATOMIC_ACQUIRE) &&
		    cpu->cell == cell && names_hart(mask, base, cpu->arch.hartid))
			fn(cpu, arg);
	}
	return SBI_SUCCESS;
}

/* A hart of Linux's still outside: the platform's IPI reaches Linux. */
static void send_ipi_outside(u64 hartid, void *arg)
{
	(void)arg;
	sbi_send_ipi_hart(hartid);
}

static void send_ipi(struct per_cpu *target, void *arg)
{
	(void)arg;
	if (target == this_cpu()) {
		csr_set(hvip, IP_VSSIP);
		return;
	}
	__atomic_store_n(&target->arch.guest_ipi, 1, __ATOMIC_RELEASE);
	sbi_send_ipi_hart(target->arch.hartid);
}

struct fence_request {
	u64 fid, start, size, asid;
};

/*
 * A guest's remote sfence.vma is about its own VS-stage: on the target it
 * is hfence.vvma for the target's VMID, which is the caller's (the same
 * cell), as an M-mode sfence.vma would not reach VS translations.
 */
static void remote_fence(struct per_cpu *target, void *arg)
{
	const struct fence_request *r = arg;
	u64 fid = r->fid == SBI_RFENCE_SFENCE_VMA ? SBI_RFENCE_HFENCE_VVMA :
		  r->fid == SBI_RFENCE_SFENCE_VMA_ASID ? SBI_RFENCE_HFENCE_VVMA_ASID :
		  SBI_RFENCE_FENCE_I;

	sbi_call(SBI_EXT_RFENCE, fid, 1, target->arch.hartid, r->start,
		 r->size, r->asid, 0);
}

/* Linux's own hart, still outside: its fence is the one it asked for. */
static void remote_fence_outside(u64 hartid, void *arg)
{
	const struct fence_request *r = arg;

	sbi_call(SBI_EXT_RFENCE, r->fid, 1, hartid, r->start, r->size, r->asid, 0);
}

static long rfence(const struct trap_frame *f, u64 fid)
{
	struct fence_request r = {
		.fid = fid, .start = f->x[REG_A2], .size = f->x[REG_A3],
		.asid = f->x[REG_A4],
	};

	if (fid > SBI_RFENCE_SFENCE_VMA_ASID)
		return SBI_ERR_NOT_SUPPORTED;	/* guests have no H extension */
	return for_each_cell_hart(f->x[REG_A0], f->x[REG_A1], remote_fence,
				  remote_fence_outside, &r);
}

static struct sbi_ret hsm(const struct trap_frame *f, u64 fid)
{
	struct cell *cell = this_cpu()->cell;
	struct per_cpu *target;

	if (fid == SBI_HSM_HART_STOP)
		cpu_park(this_cpu());	/* does not return */
	if (fid != SBI_HSM_HART_START && fid != SBI_HSM_HART_GET_STATUS)
		return (struct sbi_ret){ SBI_ERR_NOT_SUPPORTED, 0 };
	target = cell_hart(f->x[REG_A0]);
	if (!target)
		return (struct sbi_ret){ SBI_ERR_INVALID_PARAM, 0 };
	if (fid == SBI_HSM_HART_GET_STATUS) {
		switch (__atomic_load_n(&target->power, __ATOMIC_ACQUIRE)) {
		case CPU_PARKED:
			return (struct sbi_ret){ 0, SBI_HSM_STATE_STOPPED };
		case CPU_STARTING:
			return (struct sbi_ret){ 0, SBI_HSM_STATE_START_PENDING };
		default:
			return (struct sbi_ret){ 0, SBI_HSM_STATE_STARTED };
		}
	}
	if (cell != &root_cell &&
	    (__atomic_load_n(&cell->stopping, __ATOMIC_ACQUIRE) ||
	     cell->state != AXVM_CELL_STATE_RUNNING))
		return (struct sbi_ret){ SBI_ERR_DENIED, 0 };
	if (cpu_start(target, f->x[REG_A1], f->x[REG_A2]))
		return (struct sbi_ret){ SBI_ERR_ALREADY_AVAILABLE, 0 };
	return (struct sbi_ret){ 0, 0 };
}

/*
 * The root's calls the platform may answer: nothing that takes a physical
 * address (DBCN, the PMU's snapshot area, SUSP...), which would let the
 * platform's firmware read or write hypervisor memory for it.
 */
static bool root_may_forward(u64 ext, u64 fid)
{
	return ext == SBI_EXT_LEGACY_PUTCHAR || ext == SBI_EXT_LEGACY_GETCHAR ||
	       (ext == SBI_EXT_PMU && fid != SBI_PMU_SNAPSHOT_SET_SHMEM);
}

/* What this SBI offers the calling cell. */
static long probe(u64 ext)
{
	bool root = this_cpu()->cell == &root_cell;

	switch (ext) {
	case SBI_EXT_BASE:
	case SBI_EXT_TIME:
	case SBI_EXT_IPI:
	case SBI_EXT_RFENCE:
	case SBI_EXT_HSM:
	case SBI_EXT_SRST:
	case AXVM_RISCV64_SBI_EXT:
	case SBI_EXT_LEGACY_PUTCHAR:
		return 1;
	default:
		if (root && root_may_forward(ext, 0))
			return sbi_call3(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, ext, 0, 0).value;
		return 0;
	}
}

static struct sbi_ret base(const struct trap_frame *f, u64 fid)
{
	switch (fid) {
	case SBI_BASE_GET_SPEC_VERSION:
		return (struct sbi_ret){ 0, SBI_SPEC_VERSION_2_0 };
	case SBI_BASE_PROBE_EXT:
		return (struct sbi_ret){ 0, probe(f->x[REG_A0]) };
	case SBI_BASE_GET_IMP_ID:
	case SBI_BASE_GET_IMP_VERSION:
	case SBI_BASE_GET_MVENDORID:
	case SBI_BASE_GET_MARCHID:
	case SBI_BASE_GET_MIMPID:
		return sbi_call3(SBI_EXT_BASE, fid, 0, 0, 0);
	default:
		return (struct sbi_ret){ SBI_ERR_NOT_SUPPORTED, 0 };
	}
}

static struct sbi_ret handle_ext(struct trap_frame *f, u64 ext, u64 fid)
{
	bool root = this_cpu()->cell == &root_cell;

	switch (ext) {
	case SBI_EXT_BASE:
		return base(f, fid);
	case SBI_EXT_HSM:
		return hsm(f, fid);
	case SBI_EXT_IPI:
		if (fid != SBI_IPI_SEND)
			return (struct sbi_ret){ SBI_ERR_NOT_SUPPORTED, 0 };
		return (struct sbi_ret){ for_each_cell_hart(f->x[REG_A0], f->x[REG_A1],
							    send_ipi, send_ipi_outside,
							    NULL), 0 };
	case SBI_EXT_RFENCE:
		return (struct sbi_ret){ rfence(f, fid), 0 };
	case SBI_EXT_TIME:
		if (fid != SBI_TIME_SET_TIMER)
			return (struct sbi_ret){ SBI_ERR_NOT_SUPPORTED, 0 };
		/* fall through */
	case SBI_EXT_LEGACY_SET_TIMER:
		timer_guest_set(f->x[REG_A0]);
		return (struct sbi_ret){ 0, 0 };
	case SBI_EXT_SRST:
		if (!root)
			cell_shutdown_self();	/* a cell's "system" is itself */
		printk("root cell: system reset (type %llu)\n",
		       (unsigned long long)f->x[REG_A0]);
		return sbi_call3(ext, fid, f->x[REG_A0], f->x[REG_A1], 0);
	case SBI_EXT_LEGACY_PUTCHAR:
		if (!root) {
			hypercall(AXVM_HC_CONSOLE_PUTC, f->x[REG_A0], 0);
			return (struct sbi_ret){ 0, 0 };
		}
		/* fall through */
	default:
		if (root && root_may_forward(ext, fid))
			return sbi_call(ext, fid, f->x[REG_A0], f->x[REG_A1],
					f->x[REG_A2], f->x[REG_A3], f->x[REG_A4],
					f->x[REG_A5]);
		return (struct sbi_ret){ SBI_ERR_NOT_SUPPORTED, 0 };
	}
}

void sbi_handle(struct trap_frame *f)
{
	struct per_cpu *cpu = this_cpu();
	u64 ext = f->x[REG_A7], fid = f->x[REG_A6];
	struct sbi_ret r;

	if (ext == AXVM_RISCV64_SBI_EXT) {
		cpu->stats[EXIT_HYPERCALL]++;
		f->x[REG_A0] = (u64)hypercall(fid, f->x[REG_A0], f->x[REG_A1]);
		f->x[REG_A1] = 0;
		return;
	}
	cpu->stats[AXVM_EXIT_RISCV64_SBI]++;
	r = handle_ext(f, ext, fid);
	f->x[REG_A0] = (u64)r.error;
	f->x[REG_A1] = (u64)r.value;
}
