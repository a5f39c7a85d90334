// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell: everything a cell can reach of the interrupt controller,
 * PSCI, the hypercall interface and the caches, written with values meant
 * to hurt the root or to outlive the cell. Then it leaves its own CPU as
 * dirty as it can (SGIs, its SPI and the virtual timer pending or active,
 * active priorities set, PMU counting, FP registers full) and spins
 * without ever trapping. The selftest (hostile_test) checks that the root
 * saw none of it and that destroy cleans it all up, quickly.
 *
 * QEMU virt's GIC: distributor 0x08000000, four redistributor frames from
 * 0x080a0000. Every register access is a single aligned str/ldr
 * (mmio_write32() and the like), so that the hypervisor can decode it: a
 * write it cannot decode would end the cell instead of testing the
 * emulation.
 */
#include <inmate.h>

#define GICD			0x08000000ul
#define GICR			0x080a0000ul
#define GICR_FRAME		0x20000ul
#define GICR_SGI		0x10000ul
#define NUM_FRAMES		4
#define OWN_SPI			200
#define SPIS			288	/* QEMU virt: 256 SPIs + 32 */

#define PSCI_CPU_SUSPEND	0xc4000001ul
#define PSCI_CPU_ON		0xc4000003ul
#define PSCI_AFFINITY_INFO	0xc4000004ul
#define PSCI_MIGRATE		0xc4000005ul
#define RANDOM_CALLS		2000

static unsigned long own_frame(void)
{
	return GICR + (cpu_hw_id() & 0xff) * GICR_FRAME;
}

/* Every per-interrupt register of every line, then the global ones. */
static void attack_distributor(void)
{
	unsigned long off;
	unsigned int n;

	for (off = 0x080; off < 0x400; off += 4)	/* group .. active */
		mmio_write32(GICD + off, off < 0x100 ? 0 : 0xffffffffu);
	for (off = 0x400; off < 0x800; off += 4)	/* priorities: top */
		mmio_write32(GICD + off, 0);
	for (off = 0xc00; off < 0xd00; off += 4)	/* all edge */
		mmio_write32(GICD + off, 0xaaaaaaaau);
	for (off = 0xd00; off < 0xd80; off += 4)
		mmio_write32(GICD + off, 0xffffffffu);
	for (n = 32; n < SPIS; n++)			/* all to CPU 0, or anyone */
		mmio_write64(GICD + 0x6000 + 8ul * n, n & 1 ? 1ull << 31 : 0);
	mmio_write32(GICD + 0x0040, 33);		/* SETSPI_NSR: the root's UART */
	mmio_write32(GICD + 0x0f00, 0xffffffffu);	/* GICv2 SGIR */
	mmio_write32(GICD + 0x0000, 0);		/* CTLR: every group off */
	printk("hostile: distributor written (CTLR reads 0x%x)\n", mmio_read32(GICD));
}

/* Own line: Group 0 and top priority asked for, then pending and active. */
static void dirty_own_spi(void)
{
	unsigned int word = OWN_SPI / 32, bit = 1u << (OWN_SPI % 32);

	mmio_write32(GICD + 0x080 + 4 * word, 0);
	mmio_write32(GICD + 0x400 + (OWN_SPI & ~3u), 0);
	mmio_write32(GICD + 0x100 + 4 * word, bit);	/* enable */
	mmio_write32(GICD + 0x200 + 4 * word, bit);	/* pending */
	mmio_write32(GICD + 0x300 + 4 * word, 1u << ((OWN_SPI + 1) % 32));	/* 201 active */
	printk("hostile: SPI %u group %s, pending %s\n", OWN_SPI,
	       mmio_read32(GICD + 0x080 + 4 * word) & bit ? "1" : "0",
	       mmio_read32(GICD + 0x200 + 4 * word) & bit ? "yes" : "no");
}

