// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: the FP/SIMD registers a cell starts with. The CPU came
 * from the root (or another cell), whose last values must not reach this
 * cell: v0-v31, FPCR and FPSR all read zero, and FP starts disabled
 * (CPACR_EL1.FPEN), as after a reset.
 */
#include <inmate.h>

#define CPACR_FPEN	(3ull << 20)

void inmate_main(void)
{
	u64 cpacr, seen = 0, fpcr, fpsr;

	asm volatile("mrs %0, cpacr_el1" : "=r"(cpacr));
	printk("probe: CPACR_EL1 at start 0x%llx\n", (unsigned long long)cpacr);
	asm volatile("msr cpacr_el1, %0\n\tisb" : : "r"(cpacr | CPACR_FPEN));
	/* OR every half of every vector register into one value. */
	asm volatile(".arch_extension fp\n\t.arch_extension simd\n\t"
		     "mov %0, xzr\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "mov x9, v\\n\\().d[0]\n\torr %0, %0, x9\n\t"
		     "mov x9, v\\n\\().d[1]\n\torr %0, %0, x9\n\t"
		     ".endr\n\t"
		     "mrs %1, fpcr\n\tmrs %2, fpsr"
		     : "=&r"(seen), "=r"(fpcr), "=r"(fpsr) : : "x9");
	printk("probe: v0-v31 OR 0x%llx, FPCR 0x%llx, FPSR 0x%llx\n",
	       (unsigned long long)seen, (unsigned long long)fpcr,
	       (unsigned long long)fpsr);
	test_verdict(!seen && !fpcr && !fpsr && !(cpacr & CPACR_FPEN));
}
