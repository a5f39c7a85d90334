/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables as Linux shows them under /sys/firmware/acpi/tables (each
 * file the table as the firmware wrote it, header included): reading one,
 * and the MADT's interrupt controllers (acpi.c). Parsing is pure code
 * (unit-tested); only acpi_read_table() touches files.
 */
#ifndef AXVM_CTL_ACPI_H
#define AXVM_CTL_ACPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACPI_MAX_IOAPICS	8

struct acpi_ioapic {
	uint32_t id, address, gsi_base;
};

/**
 * struct acpi_madt - what the MADT ("APIC") says of the interrupt controllers
 * @lapic_base:  the local APICs' address (a 64-bit override applied).
 * @pcat_compat: the machine also has the two 8259s (flag PCAT_COMPAT).
 * @num_cpus:    local APIC and x2APIC entries that are enabled or may be
 *               brought online.
 * @num_ioapics: IOAPIC entries, of which the first ACPI_MAX_IOAPICS are in
 *               @ioapic, in table order.
 * @max_gsi:     the highest GSI an interrupt source override or NMI source
 *               names; -1 if none does.
 */
struct acpi_madt {
	uint64_t lapic_base;
	bool pcat_compat;
	unsigned int num_cpus, num_ioapics;
	struct acpi_ioapic ioapic[ACPI_MAX_IOAPICS];
	long long max_gsi;
};

/*
 * Reads table @sig (e.g. "APIC") below the sysroot into @buf; its length,
 * or -1 (errno set) if it cannot be read.
 */
long acpi_read_table(const char *sig, void *buf, size_t size);
/* The file acpi_read_table() reads for @sig (for messages). */
const char *acpi_table_path(const char *sig);

/*
 * Parses the @len bytes of a MADT at @table into @madt. 0, or -1 with
 * @why (of @why_size bytes) saying what is wrong with the table.
 */
int acpi_parse_madt(const void *table, size_t len, struct acpi_madt *madt,
		    char *why, size_t why_size);

#endif /* AXVM_CTL_ACPI_H */
