// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 part of the driver (AMD SVM; VMX is to come): the boot table
 * and the state of each CPU the firmware is entered with, the trampoline
 * (x86_64_entry.S), leaving with the disable hypercall
 * (include/axvm/arch/x86_64/hypercall.h has the contract).
 */
#include <linux/cpuhotplug.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/debugreg.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/tsc.h>

#include <axvm/arch.h>
#include <axvm/arch/x86_64/hypercall.h>
#include <axvm/firmware.h>

#include "axvm.h"

const u32 axvm_arch_id = AXVM_ARCH_X86_64;

struct axvm_symbol axvm_arch_symbols[] = { };
const unsigned int axvm_arch_symbol_count = ARRAY_SIZE(axvm_arch_symbols);

/* KVM takes SVM or VMX. */
const char *const axvm_arch_conflicting_modules[] = { "kvm_amd", "kvm_intel", NULL };

/* x86_64_entry.S */
extern char axvm_x86_64_trampoline_page[];
long axvm_x86_64_enter(u64 state, u64 state_pa, u64 cpu, u64 entry_pa,
		       u64 boot_cr3, u64 hv_pa, u64 config_size);
void axvm_x86_64_return(void);

#define PTE_PRESENT	BIT_ULL(0)
#define PTE_WRITE	BIT_ULL(1)
#define PTE_LARGE	BIT_ULL(7)
#define PTE_ADDR	0x000ffffffffff000ull
#define SZ_2M_ULL	(2ull << 20)

static struct {
	struct axvm_x86_64_entry_area area;
	u8 *mem;		/* Linux's mapping of hypervisor memory */
	u64 phys;
	u64 boot_cr3;
	u64 entry_pa;
	unsigned int boot_pages_used;
} fw;

/* The entry area as the image has it, checked against the memory it names. */
static int read_entry_area(const struct axvm_hv_layout *layout, u64 size)
{
	const struct axvm_firmware_header *hdr = layout->mem;
	struct axvm_x86_64_entry_area *a = &fw.area;
	u64 states;

	memcpy(a, (u8 *)layout->mem + (layout->entry - layout->phys), sizeof(*a));
	states = a->linux_state_offset + (u64)hdr->max_cpus * a->linux_state_size;
	if (a->magic != AXVM_X86_64_ENTRY_MAGIC ||
	    a->linux_state_size != sizeof(struct axvm_x86_64_linux_state) ||
	    a->boot_table_pages < 4 || !PAGE_ALIGNED(a->boot_table_offset) ||
	    a->boot_table_offset + a->boot_table_pages * PAGE_SIZE > hdr->memory_size ||
	    states > hdr->memory_size || hdr->max_cpus < nr_cpu_ids ||
	    a->code_offset >= PAGE_SIZE) {
		pr_err("axvm: enable: the firmware's x86-64 entry area is not one this driver knows (magic 0x%llx, state size %u)\n",
		       a->magic, a->linux_state_size);
		return -EINVAL;
	}
	return 0;
}

static u64 *boot_page(u64 pa)
{
	return (u64 *)(fw.mem + (pa - fw.phys));
}

/* The next table of the boot area, zeroed, as a physical address. */
static u64 boot_table_alloc(void)
{
	u64 pa;

	if (fw.boot_pages_used == fw.area.boot_table_pages)
		return 0;
	pa = fw.phys + fw.area.boot_table_offset + fw.boot_pages_used++ * PAGE_SIZE;
	memset(boot_page(pa), 0, PAGE_SIZE);
	return pa;
}

/* Walks from the root to the table holding @va's entry at @leaf_shift. */
static u64 *boot_table_walk(u64 va, unsigned int leaf_shift)
{
	unsigned int shift = (native_read_cr4() & X86_CR4_LA57) ? 48 : 39;
	u64 *table = boot_page(fw.boot_cr3);

	for (; shift > leaf_shift; shift -= 9) {
		u64 *entry = &table[(va >> shift) & 511];

		if (!(*entry & PTE_PRESENT)) {
			u64 next = boot_table_alloc();

			if (!next)
				return NULL;
			*entry = next | PTE_PRESENT | PTE_WRITE;
		}
		table = boot_page(*entry & PTE_ADDR);
	}
	return table;
}

/* Hypervisor memory 1:1 in 2 MiB pages, and the trampoline's page. */
static int build_boot_table(u64 size)
{
	u64 va = (u64)axvm_x86_64_trampoline_page;
	u64 at, *table;

	fw.boot_pages_used = 0;
	fw.boot_cr3 = boot_table_alloc();
	for (at = fw.phys & ~(SZ_2M_ULL - 1); at < fw.phys + size; at += SZ_2M_ULL) {
		table = boot_table_walk(at, 21);
		if (!table)
			goto full;
		table[(at >> 21) & 511] = at | PTE_PRESENT | PTE_WRITE | PTE_LARGE;
	}
	table = boot_table_walk(va, 12);
	if (!table)
		goto full;
	table[(va >> 12) & 511] = PFN_PHYS(vmalloc_to_pfn((void *)va)) | PTE_PRESENT;
	return 0;
full:
	pr_err("axvm: enable: the firmware's boot table (%u pages) cannot map hypervisor memory 0x%llx+0x%llx\n",
	       fw.area.boot_table_pages, fw.phys, size);
	return -EINVAL;
}

