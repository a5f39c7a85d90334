/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Supervisor Binary Interface (RISC-V SBI specification v2.0, and the
 * extensions of v3.0 a caller may try): what the riscv64 firmware answers
 * and calls below itself, and what the riscv64 inmates call.
 */
#ifndef _LIB_SBI_H
#define _LIB_SBI_H

#include <lib/types.h>

/* Legacy extensions (SBI v0.1): the extension ID is the function. */
#define SBI_EXT_LEGACY_SET_TIMER	0x00
#define SBI_EXT_LEGACY_PUTCHAR		0x01
#define SBI_EXT_LEGACY_GETCHAR		0x02
#define SBI_EXT_LEGACY_CLEAR_IPI	0x03
#define SBI_EXT_LEGACY_SEND_IPI		0x04
#define SBI_EXT_LEGACY_REMOTE_FENCE_I	0x05
#define SBI_EXT_LEGACY_REMOTE_SFENCE_VMA	0x06
#define SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID	0x07
#define SBI_EXT_LEGACY_SHUTDOWN		0x08
#define SBI_EXT_LEGACY_LAST		0x0f

#define SBI_EXT_BASE			0x10
#define SBI_EXT_TIME			0x54494d45
#define SBI_EXT_IPI			0x735049
#define SBI_EXT_RFENCE			0x52464e43
#define SBI_EXT_HSM			0x48534d
#define SBI_EXT_SRST			0x53525354
#define SBI_EXT_PMU			0x504d55
#define SBI_EXT_DBCN			0x4442434e
#define SBI_EXT_SUSP			0x53555350
#define SBI_EXT_CPPC			0x43505043
#define SBI_EXT_NACL			0x4e41434c
#define SBI_EXT_STA			0x535441
#define SBI_EXT_FWFT			0x46574654
#define SBI_EXT_DBTR			0x44425452
#define SBI_EXT_MPXY			0x4d505859
/* The ranges the specification leaves to others. */
#define SBI_EXT_EXPERIMENTAL_FIRST	0x08000000
#define SBI_EXT_VENDOR_FIRST		0x09000000
#define SBI_EXT_FIRMWARE_FIRST		0x0a000000

/* BASE */
#define SBI_BASE_GET_SPEC_VERSION	0
#define SBI_BASE_GET_IMP_ID		1
#define SBI_BASE_GET_IMP_VERSION	2
#define SBI_BASE_PROBE_EXT		3
#define SBI_BASE_GET_MVENDORID		4
#define SBI_BASE_GET_MARCHID		5
#define SBI_BASE_GET_MIMPID		6

/* HSM */
#define SBI_HSM_HART_START		0
#define SBI_HSM_HART_STOP		1
#define SBI_HSM_HART_GET_STATUS		2
#define SBI_HSM_HART_SUSPEND		3
#define SBI_HSM_STATE_STARTED		0
#define SBI_HSM_STATE_STOPPED		1
#define SBI_HSM_STATE_START_PENDING	2

/* RFENCE */
#define SBI_RFENCE_FENCE_I		0
#define SBI_RFENCE_SFENCE_VMA		1
#define SBI_RFENCE_SFENCE_VMA_ASID	2
#define SBI_RFENCE_HFENCE_GVMA_VMID	3
#define SBI_RFENCE_HFENCE_GVMA		4
#define SBI_RFENCE_HFENCE_VVMA_ASID	5
#define SBI_RFENCE_HFENCE_VVMA		6

/* PMU: functions 0-8; the snapshot area hands the platform an address */
#define SBI_PMU_SNAPSHOT_SET_SHMEM	7
#define SBI_PMU_LAST			8

/* IPI, TIME, SRST, DBCN */
#define SBI_IPI_SEND			0
#define SBI_TIME_SET_TIMER		0
#define SBI_SRST_RESET			0
#define SBI_SRST_SHUTDOWN		0
#define SBI_DBCN_WRITE			0
#define SBI_DBCN_READ			1
#define SBI_DBCN_WRITE_BYTE		2

/* A hart mask base meaning "every hart" (IPI, RFENCE). */
#define SBI_HART_MASK_ALL		(~0ul)

/* Errors */
#define SBI_SUCCESS			0
#define SBI_ERR_FAILED			(-1)
#define SBI_ERR_NOT_SUPPORTED		(-2)
#define SBI_ERR_INVALID_PARAM		(-3)
#define SBI_ERR_DENIED			(-4)
#define SBI_ERR_INVALID_ADDRESS		(-5)
#define SBI_ERR_ALREADY_AVAILABLE	(-6)

struct sbi_ret {
	long error;
	long value;
};

#ifdef __riscv
/*
 * sbi_ecall() - an SBI call to the level below: the platform's firmware
 * for the hypervisor, the hypervisor for a guest.
 */
static inline struct sbi_ret sbi_ecall(u64 ext, u64 fid, u64 a0, u64 a1,
				       u64 a2, u64 a3, u64 a4, u64 a5)
{
	register u64 r0 asm("a0") = a0;
	register u64 r1 asm("a1") = a1;
	register u64 r2 asm("a2") = a2;
	register u64 r3 asm("a3") = a3;
	register u64 r4 asm("a4") = a4;
	register u64 r5 asm("a5") = a5;
	register u64 r6 asm("a6") = fid;
	register u64 r7 asm("a7") = ext;

	asm volatile("ecall"
		     : "+r"(r0), "+r"(r1)
		     : "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6), "r"(r7)
		     : "memory");
	return (struct sbi_ret){ .error = (long)r0, .value = (long)r1 };
}
#endif

#endif /* _LIB_SBI_H */
