// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation probe: the FP registers a cell starts with. The hart came from
 * the root (or another cell), whose last values must not reach this cell:
 * f0-f31 and fcsr all read zero, and FP starts off (sstatus.FS), as after
 * a reset. (arm64's probe_fpsimd is its counterpart.)
 */
#include <inmate.h>

#define SSTATUS_FS		(3ul << 13)
#define SSTATUS_FS_INITIAL	(1ul << 13)

void inmate_main(void)
{
	u64 sstatus, seen = 0, fcsr;

	asm volatile("csrr %0, sstatus" : "=r"(sstatus));
	printk("probe: sstatus at start 0x%llx\n", (unsigned long long)sstatus);
	asm volatile("csrs sstatus, %0" : : "r"(SSTATUS_FS_INITIAL) : "memory");
	/* OR every FP register into one value. */
	asm volatile(".option push\n\t.option arch, +d\n\t"
		     "li %0, 0\n\t"
		     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		     "fmv.x.d t0, f\\n\n\tor %0, %0, t0\n\t"
		     ".endr\n\t"
		     "frcsr %1\n\t.option pop"
		     : "=&r"(seen), "=r"(fcsr) : : "t0");
	printk("probe: f0-f31 OR 0x%llx, fcsr 0x%llx\n", (unsigned long long)seen,
	       (unsigned long long)fcsr);
	test_verdict(!seen && !fcsr && !(sstatus & SSTATUS_FS));
}
