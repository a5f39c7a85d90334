/* SPDX-License-Identifier: GPL-2.0 */
/* The arm64 part of the inmate library (included by <inmate.h>). */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/* The virtual timer's PPI: what timer_arm() raises. */
#define TIMER_IRQ	27
/* The SGI ipi_send() and ipi_broadcast() raise. */
#define IPI_IRQ		1
/* Where QEMU virt has RAM, and cells see theirs: what inmates link at. */
#define INMATE_RAM_BASE	0x40000000ul

/* A register the hypervisor emulates for a cell (the bench's round trip). */
#define EMULATED_REGISTER	0x08000004ul	/* GICD_TYPER */

/* INTIDs 1020-1023 are the GIC's "no interrupt" answers. */
static inline bool irq_valid(unsigned int irq)
{
	return irq < 1020;
}

/* An instruction that is undefined everywhere (UDF #0). */
#define UNDEFINED_INSTRUCTION()	asm volatile(".inst 0x00000000" ::: "memory")

/**
 * hvc_call() / smc_call() - an HVC or SMC with x0-x3 as given (PSCI, or
 * any function ID; hypercall() is the way to axvm's functions).
 */
long hvc_call(u64 fn, u64 a1, u64 a2, u64 a3);
long smc_call(u64 fn, u64 a1, u64 a2, u64 a3);

/* Memory writes reach a DMA-capable device before what follows. */
#define device_barrier()	asm volatile("dsb sy" ::: "memory")

/*
 * The reference platform's virtio-rng (configs/qemu-arm64/rng.json): the
 * last virtio-mmio transport, its SPI, and the cell's DMA buffers (virt =
 * phys).
 */
#define VIRTIO_RNG_BASE	0x0a003e00ul
#define VIRTIO_RNG_IRQ	79
#define VIRTIO_DMA_BASE	0x73000000ul

#endif /* _INMATE_ARCH_H */
