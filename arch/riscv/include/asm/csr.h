/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control and status registers the riscv64 firmware uses (RISC-V
 * privileged specification, the supervisor and hypervisor chapters), and
 * accessors. csr_read()/csr_write() name the CSR as the assembler does.
 */
#ifndef _ASM_CSR_H
#define _ASM_CSR_H

#include <hv/types.h>

#define csr_read(csr) ({						\
	u64 __v;							\
	asm volatile("csrr %0, " #csr : "=r"(__v) :: "memory");	\
	__v; })
#define csr_write(csr, val)						\
	asm volatile("csrw " #csr ", %0" :: "rK"((u64)(val)) : "memory")
#define csr_set(csr, bits)						\
	asm volatile("csrs " #csr ", %0" :: "rK"((u64)(bits)) : "memory")
#define csr_clear(csr, bits)						\
	asm volatile("csrc " #csr ", %0" :: "rK"((u64)(bits)) : "memory")
#define csr_swap(csr, val) ({						\
	u64 __v = (u64)(val);						\
	asm volatile("csrrw %0, " #csr ", %0" : "+r"(__v) :: "memory");	\
	__v; })

/*
 * The hypervisor's own instructions; the compiler (GCC 12) has no name for
 * the H extension, the assembler does.
 */
#define H_INSN(insn) ".option push\n\t.option arch, +h\n\t" insn "\n\t.option pop"
#define hfence_gvma_all() asm volatile(H_INSN("hfence.gvma zero, zero") ::: "memory")
#define hfence_gvma_vmid(vmid) \
	asm volatile(H_INSN("hfence.gvma zero, %0") :: "r"(vmid) : "memory")
#define hfence_vvma_all() asm volatile(H_INSN("hfence.vvma zero, zero") ::: "memory")

/* sstatus / vsstatus */
#define SR_SIE		(1ull << 1)
#define SR_SPIE		(1ull << 5)
#define SR_SPP		(1ull << 8)
#define SR_FS		(3ull << 13)
#define SR_FS_INITIAL	(1ull << 13)
#define SR_FS_DIRTY	(3ull << 13)
#define SR_VS		(3ull << 9)
#define SR_SUM		(1ull << 18)
#define SR_UXL_64	(2ull << 32)

/* hstatus */
#define HSTATUS_GVA	(1ull << 6)
#define HSTATUS_SPV	(1ull << 7)
#define HSTATUS_SPVP	(1ull << 8)
#define HSTATUS_HU	(1ull << 9)
#define HSTATUS_VTVM	(1ull << 20)
#define HSTATUS_VTW	(1ull << 21)
#define HSTATUS_VTSR	(1ull << 22)
#define HSTATUS_VSXL_64	(2ull << 32)

/* Interrupt numbers (scause with the top bit set) and sie/sip bits. */
#define IRQ_S_SOFT	1
#define IRQ_VS_SOFT	2
#define IRQ_S_TIMER	5
#define IRQ_VS_TIMER	6
#define IRQ_S_EXT	9
#define IRQ_VS_EXT	10
#define IRQ_S_GEXT	12
#define IE_SSIE		(1ull << IRQ_S_SOFT)
#define IE_STIE		(1ull << IRQ_S_TIMER)
#define IE_SEIE		(1ull << IRQ_S_EXT)
#define IP_VSSIP	(1ull << IRQ_VS_SOFT)
#define IP_VSTIP	(1ull << IRQ_VS_TIMER)
#define IP_VSEIP	(1ull << IRQ_VS_EXT)
#define HIDELEG_VS	(IP_VSSIP | IP_VSTIP | IP_VSEIP)

/* scause exception codes */
#define CAUSE_IRQ_FLAG		(1ull << 63)
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_ILLEGAL		2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_U_ECALL		8
#define EXC_HS_ECALL		9
#define EXC_VS_ECALL		10
#define EXC_INST_PAGE		12
#define EXC_LOAD_PAGE		13
#define EXC_STORE_PAGE		15
#define EXC_INST_GUEST_PAGE	20
#define EXC_LOAD_GUEST_PAGE	21
#define EXC_VIRTUAL_INST	22
#define EXC_STORE_GUEST_PAGE	23
/* What the guest handles itself: its own faults, breakpoints, U ecalls. */
#define HEDELEG_GUEST ((1ull << EXC_INST_MISALIGNED) | (1ull << EXC_INST_ACCESS) | \
		       (1ull << EXC_ILLEGAL) | (1ull << EXC_BREAKPOINT) |	   \
		       (1ull << EXC_LOAD_MISALIGNED) | (1ull << EXC_LOAD_ACCESS) | \
		       (1ull << EXC_STORE_MISALIGNED) | (1ull << EXC_STORE_ACCESS) | \
		       (1ull << EXC_U_ECALL) | (1ull << EXC_INST_PAGE) |	   \
		       (1ull << EXC_LOAD_PAGE) | (1ull << EXC_STORE_PAGE))

/* satp / hgatp */
#define SATP_MODE_SHIFT		60
#define SATP_MODE_SV39		8ull
#define SATP_MODE_SV48		9ull
#define HGATP_MODE_SV39X4	8ull
#define HGATP_MODE_SV48X4	9ull
#define HGATP_VMID_SHIFT	44
#define HGATP_VMID_MASK		0x3fffull
#define ATP_PPN_MASK		0xfffffffffffull

/* henvcfg */
#define ENVCFG_STCE		(1ull << 63)

#endif /* _ASM_CSR_H */
