/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 part of the inmate library (included by <inmate.h>).
 *
 * Interrupt numbers as irq_ack() returns them are the IDT vectors: the
 * local APIC timer's, the IPIs', and IOAPIC_IRQ(pin) for the IOAPIC's
 * pins. Vector 0 is an exception, never an interrupt: IRQ_NONE.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#include <lib/x86.h>

#define TIMER_IRQ	0x20
#define IPI_IRQ		0x21
#define IOAPIC_IRQ(pin)	(0x30 + (pin))
#define SPURIOUS_IRQ	0xff
#define IRQ_NONE	0u

/*
 * A cell's RAM starts at guest-physical 0 (configs/qemu-x86_64): the
 * real-mode page a further CPU starts on is its own. The inmate links at
 * 1 MiB, where the hypervisor enters it (and a multiboot loader, QEMU's
 * -kernel, loads it on the bare machine).
 */
#define INMATE_RAM_BASE		0x0ul
#define INMATE_LOAD_ADDRESS	0x100000ul

/* The local APIC and the IOAPIC where the PC has them. */
#define LAPIC_BASE	0xfee00000ul
#define IOAPIC_BASE	0xfec00000ul

/* A register the hypervisor emulates for a cell: the local APIC's version. */
#define EMULATED_REGISTER	(LAPIC_BASE + 0x30)

static inline bool irq_valid(unsigned int irq)
{
	return irq != IRQ_NONE && irq != SPURIOUS_IRQ;
}

/* An instruction that is undefined everywhere. */
#define UNDEFINED_INSTRUCTION()	asm volatile("ud2" ::: "memory")

/* Stores are seen by devices in order on x86; the compiler must keep them. */
#define device_barrier()	asm volatile("mfence" ::: "memory")

/* The local APIC's registers (lapic.c), one plain 32-bit access each. */
u32 lapic_read(unsigned int reg);
void lapic_write(unsigned int reg, u32 value);

/* INIT, then SIPI with @vector (the start page's number), to APIC ID @hw_id. */
void lapic_send_init_sipi(u32 hw_id, u8 vector);

/* What start.S saves of an exception or interrupt (its frame on the stack). */
struct trap_frame {
	u64 r11, r10, r9, r8, rdi, rsi, rdx, rcx, rax;
	u64 vector, error_code;
	u64 rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

/*
 * exception_handler - called for an exception (vector below 32) first;
 * true: handled, resume at @frame->rip (which it may move). NULL or false:
 * the library reports it and the cell fails.
 */
extern bool (*exception_handler)(struct trap_frame *frame);

/* The vector the IRQ being handled came in on (start.S's dispatcher sets it). */
extern unsigned int irq_current;

#endif /* _INMATE_ARCH_H */
