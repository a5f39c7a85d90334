// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 part of the driver: entering the firmware through Linux's hyp
 * stub, leaving it, and the cache maintenance the MMU-off entry needs.
 */
#include <linux/kernel.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>

#include <axvm/arch.h>
#include <axvm/arch/arm64/hypercall.h>

#include "axvm.h"

#define HVC_SET_VECTORS 0

const u32 axvm_arch_id = AXVM_ARCH_ARM64;

struct axvm_symbol axvm_arch_symbols[] = {
	{
		.name = "__hyp_stub_vectors",
		.why = "to give EL2 back to Linux's hyp stub on disable",
	},
};
const unsigned int axvm_arch_symbol_count = ARRAY_SIZE(axvm_arch_symbols);

/* arm64's KVM is built in and kept out by kvm-arm.mode=none. */
const char *const axvm_arch_conflicting_modules[] = { NULL };

static u64 stub_vectors_phys(void)
{
	/* A kernel-image address: its physical address is VA - kimage_voffset. */
	return axvm_arch_symbols[0].address - kimage_voffset;
}

/*
 * The hyp stub and the firmware may clobber x0-x18 (the stub's documented
 * convention); x19-x30 and sp survive.
 */
static long hvc4(u64 a0, u64 a1, u64 a2, u64 a3)
{
	register u64 x0 asm("x0") = a0;
	register u64 x1 asm("x1") = a1;
	register u64 x2 asm("x2") = a2;
	register u64 x3 asm("x3") = a3;

	asm volatile("hvc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
		     :
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		       "x13", "x14", "x15", "x16", "x17", "x18", "memory");
	return (long)x0;
}

/* The hyp stub enters the firmware at its physical address: nothing to map. */
int axvm_arch_prepare(const struct axvm_hv_layout *layout, u64 size)
{
	return 0;
}

void axvm_arch_release(void)
{
}

long axvm_arch_enter_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	long err;

	err = hvc4(HVC_SET_VECTORS, layout->entry, 0, 0);
	if (err)
		return -EIO;
	err = hvc4(AXVM_ARM64_HC_ENTER, cpu, stub_vectors_phys(), layout->config_size);
	if (err)	/* the firmware put the stub back itself */
		return err;
	return 0;
}

long axvm_arch_leave_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	return hvc4(AXVM_ARM64_HC_ID(AXVM_HC_DISABLE), 0, 0, 0);
}

long axvm_arch_hypercall(u64 code, u64 arg1, u64 arg2)
{
	return hvc4(AXVM_ARM64_HC_ID(code), arg1, arg2, 0);
}

/* Clean and invalidate to the point of coherency, by VA. */
void axvm_arch_flush(void *addr, size_t size)
{
	u64 ctr = read_sysreg(ctr_el0);
	size_t line = 4u << ((ctr >> 16) & 0xf);	/* DminLine */
	unsigned long p = (unsigned long)addr & ~(line - 1);
	unsigned long end = (unsigned long)addr + size;

	for (; p < end; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	asm volatile("dsb sy\n\tic iallu\n\tdsb sy\n\tisb" ::: "memory");
}
