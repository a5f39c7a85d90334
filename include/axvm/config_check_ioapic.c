// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The validator's rules for an x86-64 machine (local APICs and one IOAPIC),
 * beside the common ones of config_check.c, which includes this file after
 * its helpers: the one validator checks configs of every architecture,
 * wherever it runs.
 *
 * The IOAPIC's registers are one page (index and data window at its base);
 * each CPU's local APIC answers at the same physical page (xAPIC mode),
 * which is a per-CPU device, not memory. A config names at most 240 pins:
 * the version register could count 256, but a local APIC takes only
 * vectors 16-255 (0-15 are illegal), so no more pins than that can each
 * have a vector of their own.
 */

#define IOAPIC_MAX_PINS		240u
#define IOAPIC_SIZE		0x1000ull
#define LAPIC_SIZE		0x1000ull
/* A 16550's eight registers, from its base port, must fit below 0x10000. */
#define UART_8250_PORTS		8u
#define IO_PORT_END		0x10000ull

/* @base is a page of its own: non-zero, aligned. */
static void check_ioapic_page(struct check *c, __u64 base, const char *field)
{
	if (!base || (base & PAGE_MASK_ABI))
		problem(c, -EINVAL,
			"platform.%s 0x%llx must be a non-zero multiple of the page size (0x%llx)",
			field, ull(base), ull(AXVM_PAGE_SIZE_ABI));
}

static void check_ioapic(struct check *c, const struct axvm_ioapic *io)
{
	unsigned int i;

	check_ioapic_page(c, io->ioapic_base, "ioapic.base");
	check_ioapic_page(c, io->lapic_base, "lapic.base");
	if (io->ioapic_base && io->ioapic_base == io->lapic_base)
		problem(c, -EINVAL,
			"platform.ioapic.base and platform.lapic.base are both 0x%llx: the IOAPIC and the local APICs are two devices",
			ull(io->ioapic_base));
	if (!io->ioapic_pins || io->ioapic_pins > IOAPIC_MAX_PINS)
		problem(c, -EINVAL, "platform.ioapic.pins is %u, expected 1 to %u",
			io->ioapic_pins, IOAPIC_MAX_PINS);
	for (i = 0; i < sizeof(io->reserved) / sizeof(io->reserved[0]); i++)
		if (io->reserved[i])
			problem(c, -EINVAL,
				"platform.ioapic.reserved[%u] is 0x%x, must be 0", i,
				io->reserved[i]);
}

/*
 * Both are the hypervisor's: it emulates the IOAPIC for every cell (its
 * redirection entries decide which cell a pin reaches) and virtualizes
 * each CPU's local APIC, so nobody maps either, the root included.
 */
static unsigned int ioapic_frames(const struct axvm_ioapic *io,
				  struct platform_frame *f)
{
	f[0] = (struct platform_frame){ io->ioapic_base, IOAPIC_SIZE,
		"the IOAPIC (the hypervisor emulates it)", 0 };
	f[1] = (struct platform_frame){ io->lapic_base, LAPIC_SIZE,
		"the local APICs (the hypervisor's)", 0 };
	return 2;
}

/*
 * The interrupts a cell may own: the IOAPIC's pins (its GSIs 0 to pins - 1);
 * a cell checked without its machine only against the most an IOAPIC has.
 */
static void ioapic_pins(const struct axvm_ioapic *io, struct irq_limits *l)
{
	l->first = 0;
	l->end = io && io->ioapic_pins <= IOAPIC_MAX_PINS ? io->ioapic_pins :
		 IOAPIC_MAX_PINS;
	l->what = "the IOAPIC's pins";
}

/*
 * A 16550 at I/O ports (AXVM_CONSOLE_8250_PIO): its base port, with room
 * for its eight registers. Port 0 is the DMA controller's, never a UART's.
 */
static void check_8250_pio(struct check *c, const struct axvm_console *con,
			   const char *path)
{
	if (!con->address || con->address > IO_PORT_END - UART_8250_PORTS)
		problem(c, -EINVAL,
			"%saddress 0x%llx: an 8250 at I/O ports needs its base port, 0x1 to 0x%llx (COM1 is 0x3f8)",
			path, ull(con->address),
			ull(IO_PORT_END - UART_8250_PORTS));
}
