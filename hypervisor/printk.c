// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's console: formatted output on the debug UART, each line
 * prefixed "[axvm] " so that it stands out from Linux's own.
 */
#include <hv/arch.h>
#include <hv/console.h>
#include <lib/format.h>
#include <hv/percpu.h>
#include <hv/printk.h>
#include <hv/spinlock.h>

#define PRINTK_BUFFER_SIZE 256

static bool at_line_start = true;
static spinlock_t console_lock;

/* The UART, and the ring `axvm-ctl console` reads. */
static void emit(char c)
{
	arch_console_putc(c);
	if (hypervisor_ring && c != '\r')
		console_ring_putc(hypervisor_ring, c);
}

static void console_write(const char *s)
{
	for (; *s; s++) {
		if (at_line_start) {
			for (const char *p = "[axvm] "; *p; p++)
				emit(*p);
			at_line_start = false;
		}
		if (*s == '\n') {
			emit('\r');
			at_line_start = true;
		}
		emit(*s);
	}
}

static void vprintk(const char *fmt, va_list args)
{
	char buf[PRINTK_BUFFER_SIZE];

	format_string(buf, sizeof(buf), fmt, args);
	spin_lock(&console_lock);
	console_write(buf);
	spin_unlock(&console_lock);
}

void printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

bool panic_in_progress;

/*
 * Something the firmware cannot recover from: say what, then stop every
 * CPU (the others are kicked and stop in their interrupt handler), so that
 * nothing runs on in an unknown state.
 */
void panic_stop(const char *fmt, ...)
{
	va_list args;

	__atomic_store_n(&panic_in_progress, true, __ATOMIC_RELEASE);
	console_write("PANIC: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	cpus_kick_others();
	console_write("all CPUs stopped\n");
	arch_cpu_stop();
}
