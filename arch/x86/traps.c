// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's own descriptor tables on x86-64. Linux's GDT and IDT are
 * at Linux's addresses, which the firmware's tables do not map: each CPU
 * loads these instead when it enters (and Linux's again when it leaves).
 * The GDT's code and data descriptors sit at Linux's kernel selectors
 * (0x10, 0x18), so that the segment registers Linux left loaded stay
 * valid and an exception's iretq would find them. Interrupts and NMIs
 * reach host mode only where svm.c lets an intercepted NMI in (GIF set
 * for a moment, interrupts masked) and where apic_quiesce() drains the
 * interrupts a CPU's last owner left pending: the NMI's vector returns at
 * once, the others end theirs first (entry.S: host_irq_drain); any other
 * exception in host mode is a firmware bug, reported, and the system
 * stopped.
 */
#include <hv/arch.h>
#include <hv/percpu.h>
#include <hv/printk.h>

#include <asm/processor.h>
#include <asm/traps.h>

#define HOST_CS		0x10
#define X86_NMI_VECTOR	2
#define NUM_EXCEPTIONS	32
#define NUM_VECTORS	256
#define STUB_SIZE	16	/* entry.S: host_exception_stubs */

struct host_exception {
	u64 r15, r14, r13, r12, r11, r10, r9, r8;
	u64 rdi, rsi, rbp, rbx, rdx, rcx, rax;
	u64 vector, error_code;
	u64 rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

extern char host_exception_stubs[], host_nmi[], host_irq_drain[];

static const u64 host_gdt[] __attribute__((aligned(16))) = {
	0,
	0,
	0x00af9b000000ffffull,	/* 0x10: 64-bit code, DPL 0 */
	0x00cf93000000ffffull,	/* 0x18: data, DPL 0 */
};
static struct x86_idt_gate host_idt_table[NUM_VECTORS] __attribute__((aligned(16)));

static void build_idt(void)
{
	unsigned int v;

	for (v = 0; v < NUM_VECTORS; v++) {
		u64 at = v == X86_NMI_VECTOR ? (u64)(uintptr_t)host_nmi :
			 v >= NUM_EXCEPTIONS ? (u64)(uintptr_t)host_irq_drain :
			 (u64)(uintptr_t)host_exception_stubs + v * STUB_SIZE;

		host_idt_table[v] = x86_interrupt_gate(at, HOST_CS);
	}
}

void host_tables_load(void)
{
	struct x86_table_register gdtr = { sizeof(host_gdt) - 1, (u64)(uintptr_t)host_gdt };
	struct x86_table_register idtr = { sizeof(host_idt_table) - 1,
				  (u64)(uintptr_t)host_idt_table };

	if (!host_idt_table[0].type)
		build_idt();	/* the first CPU in; relocations applied */
	asm volatile("lgdt %0\n\tlidt %1" : : "m"(gdtr), "m"(idtr) : "memory");
}

void host_exception(struct host_exception *e)
{
	u64 cr2;

	asm volatile("mov %%cr2, %0" : "=r"(cr2));
	panic_stop("CPU %u: exception %llu in the hypervisor at 0x%llx (error 0x%llx, cr2 0x%llx, rsp 0x%llx)\n",
		   this_cpu()->id, (unsigned long long)e->vector,
		   (unsigned long long)e->rip, (unsigned long long)e->error_code,
		   (unsigned long long)cr2, (unsigned long long)e->rsp);
}