static void attack_redistributors(void)
{
	unsigned long f, own = own_frame(), off;

	for (f = GICR; f < GICR + NUM_FRAMES * GICR_FRAME; f += GICR_FRAME) {
		mmio_write32(f + 0x0000, 1);			/* CTLR: EnableLPIs */
		mmio_write32(f + 0x0014, 2);			/* WAKER: sleep */
		mmio_write64(f + 0x0070, 0x40000000ull);		/* PROPBASER: root RAM */
		mmio_write64(f + 0x0078, 0x40000000ull);		/* PENDBASER */
		mmio_write64(f + 0x0040, 8192);			/* SETLPIR */
		if (f == own)
			continue;
		mmio_write32(f + GICR_SGI + 0x180, 0xffffffffu);	/* disable everything */
		mmio_write32(f + GICR_SGI + 0x200, 0xffffffffu);	/* make it all pending */
		mmio_write32(f + GICR_SGI + 0x080, 0);
		for (off = 0x400; off < 0x420; off += 4)
			mmio_write32(f + GICR_SGI + off, 0);
	}
	/* Own SGIs and PPIs: off first, so that what is made pending stays. */
	mmio_write32(own + GICR_SGI + 0x180, 0xffffffffu);
	mmio_write32(own + GICR_SGI + 0x200, 0xffffffffu);	/* SGI 2: Linux's CPU stop */
	mmio_write32(own + GICR_SGI + 0x300, 0x0000ff00u);	/* SGIs 8-15 active */
	mmio_write32(own + GICR_SGI + 0x080, 0);
	mmio_write32(own + GICR_SGI + 0x0c04, 0xaaaaaaaau);	/* PPIs edge */
	/* Below own SPI's priority, so that the IAR read below takes the SPI. */
	for (off = 0x400; off < 0x420; off += 4)
		mmio_write32(own + GICR_SGI + off, 0x80808080u);
	mmio_write32(own + GICR_SGI + 0x100, 1u << TIMER_IRQ);
	printk("hostile: redistributors written (own pending 0x%x)\n",
	       mmio_read32(own + GICR_SGI + 0x200));
}

#define MSR(reg, v)	asm volatile("msr " reg ", %0\n\tisb" : : "r"((u64)(v)) : "memory")

static void attack_cpu_interface(void)
{
	unsigned int aff1;
	u64 iar;

	MSR("s3_0_c12_c12_5", 7);		/* ICC_SRE_EL1 */
	MSR("s3_0_c4_c6_0", 0);			/* PMR: mask everything */
	MSR("s3_0_c12_c12_3", 7);		/* BPR1 */
	MSR("s3_0_c12_c12_4", ~0ull);		/* CTLR */
	MSR("s3_0_c12_c12_6", 1);		/* IGRPEN0 (virtual) */
	MSR("s3_0_c12_c8_4", ~0ull);		/* AP0R0 (virtual) */
	MSR("s3_0_c12_c12_7", 1);		/* IGRPEN1 */
	for (aff1 = 0; aff1 < 4; aff1++)	/* SGI 2 to 16 CPUs in 4 clusters */
		MSR("s3_0_c12_c11_5", (u64)aff1 << 16 | 2ull << 24 | 0xffff);
	MSR("s3_0_c12_c11_5", 1ull << 40 | 2ull << 24);	/* to everyone */
	MSR("s3_0_c12_c11_7", 1ull << 40 | 15ull << 24);	/* SGI0R */
	MSR("s3_0_c12_c11_6", 1ull << 40 | 1ull << 24);	/* ASGI1R */
	MSR("s3_0_c12_c11_1", 33);		/* DIR of the root's UART */
	MSR("s3_0_c12_c11_1", 15);
	MSR("s3_0_c4_c6_0", 0xff);		/* PMR: let everything in */
	asm volatile("mrs %0, s3_0_c12_c12_0" : "=r"(iar));	/* IAR1: take one */
	/* Leave a low active priority: SGI 15 must still get in. */
	MSR("s3_0_c12_c9_0", 1ull << 31);	/* AP1R0 */
	printk("hostile: CPU interface written (took INTID %llu)\n",
	       (unsigned long long)(iar & 0xffffff));
}

