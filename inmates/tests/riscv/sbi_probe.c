// SPDX-License-Identifier: GPL-2.0
/*
 * The SBI from inside a cell acts on the cell's own harts only: starting,
 * asking about, interrupting or fencing any other hart is an invalid
 * parameter, the version is answered, and a system shutdown (SRST) ends
 * the cell, not the machine. (psci_probe is arm64's counterpart.)
 */
#include <inmate.h>
#include <lib/sbi.h>

#define SBI_SPEC_2_0		0x2000000ul
/* QEMU virt's hart ids: 0-3. */
#define MACHINE_HARTS		4

/* Every call on foreign hart @hart is refused as an invalid parameter. */
static bool foreign_hart_refused(u64 hart)
{
	long start = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hart, INMATE_LOAD_ADDRESS, 0, NULL);
	long status = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hart, 0, 0, NULL);
	long ipi = sbi_call(SBI_EXT_IPI, SBI_IPI_SEND, 1, hart, 0, NULL);
	long fence = sbi_call(SBI_EXT_RFENCE, SBI_RFENCE_SFENCE_VMA, 1, hart, 0, NULL);

	printk("sbi: hart %llu: HART_START %ld, HART_GET_STATUS %ld, SEND_IPI %ld, REMOTE_SFENCE_VMA %ld\n",
	       (unsigned long long)hart, start, status, ipi, fence);
	return start == SBI_ERR_INVALID_PARAM && status == SBI_ERR_INVALID_PARAM &&
	       ipi == SBI_ERR_INVALID_PARAM && fence == SBI_ERR_INVALID_PARAM;
}

void inmate_main(void)
{
	unsigned long version = 0, self = ~0ul;
	long err = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0, &version);
	long self_err = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, cpu_hw_id(), 0, 0, &self);
	bool ok = !err && version == SBI_SPEC_2_0 && !self_err && self == SBI_HSM_STATE_STARTED;

	printk("sbi: spec version 0x%lx (%ld), own hart %llu status %lu (%ld)\n",
	       version, err, (unsigned long long)cpu_hw_id(), self, self_err);
	for (u64 hart = 0; hart < MACHINE_HARTS; hart++)
		if (hart != cpu_hw_id() && !foreign_hart_refused(hart))
			ok = false;
	test_verdict(ok);
	/* inmate_exit(): SBI SRST shutdown, which must only end this cell. */
}
