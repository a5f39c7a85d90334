/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv64 part of the inmate library (included by <inmate.h>).
 *
 * Interrupt numbers as irq_ack() returns them: the supervisor interrupt
 * causes below 16 (1 software, 5 timer), and 16 + n for PLIC source n.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#define IPI_IRQ		1	/* supervisor software interrupt */
#define TIMER_IRQ	5	/* supervisor timer (Sstc's stimecmp) */
#define EXTERNAL_IRQ	9	/* the PLIC's line; irq_ack() claims */
#define PLIC_IRQ(n)	(16 + (n))
#define IRQ_NONE	0u

/*
 * QEMU virt's RAM starts at 0x80000000 and a cell sees its own there; the
 * inmate links 2 MiB further, where OpenSBI (fw_jump) starts a payload
 * when the inmate runs alone on the machine.
 */
#define INMATE_RAM_BASE	0x80000000ul
#define INMATE_LOAD_ADDRESS	0x80200000ul

/* A register the hypervisor emulates for a cell: source 1's PLIC priority. */
#define EMULATED_REGISTER	0x0c000004ul

static inline bool irq_valid(unsigned int irq)
{
	return irq != IRQ_NONE;
}

/* An instruction that is illegal everywhere (all zeros). */
#define UNDEFINED_INSTRUCTION()	asm volatile(".4byte 0" ::: "memory")

/**
 * sbi_call() - an SBI call with a0-a2 as given; a0 (the error) back,
 * the value in *@value if not NULL.
 */
long sbi_call(unsigned long ext, unsigned long fid, unsigned long a0,
	      unsigned long a1, unsigned long a2, unsigned long *value);

/* Memory writes reach a DMA-capable device before what follows. */
#define device_barrier()	asm volatile("fence iorw, iorw" ::: "memory")

/*
 * The reference platform's virtio-rng (configs/qemu-riscv64/rng.json): the
 * last virtio-mmio transport, its PLIC source, and the cell's DMA buffers
 * (virt = phys).
 */
#define VIRTIO_RNG_BASE	0x10008000ul
#define VIRTIO_RNG_IRQ	PLIC_IRQ(8)
#define VIRTIO_DMA_BASE	0xb3000000ul

#endif /* _INMATE_ARCH_H */
