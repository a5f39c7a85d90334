// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell on riscv64: everything a cell can reach of the PLIC and
 * of the SBI, with values meant to hurt the root or to outlive the cell.
 * Then it leaves its own hart as dirty as it can (its PLIC source enabled
 * at top priority, FP registers full, its timer in the past and a software
 * interrupt pending with every interrupt enabled but the global one,
 * scounteren and senvcfg written) and spins without ever trapping. The
 * selftest (tests/selftests/riscv/hostile_test.c) checks that the root saw
 * none of it and that destroy cleans it all up, quickly.
 *
 * QEMU virt's PLIC: 95 sources, two contexts per hart (M-mode 2h, S-mode
 * 2h + 1). Every register access is a single aligned lw/sw (or, once, an
 * ld/sd: mmio_read32() and the like), so that the hypervisor can decode
 * it: an access it cannot decode would end the cell instead of testing the
 * emulation.
 */
#include <axvm/arch/riscv64/hypercall.h>
#include <inmate.h>
#include <lib/sbi.h>

#define PLIC			0x0c000000ul
#define PLIC_SOURCES		95	/* riscv,ndev */
#define PLIC_PRIORITY_WORDS	1024	/* source 0 (none) to 1023 */
#define PLIC_PENDING		0x1000ul
#define PLIC_ENABLE		0x2000ul
#define PLIC_ENABLE_STRIDE	0x80ul
#define PLIC_WORDS		32	/* of pending and enable bits: 1024 sources */
#define PLIC_CONTEXT		0x200000ul
#define PLIC_CONTEXT_STRIDE	0x1000ul
#define PLIC_THRESHOLD		0
#define PLIC_CLAIM		4
#define PLIC_CONTEXTS		8	/* 4 harts, M and S each */
#define PLIC_TOP_PRIORITY	7
#define OWN_SOURCE		20	/* hostile.json's: nothing on QEMU virt uses it */
#define HARTS			4
#define ROOT_RAM		0x80000000ul	/* physical: Linux's first page */
#define HYPERVISOR_MEMORY	0xb0000000ul
#define OWN_RAM_SIZE		0x1000000ul	/* hostile.json: 16 MiB from INMATE_RAM_BASE */
#define RANDOM_CALLS		2000
#define MAX_REPORTED		16

/* By number: the assembler knows these by name only with F or newer -march. */
#define CSR_FCSR		0x003
#define CSR_SENVCFG		0x10a
#define CSR_STIMECMP		0x14d
#define SSTATUS_FS		(3ul << 13)
#define SIP_SSIP		(1ul << IPI_IRQ)
#define SIE_ALL			(SIP_SSIP | 1ul << TIMER_IRQ | 1ul << EXTERNAL_IRQ)

#define __str(x)	#x
#define csr_read(csr) ({ unsigned long __v; \
	asm volatile("csrr %0, " __str(csr) : "=r"(__v) : : "memory"); __v; })