static long vmmcall(u64 code, u64 arg1, u64 arg2)
{
	long ret;

	asm volatile("vmmcall" : "=a"(ret) : "a"(code), "D"(arg1), "S"(arg2) : "memory");
	return ret;
}

/*
 * CPU hotplug while enabled: Linux starts a CPU with INIT and SIPI
 * through its local APIC, which the firmware emulates for the CPUs under
 * it (a CPU offline at enable never entered it, and would run beside the
 * hypervisor: refused). A CPU Linux took offline waits in its dead loop,
 * which the firmware cannot see: it is parked in the hypervisor then.
 */
static enum cpuhp_state hotplug_state;
/*
 * CPUs under the firmware: all online ones or none whenever hotplug can
 * run (enable and disable hold the hotplug lock while CPUs move).
 */
static atomic_t cpus_in = ATOMIC_INIT(0);

static int cpu_coming(unsigned int cpu)
{
	if (!atomic_read(&cpus_in) || vmmcall(AXVM_HC_CPU_STATS, cpu, 0) >= 0)
		return 0;
	pr_err("axvm: CPU %u stays offline: it was offline when the hypervisor was enabled (disable it first)\n",
	       cpu);
	return -EBUSY;
}

static int cpu_gone(unsigned int cpu)
{
	long err;

	if (!atomic_read(&cpus_in))
		return 0;
	err = vmmcall(AXVM_HC_CPU_PARK, cpu, 0);
	if (err)
		pr_err("axvm: CPU %u went offline but did not park in the hypervisor (error %ld)\n",
		       cpu, err);
	return 0;
}

static int watch_cpus(void)
{
	int state = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN, "axvm:cpu",
					      cpu_coming, cpu_gone);

	if (state < 0) {
		pr_err("axvm: enable: cannot follow CPU hotplug (%d)\n", state);
		return state;
	}
	hotplug_state = state;
	return 0;
}

int axvm_arch_prepare(const struct axvm_hv_layout *layout, u64 size)
{
	int err;

	/*
	 * The CPU itself, not Linux's feature words: a CPU brought online
	 * under the hypervisor saw SVM hidden (arch/x86/svm.c) and took it
	 * out of them for good.
	 */
	if (!(cpuid_ecx(0x80000001) & BIT(2)) || !(cpuid_edx(0x8000000a) & BIT(0))) {
		pr_err("axvm: enable: this CPU has no AMD SVM with nested paging (Intel VMX is not supported yet)\n");
		return -ENODEV;
	}
	if (!tsc_khz) {
		pr_err("axvm: enable: Linux knows no TSC frequency; the firmware times with the TSC\n");
		return -ENODEV;
	}
	fw.mem = layout->mem;
	fw.phys = layout->phys;
	err = read_entry_area(layout, size);
	if (err)
		return err;
	fw.entry_pa = layout->entry + fw.area.code_offset;
	err = build_boot_table(size);
	return err ? err : watch_cpus();
}

void axvm_arch_release(void)
{
	if (hotplug_state > 0)
		cpuhp_remove_state_nocalls(hotplug_state);
	hotplug_state = 0;
	fw.mem = NULL;
}

/* SVM's packed attributes of the descriptor @sel names in @gdt. */
static void read_segment(struct axvm_x86_64_segment *seg, u16 sel,
			 const struct desc_ptr *gdt, bool system)
{
	const u64 *table = (const u64 *)gdt->address;
	u64 d, limit;

	seg->selector = sel;
	if (!(sel & ~7u) || (sel | 7u) > gdt->size) {
		seg->attrib = 0;	/* null: unusable */
		seg->limit = 0;
		seg->base = 0;
		return;
	}
	d = table[sel >> 3];
	seg->attrib = ((d >> 40) & 0xff) | (((d >> 52) & 0xf) << 8);
	limit = (d & 0xffff) | ((d >> 32) & 0xf0000);
	seg->limit = (d & BIT_ULL(55)) ? (u32)((limit << 12) | 0xfff) : (u32)limit;
	seg->base = ((d >> 16) & 0xffffff) | ((d >> 56) << 24);
	if (system)	/* TSS and LDT descriptors are 16 bytes: base bits 32-63 */
		seg->base |= table[(sel >> 3) + 1] << 32;
}

