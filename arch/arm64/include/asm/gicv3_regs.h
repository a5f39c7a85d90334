/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3 register layout (Arm IHI 0069) as the firmware uses it, shared by
 * the CPU interface, the distributor and redistributor emulation and the
 * hand-over resets.
 */
#ifndef _ASM_GICV3_REGS_H
#define _ASM_GICV3_REGS_H

#include <asm/gicv3.h>

#define GICD_SIZE		0x10000ull
#define GICR_FRAME_SIZE		0x20000ull
#define GICR_CTLR		0x0000
#define GICR_CTLR_ENABLE_LPIS	(1u << 0)
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008
#define GICR_IDREGS		0xffd0
#define GICR_TYPER_LAST		(1ull << 4)
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x0400)
#define GICR_CTLR_RWP		(1u << 3)
#define GICR_CTLR_DPG_ALL	(7u << 24)	/* DPG0, DPG1NS, DPG1S */
#define GICR_ISPENDR0		(GICR_SGI_BASE + 0x0200)
#define GICR_ICPENDR0		(GICR_SGI_BASE + 0x0280)
#define GICR_ISACTIVER0		(GICR_SGI_BASE + 0x0300)
#define GICR_ICACTIVER0		(GICR_SGI_BASE + 0x0380)
#define GICR_ICFGR1		(GICR_SGI_BASE + 0x0c04)
#define GICR_IGRPMODR0		(GICR_SGI_BASE + 0x0d00)

#define GICD_CTLR		0x0000
#define GICD_CTLR_RWP		(1u << 31)
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ICFGR		0x0c00
#define GICD_IGRPMODR		0x0d00
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	0x7fe0
#define GICD_IROUTER_IRM	(1ull << 31)

/* The bit of the management SGI in the redistributors' SGI/PPI registers. */
#define SGI_BIT			(1u << SGI_MANAGEMENT)
/* The priority Linux and the inmates give their interrupts. */
#define GIC_DEFAULT_PRIORITY	0xa0

/* ICC registers by encoding, so that any assembler takes them. */
#define ICC_IAR0_EL1		"s3_0_c12_c8_0"
#define ICC_EOIR0_EL1		"s3_0_c12_c8_1"
#define ICC_DIR_EL1		"s3_0_c12_c11_1"
#define ICC_SGI1R_EL1		"s3_0_c12_c11_5"
#define ICC_SGI0R_EL1		"s3_0_c12_c11_7"
#define ICC_CTLR_EL1		"s3_0_c12_c12_4"
#define ICC_IGRPEN0_EL1		"s3_0_c12_c12_6"
#define ICC_CTLR_EOIMODE	(1ull << 1)
#define ICC_CTLR_PRIBITS(v)	((((v) >> 8) & 7) + 1)
#define ICC_AP1R0_EL1		"s3_0_c12_c9_0"
#define ICC_AP1R1_EL1		"s3_0_c12_c9_1"
#define ICC_AP1R2_EL1		"s3_0_c12_c9_2"
#define ICC_AP1R3_EL1		"s3_0_c12_c9_3"

#define ICC_PMR_EL1		"s3_0_c4_c6_0"
#define ICC_RPR_EL1		"s3_0_c12_c11_3"
#define ICH_HCR_EL2		"s3_4_c12_c11_0"
#define ICH_HCR_TC		(1ull << 10)
#define ICC_BPR1_EL1		"s3_0_c12_c12_3"
#define ICC_IGRPEN1_EL1		"s3_0_c12_c12_7"
#define ICH_VMCR_EL2		"s3_4_c12_c11_7"
#define ICH_AP0R0_EL2		"s3_4_c12_c8_0"
#define ICH_AP1R0_EL2		"s3_4_c12_c9_0"

#endif /* _ASM_GICV3_REGS_H */