#define csr_write(csr, v) \
	asm volatile("csrw " __str(csr) ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csr_set(csr, v) \
	asm volatile("csrs " __str(csr) ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csr_clear(csr, v) \
	asm volatile("csrc " __str(csr) ", %0" : : "r"((unsigned long)(v)) : "memory")

static unsigned long priority_reg(unsigned int src)
{
	return PLIC + 4ul * src;
}

static unsigned long enable_reg(unsigned int ctx, unsigned int word)
{
	return PLIC + PLIC_ENABLE + ctx * PLIC_ENABLE_STRIDE + 4ul * word;
}

static unsigned long context_reg(unsigned int ctx, unsigned long which)
{
	return PLIC + PLIC_CONTEXT + ctx * PLIC_CONTEXT_STRIDE + which;
}

static unsigned int own_context(void)
{
	return (unsigned int)cpu_hw_id() * 2 + 1;
}

/* The bit of enable or pending word @word that is the cell's source. */
static u32 own_bit(unsigned int word)
{
	return word == OWN_SOURCE / 32 ? 1u << (OWN_SOURCE % 32) : 0;
}

/*
 * Every priority to the top, every pending and enable word of every
 * context set, every threshold 0 and then 7 (what masks a hart's
 * interrupts), a claim at every context and a complete of every source at
 * every context, and one 8-byte access over the cell's source and the
 * root's next one.
 */
static void attack_plic(void)
{
	unsigned int src, ctx, word, writes = 0;
	u32 claims = 0;
	u64 wide;

	for (src = 0; src < PLIC_PRIORITY_WORDS; src++, writes++)
		mmio_write32(priority_reg(src), PLIC_TOP_PRIORITY);
	for (word = 0; word < PLIC_WORDS; word++, writes++)
		mmio_write32(PLIC + PLIC_PENDING + 4ul * word, ~0u);
	for (ctx = 0; ctx < PLIC_CONTEXTS; ctx++) {
		for (word = 0; word < PLIC_WORDS; word++, writes++)
			mmio_write32(enable_reg(ctx, word), ~0u);
		mmio_write32(context_reg(ctx, PLIC_THRESHOLD), 0);
		mmio_write32(context_reg(ctx, PLIC_THRESHOLD), PLIC_TOP_PRIORITY);
		writes += 2;
	}
	for (ctx = 0; ctx < PLIC_CONTEXTS; ctx++)
		claims |= mmio_read32(context_reg(ctx, PLIC_CLAIM));
	for (ctx = 0; ctx < PLIC_CONTEXTS; ctx++)
		for (src = 0; src <= PLIC_SOURCES; src++, writes++)
			mmio_write32(context_reg(ctx, PLIC_CLAIM), src);
	mmio_write64(priority_reg(OWN_SOURCE), 0x0000000700000007ull);
	wide = mmio_read64(priority_reg(OWN_SOURCE));
	printk("hostile: plic: %u writes, claims OR %u, 8-byte read 0x%llx\n",
	       writes, claims, (unsigned long long)wide);
}

/* Everything the cell can read of the PLIC that is not its own, counted. */
static void report_plic_view(void)
{
	unsigned int src, ctx, word, outside = 0, own = own_context();

	for (src = 0; src < PLIC_PRIORITY_WORDS; src++)
		outside += src != OWN_SOURCE && mmio_read32(priority_reg(src));
	for (word = 0; word < PLIC_WORDS; word++)
		outside += !!(mmio_read32(PLIC + PLIC_PENDING + 4ul * word) & ~own_bit(word));
	for (ctx = 0; ctx < PLIC_CONTEXTS; ctx++) {
		for (word = 0; word < PLIC_WORDS; word++)
			outside += !!(mmio_read32(enable_reg(ctx, word)) &
				      ~(ctx == own ? own_bit(word) : 0));
		outside += ctx != own && mmio_read32(context_reg(ctx, PLIC_THRESHOLD));
	}
	printk("hostile: plic: its view: source %u priority %u, enabled at context %u 0x%x, threshold %u; %u values outside its own\n",
	       OWN_SOURCE, mmio_read32(priority_reg(OWN_SOURCE)), own,
	       mmio_read32(enable_reg(own, OWN_SOURCE / 32)),
	       mmio_read32(context_reg(own, PLIC_THRESHOLD)), outside);
}

/* Calls that named something outside the cell, and those that worked. */
static unsigned int checked, not_refused;

/*
 * A call that names something outside the cell (another hart, physical
 * memory, the platform): it must come back with an SBI error. Legacy
 * extensions answer in a0 alone, negative for an error, as well.
 */
static struct sbi_ret must_refuse(u64 ext, u64 fid, const u64 *a)
{
	struct sbi_ret r = sbi_ecall(ext, fid, a[0], a[1], a[2], a[3], a[4], a[5]);

	checked++;
	if (r.error < 0)
		return r;
	if (not_refused++ < MAX_REPORTED)
		printk("hostile: sbi: not refused: ext 0x%llx fid 0x%llx (0x%llx, 0x%llx, 0x%llx) -> %ld, 0x%lx\n",
		       (unsigned long long)ext, (unsigned long long)fid,
		       (unsigned long long)a[0], (unsigned long long)a[1],
		       (unsigned long long)a[2], r.error, (unsigned long)r.value);
	return r;
}

static void refuse2(u64 ext, u64 fid, u64 a0, u64 a1)
{
	const u64 a[6] = { a0, a1 };

	must_refuse(ext, fid, a);
}

/* Does the SBI hart mask (@mask, @base) name a hart that is not ours? */
static bool names_foreign(u64 mask, u64 base)
{
	unsigned int i;

	if (base == SBI_HART_MASK_ALL)
		return false;	/* every hart of the caller's own */
	for (i = 0; i < 64; i++)
		if (((mask >> i) & 1) && base + i != cpu_hw_id())
			return true;
	return false;
}

/*
 * A legacy call's hart mask is in memory: none (0) is every hart of the
 * caller's; one outside the cell's RAM is not the cell's to give.
 */
static bool legacy_names_foreign(u64 mask_address)
{
	if (!mask_address)
		return false;
	if (mask_address < INMATE_RAM_BASE || mask_address & 7 ||
	    mask_address - INMATE_RAM_BASE >= OWN_RAM_SIZE)
		return true;
	return names_foreign(*(const u64 *)(uintptr_t)mask_address, 0);
}

/* A software interrupt is pending at this hart; take it away. */
static bool take_own_ipi(void)
{
	bool pending = csr_read(sip) & SIP_SSIP;

	csr_clear(sip, SIP_SSIP);
	return pending;
}

static void attack_ipis_and_fences(void)
{
	const u64 own = cpu_hw_id(), everyone = 0xf;
	u64 fid, hart;
	bool via_all, via_mixed;

	take_own_ipi();
	refuse2(SBI_EXT_IPI, SBI_IPI_SEND, everyone, 0);
	via_mixed = take_own_ipi();	/* refused: nothing sent, to anyone */
	for (hart = 0; hart <= HARTS; hart++) {	/* the last one does not exist */
		if (hart == own)
			continue;
		refuse2(SBI_EXT_IPI, SBI_IPI_SEND, 1, hart);
		refuse2(SBI_EXT_IPI, SBI_IPI_SEND, 1ull << hart, 0);
	}
	refuse2(SBI_EXT_IPI, SBI_IPI_SEND, 1, 1000);
	take_own_ipi();
	sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND, 0, SBI_HART_MASK_ALL, 0, 0, 0, 0);
	via_all = take_own_ipi();
	for (fid = SBI_RFENCE_FENCE_I; fid <= SBI_RFENCE_HFENCE_VVMA; fid++) {
		const u64 a[6] = { everyone, 0, 0, -1ull, 0 };

		must_refuse(SBI_EXT_RFENCE, fid, a);
		for (hart = 0; hart < HARTS; hart++) {
			const u64 alone[6] = { 1, hart, 0, -1ull, 0 };

			if (hart != own)
				must_refuse(SBI_EXT_RFENCE, fid, alone);
		}
	}
	printk("hostile: sbi: IPI to every hart (base -1) reached its own: %s; one naming its own and others: %s\n",
	       via_all ? "yes" : "no", via_mixed ? "sent" : "not sent");
}

static void attack_hsm_and_memory(void)
{
	const u64 to_root[6] = { 64, ROOT_RAM, 0 };
	const u64 to_hypervisor[6] = { 64, HYPERVISOR_MEMORY, 0 };
	u64 hart;

	for (hart = 0; hart <= HARTS; hart++) {
		const u64 start[6] = { hart, INMATE_LOAD_ADDRESS, 0 };

		if (hart == cpu_hw_id())
			continue;
		must_refuse(SBI_EXT_HSM, SBI_HSM_HART_START, start);
		must_refuse(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, start);
	}
	must_refuse(SBI_EXT_DBCN, SBI_DBCN_WRITE, to_root);
	must_refuse(SBI_EXT_DBCN, SBI_DBCN_WRITE, to_hypervisor);
	must_refuse(SBI_EXT_DBCN, SBI_DBCN_READ, to_root);
	must_refuse(SBI_EXT_DBCN, SBI_DBCN_READ, to_hypervisor);
}

/* Every PMU function, counters 0-63: they count the hypervisor too. */
static void attack_pmu(void)
{
	u64 fid;

	for (fid = 0; fid <= SBI_PMU_LAST; fid++) {
		const u64 a[6] = { fid == SBI_PMU_SNAPSHOT_SET_SHMEM ? HYPERVISOR_MEMORY : 0,
				   -1ull, 0, 0, 0 };

		must_refuse(SBI_EXT_PMU, fid, a);
	}
}

/* SBI v0.1, putchar aside: the hart masks are in memory. */
static void attack_legacy(void)
{
	static u64 everyone = 0xf;
	const u64 mask[6] = { (u64)(uintptr_t)&everyone, 0, -1ull, 0 };
	const u64 none[6] = { 0 };
	u64 ext;

	sbi_ecall(SBI_EXT_LEGACY_SET_TIMER, 0, -1ull, 0, 0, 0, 0, 0);	/* its own */
	sbi_ecall(SBI_EXT_LEGACY_CLEAR_IPI, 0, 0, 0, 0, 0, 0, 0);	/* its own */
	must_refuse(SBI_EXT_LEGACY_GETCHAR, 0, none);	/* the root's input */
	for (ext = SBI_EXT_LEGACY_SEND_IPI; ext <= SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID; ext++)
		must_refuse(ext, 0, mask);
	must_refuse(SBI_EXT_LEGACY_SHUTDOWN, 0, none);	/* the machine */
}

/* The extensions a hostile caller tries first. */
static const u64 tricky[] = {
	SBI_EXT_LEGACY_SET_TIMER, SBI_EXT_LEGACY_GETCHAR, SBI_EXT_LEGACY_CLEAR_IPI,
	SBI_EXT_LEGACY_SEND_IPI, SBI_EXT_LEGACY_REMOTE_FENCE_I,
	SBI_EXT_LEGACY_REMOTE_SFENCE_VMA, SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID,
	SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM,
	SBI_EXT_PMU, SBI_EXT_DBCN, SBI_EXT_SUSP, SBI_EXT_CPPC, SBI_EXT_NACL,
	SBI_EXT_STA, SBI_EXT_FWFT, SBI_EXT_DBTR, SBI_EXT_MPXY,
	SBI_EXT_EXPERIMENTAL_FIRST, SBI_EXT_VENDOR_FIRST, SBI_EXT_FIRMWARE_FIRST,
};

static void attack_base(void)
{
	unsigned int i, offered = 0;

	for (i = 0; i < ARRAY_SIZE(tricky); i++)
		offered += sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, tricky[i],
				     0, 0, 0, 0, 0).value != 0;
	printk("hostile: sbi: spec version 0x%lx, %u of %u extensions probed are offered\n",
	       sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0, 0, 0, 0).value,
	       offered, (unsigned int)ARRAY_SIZE(tricky));
}