static void read_segments(struct axvm_x86_64_linux_state *ls)
{
	static const u8 order[] = { AXVM_X86_64_SEG_ES, AXVM_X86_64_SEG_CS,
				    AXVM_X86_64_SEG_SS, AXVM_X86_64_SEG_DS,
				    AXVM_X86_64_SEG_FS, AXVM_X86_64_SEG_GS };
	u16 sel[ARRAY_SIZE(order)], tr, ldtr;
	struct desc_ptr gdt;
	unsigned int i;

	native_store_gdt(&gdt);
	savesegment(es, sel[0]);
	savesegment(cs, sel[1]);
	savesegment(ss, sel[2]);
	savesegment(ds, sel[3]);
	savesegment(fs, sel[4]);
	savesegment(gs, sel[5]);
	asm volatile("str %0\n\tsldt %1" : "=r"(tr), "=r"(ldtr));
	for (i = 0; i < ARRAY_SIZE(order); i++)
		read_segment(&ls->segs[order[i]], sel[i], &gdt, false);
	read_segment(&ls->segs[AXVM_X86_64_SEG_TR], tr, &gdt, true);
	read_segment(&ls->segs[AXVM_X86_64_SEG_LDTR], ldtr, &gdt, true);
	/* A null SS is a writable data segment to VMRUN at CPL 0. */
	if (!ls->segs[AXVM_X86_64_SEG_SS].attrib)
		ls->segs[AXVM_X86_64_SEG_SS].attrib = 0x93;
	ls->segs[AXVM_X86_64_SEG_FS].base = native_read_msr(MSR_FS_BASE);
	ls->segs[AXVM_X86_64_SEG_GS].base = native_read_msr(MSR_GS_BASE);
	ls->gdtr.limit = gdt.size;
	ls->gdtr.base = gdt.address;
}

static void read_linux_state(struct axvm_x86_64_linux_state *ls, unsigned int cpu)
{
	struct desc_ptr idt;

	memset(ls, 0, sizeof(*ls));
	ls->self = (u64)ls;
	ls->return_rip = (u64)axvm_x86_64_return;
	ls->return_page_pa = PFN_PHYS(vmalloc_to_pfn(axvm_x86_64_trampoline_page));
	ls->cr0 = native_read_cr0();
	ls->cr3 = __native_read_cr3();
	ls->cr4 = native_read_cr4();
	ls->efer = native_read_msr(MSR_EFER) & ~EFER_SVME;
	ls->pat = native_read_msr(MSR_IA32_CR_PAT);
	read_segments(ls);
	store_idt(&idt);
	ls->idtr.limit = idt.size;
	ls->idtr.base = idt.address;
	ls->kernel_gs_base = native_read_msr(MSR_KERNEL_GS_BASE);
	ls->star = native_read_msr(MSR_STAR);
	ls->lstar = native_read_msr(MSR_LSTAR);
	ls->cstar = native_read_msr(MSR_CSTAR);
	ls->sfmask = native_read_msr(MSR_SYSCALL_MASK);
	ls->sysenter_cs = native_read_msr(MSR_IA32_SYSENTER_CS);
	ls->sysenter_esp = native_read_msr(MSR_IA32_SYSENTER_ESP);
	ls->sysenter_eip = native_read_msr(MSR_IA32_SYSENTER_EIP);
	ls->dr7 = native_get_debugreg(7);
	ls->debugctl = native_read_msr(MSR_IA32_DEBUGCTLMSR);
	ls->apic_id = cpu_physical_id(cpu);
	ls->tsc_khz = tsc_khz;
}

/* Out of SVM again, in host mode: GIF back on, EFER.SVME off. */
static void svm_off(void)
{
	asm volatile("stgi" ::: "memory");
	wrmsrl(MSR_EFER, native_read_msr(MSR_EFER) & ~EFER_SVME);
}

long axvm_arch_enter_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	struct axvm_x86_64_linux_state *ls = (void *)(fw.mem + fw.area.linux_state_offset +
						       cpu * sizeof(*ls));
	u64 ls_pa = fw.phys + ((u8 *)ls - fw.mem);
	long err;

	read_linux_state(ls, cpu);
	wrmsrl(MSR_EFER, native_read_msr(MSR_EFER) | EFER_SVME);
	asm volatile("clgi" ::: "memory");
	err = axvm_x86_64_enter((u64)ls, ls_pa, cpu, fw.entry_pa, fw.boot_cr3,
				fw.phys, layout->config_size);
	if (err)
		svm_off();
	else
		atomic_inc(&cpus_in);
	return err;
}

/* Only a CPU that left is out of guest mode, where STGI would be refused. */
long axvm_arch_leave_cpu(unsigned int cpu, const struct axvm_hv_layout *layout)
{
	long err = vmmcall(AXVM_HC_DISABLE, 0, 0);

	if (!err) {
		svm_off();
		atomic_dec(&cpus_in);
	}
	return err;
}

long axvm_arch_hypercall(u64 code, u64 arg1, u64 arg2)
{
	return vmmcall(code, arg1, arg2);
}

/* x86's caches are coherent, instruction fetches included. */
void axvm_arch_flush(void *addr, size_t size)
{
}

u64 axvm_arch_ticks(void)
{
	return rdtsc_ordered();
}

/* The PMU is not borrowed on x86-64 yet: no instruction counts. */
int axvm_arch_count_instructions(void (*fn)(void), u32 *counts, unsigned int n)
{
	return -EOPNOTSUPP;
}