static void attack_psci(void)
{
	u64 cpu;

	for (cpu = 0; cpu < 4; cpu++)
		printk("hostile: CPU_ON 0x%llx -> %ld, AFFINITY_INFO -> %ld\n",
		       (unsigned long long)cpu,
		       smc_call(PSCI_CPU_ON, cpu, 0x40000000, 0),
		       smc_call(PSCI_AFFINITY_INFO, cpu, 0, 0));
	printk("hostile: CPU_SUSPEND -> %ld, MIGRATE -> %ld\n",
	       smc_call(PSCI_CPU_SUSPEND, 0, 0x40000000, 0), smc_call(PSCI_MIGRATE, 0, 0, 0));
}

/*
 * Function numbers nobody defined: not axvm's, not PSCI's. SMCCC function
 * IDs are 32 bits (W0): the upper half is not looked at.
 */
static bool is_defined(u64 fn)
{
	u32 base = (u32)fn & 0xffffff00u;

	return base == 0xc6000000u || base == 0x84000000u || base == 0xc4000000u;
}

static void attack_calls(void)
{
	u64 x = 0x2545f4914f6cdd1dull, fn;
	unsigned int i, refused = 0;

	for (i = 0; i < RANDOM_CALLS; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		fn = i & 1 ? x : (x & 0xffffffffull);
		if (is_defined(fn))
			continue;
		refused += (i & 2 ? smc_call(fn, x, ~x, 0) : hvc_call(fn, x, ~x, 0)) < 0;
	}
	printk("hostile: %u random SMC/HVC calls, %u refused\n", RANDOM_CALLS, refused);
}

/* Clean and invalidate, and invalidate alone, every set and way. */
static void attack_caches(void)
{
	u64 clidr, ccsidr, level, set, way, lines = 0;

	asm volatile("mrs %0, clidr_el1" : "=r"(clidr));
	for (level = 0; level < 7 && ((clidr >> (3 * level)) & 7) >= 2; level++) {
		unsigned int log_line, ways, sets, way_shift;

		MSR("csselr_el1", level << 1);
		asm volatile("mrs %0, ccsidr_el1" : "=r"(ccsidr));
		log_line = (ccsidr & 7) + 4;
		ways = ((ccsidr >> 3) & 0x3ff) + 1;
		sets = ((ccsidr >> 13) & 0x7fff) + 1;
		way_shift = ways > 1 ? __builtin_clz(ways - 1) : 0;
		for (way = 0; way < ways; way++)
			for (set = 0; set < sets; set++, lines++) {
				u64 sw = way << way_shift | set << log_line | level << 1;

				asm volatile("dc isw, %0\n\tdc cisw, %0\n\tdc csw, %0"
					     : : "r"(sw) : "memory");
			}
	}
	asm volatile("dsb sy" ::: "memory");
	printk("hostile: %llu cache lines by set/way\n", (unsigned long long)lines);
}

/* State a CPU can carry to its next owner: timers, counters, registers. */
static void dirty_cpu(void)
{
	MSR("cntv_cval_el0", 0);	/* deadline passed long ago */
	MSR("cntv_ctl_el0", 1);
	MSR("cntp_cval_el0", 0);
	MSR("cntp_ctl_el0", 1);
	MSR("pmcr_el0", 1);		/* PMU counting */
	MSR("pmcntenset_el0", ~0ull);
	MSR("pmintenset_el1", ~0ull);
	MSR("cpacr_el1", 3ull << 20);
	asm volatile(".arch_extension fp\n\t.arch_extension simd\n\t"
		     "movi v0.2d, #0xff\n\tmovi v31.2d, #0xff" ::: "memory");
	MSR("tpidr_el1", 0x686f7374696c65ull);
}

void inmate_main(void)
{
	printk("hostile: starting on CPU 0x%llx\n", (unsigned long long)cpu_hw_id());
	attack_distributor();
	dirty_own_spi();
	attack_redistributors();
	attack_cpu_interface();
	attack_psci();
	attack_calls();
	attack_caches();
	dirty_cpu();
	printk("hostile: done, spinning\n");
	for (;;)
		;
}