/*
 * May this call succeed? Only if it is about the cell itself: its timer,
 * its own harts, the SBI's own answers. Anything else names another hart,
 * physical memory or the platform, and an extension nobody offers must
 * be refused as well.
 */
static bool names_outside(u64 ext, u64 fid, const u64 *a)
{
	switch (ext) {
	case SBI_EXT_BASE:
	case SBI_EXT_TIME:
	case SBI_EXT_LEGACY_SET_TIMER:
	case SBI_EXT_LEGACY_CLEAR_IPI:
		return false;
	case SBI_EXT_LEGACY_SEND_IPI:
	case SBI_EXT_LEGACY_REMOTE_FENCE_I:
	case SBI_EXT_LEGACY_REMOTE_SFENCE_VMA:
	case SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID:
		return legacy_names_foreign(a[0]);
	case SBI_EXT_IPI:
		return names_foreign(a[0], a[1]);
	case SBI_EXT_RFENCE:	/* hfence: the hypervisor's translations */
		return fid > SBI_RFENCE_SFENCE_VMA_ASID || names_foreign(a[0], a[1]);
	case SBI_EXT_HSM:
		return (fid == SBI_HSM_HART_START || fid == SBI_HSM_HART_GET_STATUS) &&
		       a[0] != cpu_hw_id();
	case SBI_EXT_DBCN:
		return fid != SBI_DBCN_WRITE_BYTE;
	default:
		return true;
	}
}

