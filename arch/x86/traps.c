// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's own descriptor tables on x86-64. Linux's GDT and IDT are
 * at Linux's addresses, which the firmware's tables do not map: each CPU
 * loads these instead when it enters (and Linux's again when it leaves).
 * The GDT's code and data descriptors sit at Linux's kernel selectors
 * (0x10, 0x18), so that the segment registers Linux left loaded stay
 * valid and an exception's iretq would find them. Interrupts and NMIs
 * reach host mode only where svm.c lets an intercepted NMI in (GIF set
 * for a moment, interrupts masked): its vector returns at once; any other
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
#define NUM_VECTORS	32
#define STUB_SIZE	16	/* entry.S: host_exception_stubs */

struct host_exception {
	u64 r15, r14, r13, r12, r11, r10, r9, r8;
	u64 rdi, rsi, rbp, rbx, rdx, rcx, rax;
	u64 vector, error_code;
	u64 rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type;	/* present, DPL 0, 64-bit interrupt gate */
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
};

struct table_reg {
	u16 limit;
	u64 base;
} __attribute__((packed));

extern char host_exception_stubs[], host_nmi[];

static const u64 host_gdt[] __attribute__((aligned(16))) = {
	0,
	0,
	0x00af9b000000ffffull,	/* 0x10: 64-bit code, DPL 0 */
	0x00cf93000000ffffull,	/* 0x18: data, DPL 0 */
};
static struct idt_gate host_idt_table[NUM_VECTORS] __attribute__((aligned(16)));

static void build_idt(void)
{
	unsigned int v;

	for (v = 0; v < NUM_VECTORS; v++) {
		u64 at = v == X86_NMI_VECTOR ? (u64)(uintptr_t)host_nmi :
			 (u64)(uintptr_t)host_exception_stubs + v * STUB_SIZE;
		struct idt_gate *g = &host_idt_table[v];

		g->offset_low = (u16)at;
		g->selector = HOST_CS;
		g->ist = 0;
		g->type = 0x8e;
		g->offset_mid = (u16)(at >> 16);
		g->offset_high = (u32)(at >> 32);
		g->reserved = 0;
	}
}

void host_tables_load(void)
{
	struct table_reg gdtr = { sizeof(host_gdt) - 1, (u64)(uintptr_t)host_gdt };
	struct table_reg idtr = { sizeof(host_idt_table) - 1,
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
