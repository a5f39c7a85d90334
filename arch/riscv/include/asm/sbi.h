/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Supervisor Binary Interface (RISC-V SBI specification v2.0): what
 * the firmware calls below itself (the platform's M-mode firmware) and
 * what it answers for the cells above it (sbi.c).
 */
#ifndef _ASM_SBI_H
#define _ASM_SBI_H

#include <hv/types.h>

#define SBI_EXT_LEGACY_SET_TIMER	0x00
#define SBI_EXT_LEGACY_PUTCHAR		0x01
#define SBI_EXT_LEGACY_GETCHAR		0x02
#define SBI_EXT_LEGACY_LAST		0x0f
#define SBI_EXT_BASE			0x10
#define SBI_EXT_TIME			0x54494d45
#define SBI_EXT_IPI			0x735049
#define SBI_EXT_RFENCE			0x52464e43
#define SBI_EXT_HSM			0x48534d
#define SBI_EXT_SRST			0x53525354
#define SBI_EXT_PMU			0x504d55
#define SBI_EXT_DBCN			0x4442434e

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

/* PMU: the one function that hands the platform a physical address */
#define SBI_PMU_SNAPSHOT_SET_SHMEM	7

/* IPI, TIME, SRST, DBCN */
#define SBI_IPI_SEND			0
#define SBI_TIME_SET_TIMER		0
#define SBI_SRST_RESET			0
#define SBI_DBCN_WRITE			0
#define SBI_DBCN_READ			1
#define SBI_DBCN_WRITE_BYTE		2

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

/* An SBI call to the platform's firmware (M-mode) from HS-mode. */
struct sbi_ret sbi_call(u64 ext, u64 fid, u64 a0, u64 a1, u64 a2, u64 a3,
			u64 a4, u64 a5);

static inline struct sbi_ret sbi_call3(u64 ext, u64 fid, u64 a0, u64 a1,
				       u64 a2)
{
	return sbi_call(ext, fid, a0, a1, a2, 0, 0, 0);
}

/* Raise the supervisor software interrupt on one hart. */
void sbi_send_ipi_hart(u64 hartid);

struct trap_frame;
/* sbi.c: an SBI call of the calling CPU's cell (ecall from VS-mode). */
void sbi_handle(struct trap_frame *frame);

#endif /* _ASM_SBI_H */