/* What ends or fails the cell, which the random calls leave out. */
static bool ends_the_cell(u64 ext, u64 fid)
{
	return ext == SBI_EXT_SRST || ext == AXVM_RISCV64_SBI_EXT ||
	       ext == SBI_EXT_LEGACY_SHUTDOWN || ext == SBI_EXT_LEGACY_PUTCHAR ||
	       (ext == SBI_EXT_HSM && fid == SBI_HSM_HART_STOP);
}

/* Mostly the values that mean something: harts, masks, addresses. */
static u64 random_arg(void)
{
	u64 x = random64();

	switch (x % 8) {
	case 0:
		return x >> 3;
	case 1:
		return x % 16;
	case 2:
		return SBI_HART_MASK_ALL;
	case 3:
		return cpu_hw_id();
	case 4:
		return ROOT_RAM + x % 0x100000 * 8;
	case 5:
		return HYPERVISOR_MEMORY + x % 0x80000 * 8;
	case 6:
		return INMATE_RAM_BASE + x % (OWN_RAM_SIZE / 8) * 8;
	default:
		return 0;
	}
}

static void attack_random(void)
{
	unsigned int i, made = 0, refused = 0;

	for (i = 0; i < RANDOM_CALLS; i++) {
		u64 x = random64(), a[6], ext, fid;
		unsigned int j;
		struct sbi_ret r;

		ext = x % 4 ? tricky[(x >> 8) % ARRAY_SIZE(tricky)] :
		      x & 16 ? random64() : random64() & 0xffffffffull;
		fid = x & 32 ? random64() : (x >> 16) % 12;
		for (j = 0; j < 6; j++)
			a[j] = random_arg();
		if (ends_the_cell(ext, fid))
			continue;
		made++;
		if (names_outside(ext, fid, a))
			r = must_refuse(ext, fid, a);
		else
			r = sbi_ecall(ext, fid, a[0], a[1], a[2], a[3], a[4], a[5]);
		refused += r.error < 0;
	}
	take_own_ipi();
	printk("hostile: sbi: %u random calls, %u refused\n", made, refused);
}

