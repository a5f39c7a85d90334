/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 part of struct per_cpu: the EL2 state Linux's hyp stub had,
 * to give back on disable.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <hv/types.h>

struct arch_per_cpu {
	u64 stub_vectors;	/* physical address of __hyp_stub_vectors */
	u64 saved_hcr;
	u64 saved_cptr;
	u64 saved_mdcr;
	u64 saved_cnthctl;
	u64 saved_vttbr;
	u64 mpidr;
	u64 gicr;		/* this CPU's redistributor frame */
	u32 ppi_config;		/* GICR_ICFGR1 when the firmware took over */
};

#endif /* _ASM_PERCPU_H */
