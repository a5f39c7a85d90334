// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: the FP and SSE registers a cell starts with. The CPU
 * came from the root (or another cell), whose last values must not reach
 * this cell: xmm0-xmm15 read zero, MXCSR and the x87 control word hold
 * their reset values. (arm64's and riscv64's probe_fpsimd are its
 * counterparts.)
 */
#include <inmate.h>

#define CR4_OSFXSR		(1ul << 9)
#define CR4_OSXMMEXCPT		(1ul << 10)
#define MXCSR_RESET		0x1f80u
#define FCW_RESET		0x037fu

void inmate_main(void)
{
	u64 xmm[16][2] __attribute__((aligned(16))), seen = 0, cr4;
	u32 mxcsr;
	u16 fcw;

	/* SSE instructions need the OS's say-so (start.S leaves it off). */
	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	asm volatile("mov %0, %%cr4" : : "r"(cr4 | CR4_OSFXSR | CR4_OSXMMEXCPT));
	asm volatile(".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
		     "movdqa %%xmm\\n, \\n * 16(%0)\n\t"
		     ".endr"
		     : : "r"(xmm) : "memory");
	asm volatile("stmxcsr %0\n\tfnstcw %1" : "=m"(mxcsr), "=m"(fcw));
	for (unsigned int i = 0; i < 16; i++)
		seen |= xmm[i][0] | xmm[i][1];
	printk("probe: xmm0-xmm15 OR 0x%llx, MXCSR 0x%x, FCW 0x%x\n",
	       (unsigned long long)seen, mxcsr, fcw);
	test_verdict(!seen && mxcsr == MXCSR_RESET && fcw == FCW_RESET);
}