/* Every FP register and fcsr full of a pattern (FS on first). */
static void dirty_fp(void)
{
	csr_set(sstatus, SSTATUS_FS);
	asm volatile(".option push\n\t.option arch, +d\n\t"
		     "li t0, 0x686f7374696c65\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "fmv.d.x f\\n, t0\n\t"
		     ".endr\n\t"
		     "li t0, 0xff\n\tfscsr t0\n\t"
		     ".option pop" : : : "t0", "memory");
}

/*
 * Its own source enabled at top priority at its own context with the
 * threshold open; its timer's deadline long past and a software interrupt
 * pending, with every interrupt enabled but the global one (sstatus.SIE
 * stays off: nothing is taken); the counters and environment
 * configuration it reaches itself written with ones.
 */
static void dirty_hart(void)
{
	unsigned int own = own_context();

	mmio_write32(priority_reg(OWN_SOURCE), PLIC_TOP_PRIORITY);
	mmio_write32(enable_reg(own, OWN_SOURCE / 32), own_bit(OWN_SOURCE / 32));
	mmio_write32(context_reg(own, PLIC_THRESHOLD), 0);
	dirty_fp();
	csr_write(CSR_STIMECMP, 0);
	csr_write(sie, SIE_ALL);
	csr_set(sip, SIP_SSIP);
	csr_write(scounteren, ~0ul);
	csr_write(CSR_SENVCFG, ~0ul);
	printk("hostile: dirty: sie 0x%lx sip 0x%lx sstatus 0x%lx scounteren 0x%lx senvcfg 0x%lx fcsr 0x%lx\n",
	       csr_read(sie), csr_read(sip), csr_read(sstatus), csr_read(scounteren),
	       csr_read(CSR_SENVCFG), csr_read(CSR_FCSR));
}

void inmate_main(void)
{
	printk("hostile: starting on hart %llu\n", (unsigned long long)cpu_hw_id());
	attack_plic();
	report_plic_view();
	attack_ipis_and_fences();
	attack_hsm_and_memory();
	attack_pmu();
	attack_legacy();
	attack_base();
	attack_random();
	printk("hostile: sbi: %u calls naming something outside the cell, %u not refused\n",
	       checked, not_refused);
	dirty_hart();
	printk("hostile: spinning\n");
	for (;;)
		;
}
