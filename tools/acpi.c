// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI tables (acpi.h): the MADT's entries, as ACPI 6.5 section 5.2.12
 * lays them out (little-endian, packed, each entry its type and length
 * first). The checksum is not checked: Linux uses a table whose checksum
 * is wrong (it warns), and axvm must describe the machine Linux runs on.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "acpi.h"
#include "devicetree.h"

#define ACPI_HEADER_SIZE	36u
#define MADT_ENTRIES		44u	/* header, local APIC address, flags */
#define MADT_PCAT_COMPAT	1u

enum madt_type {
	MADT_LAPIC = 0,
	MADT_IOAPIC = 1,
	MADT_SOURCE_OVERRIDE = 2,
	MADT_NMI_SOURCE = 3,
	MADT_LAPIC_OVERRIDE = 5,
	MADT_X2APIC = 9,
};

/* A local APIC's or x2APIC's flags: enabled, or online capable. */
#define LAPIC_USABLE		3u

const char *acpi_table_path(const char *sig)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/sys/firmware/acpi/tables/%s", sysroot, sig);
	return path;
}

long acpi_read_table(const char *sig, void *buf, size_t size)
{
	FILE *f = fopen(acpi_table_path(sig), "rb");
	size_t len;

	if (!f)
		return -1;
	len = fread(buf, 1, size, f);
	fclose(f);
	return (long)len;
}

static uint32_t le(const uint8_t *p, unsigned int bytes)
{
	uint32_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

static uint64_t le64(const uint8_t *p)
{
	return le(p, 4) | (uint64_t)le(p + 4, 4) << 32;
}

/* The shortest each entry this parser reads can be. */
static unsigned int entry_size(uint8_t type)
{
	switch (type) {
	case MADT_LAPIC:
		return 8;
	case MADT_IOAPIC:
	case MADT_LAPIC_OVERRIDE:
		return 12;
	case MADT_SOURCE_OVERRIDE:
		return 10;
	case MADT_NMI_SOURCE:
		return 8;
	case MADT_X2APIC:
		return 16;
	default:
		return 2;
	}
}

static void note_gsi(struct acpi_madt *madt, uint32_t gsi)
{
	if ((long long)gsi > madt->max_gsi)
		madt->max_gsi = gsi;
}

/* One entry of at least entry_size(e[0]) bytes. */
static void parse_entry(const uint8_t *e, struct acpi_madt *madt)
{
	switch (e[0]) {
	case MADT_LAPIC:
		madt->num_cpus += (le(e + 4, 4) & LAPIC_USABLE) != 0;
		break;
	case MADT_X2APIC:
		madt->num_cpus += (le(e + 8, 4) & LAPIC_USABLE) != 0;
		break;
	case MADT_IOAPIC:
		if (madt->num_ioapics < ACPI_MAX_IOAPICS)
			madt->ioapic[madt->num_ioapics] = (struct acpi_ioapic){
				e[2], le(e + 4, 4), le(e + 8, 4) };
		madt->num_ioapics++;
		break;
	case MADT_SOURCE_OVERRIDE:
		note_gsi(madt, le(e + 4, 4));
		break;
	case MADT_NMI_SOURCE:
		note_gsi(madt, le(e + 4, 4));
		break;
	case MADT_LAPIC_OVERRIDE:
		madt->lapic_base = le64(e + 4);
		break;
	}
}

int acpi_parse_madt(const void *table, size_t len, struct acpi_madt *madt,
		    char *why, size_t why_size)
{
	const uint8_t *t = table;
	size_t at, end;

	memset(madt, 0, sizeof(*madt));
	madt->max_gsi = -1;
	if (len < MADT_ENTRIES || memcmp(t, "APIC", 4)) {
		snprintf(why, why_size, "not a MADT (signature \"APIC\", at least %u bytes)",
			 MADT_ENTRIES);
		return -1;
	}
	end = le(t + 4, 4);
	if (end < MADT_ENTRIES || end > len) {
		snprintf(why, why_size, "its length field says %zu bytes, the file has %zu",
			 end, len);
		return -1;
	}
	madt->lapic_base = le(t + ACPI_HEADER_SIZE, 4);
	madt->pcat_compat = le(t + ACPI_HEADER_SIZE + 4, 4) & MADT_PCAT_COMPAT;
	for (at = MADT_ENTRIES; at < end; at += t[at + 1]) {
		if (end - at < 2 || t[at + 1] < entry_size(t[at]) ||
		    t[at + 1] > end - at) {
			snprintf(why, why_size, "entry of type %u at offset %zu is %u bytes, "
				 "which does not fit (the table ends at %zu)", t[at],
				 at, end - at < 2 ? 0 : t[at + 1], end);
			return -1;
		}
		parse_entry(t + at, madt);
	}
	return 0;
}
