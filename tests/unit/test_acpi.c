// SPDX-License-Identifier: GPL-2.0
/*
 * The MADT parser of axvm-ctl config create and hardware check
 * (tools/acpi.c): QEMU pc's own table, and tables built entry by entry
 * for what QEMU's does not have (x2APICs, overrides, more IOAPICs) and
 * for every way a table can be broken.
 */
#include <string.h>

#include "kselftest_harness.h"
#include "acpi.h"

/* QEMU 7.2 pc's MADT, 4 CPUs (tests/machines/qemu-x86_64). */
static const unsigned char qemu_pc_madt[] = {
	0x41, 0x50, 0x49, 0x43, 0x90, 0x00, 0x00, 0x00, 0x01, 0x4b, 0x42, 0x4f,
	0x43, 0x48, 0x53, 0x20, 0x42, 0x58, 0x50, 0x43, 0x20, 0x20, 0x20, 0x20,
	0x01, 0x00, 0x00, 0x00, 0x42, 0x58, 0x50, 0x43, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0xe0, 0xfe, 0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x08, 0x02, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x03, 0x03,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x00, 0x00, 0x00, 0x00, 0xc0, 0xfe,
	0x00, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x02, 0x0a, 0x00, 0x05, 0x05, 0x00, 0x00, 0x00, 0x0d, 0x00,
	0x02, 0x0a, 0x00, 0x09, 0x09, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a,
	0x00, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a, 0x00, 0x0b,
	0x0b, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x04, 0x06, 0xff, 0x00, 0x00, 0x01

};

TEST(qemu_pc)
{
	struct acpi_madt madt;
	char why[160] = "";

	ASSERT_EQ(0, acpi_parse_madt(qemu_pc_madt, sizeof(qemu_pc_madt), &madt, why, sizeof(why)))
		TH_LOG("%s", why);
	EXPECT_EQ(0xfee00000ull, madt.lapic_base);
	EXPECT_TRUE(madt.pcat_compat);
	EXPECT_EQ(4u, madt.num_cpus);
	ASSERT_EQ(1u, madt.num_ioapics);
	EXPECT_EQ(0u, madt.ioapic[0].id);
	EXPECT_EQ(0xfec00000u, madt.ioapic[0].address);
	EXPECT_EQ(0u, madt.ioapic[0].gsi_base);
	EXPECT_EQ(11, madt.max_gsi);	/* IRQ 0 to 2, 5, 9, 10, 11 */
}

/* A MADT under construction: its header, then entries. */
struct table {
	unsigned char b[512];
	size_t len;
};

static void put(struct table *t, const void *bytes, size_t n)
{
	memcpy(t->b + t->len, bytes, n);
	t->len += n;
	t->b[4] = (unsigned char)t->len;	/* the length field, little-endian */
	t->b[5] = (unsigned char)(t->len >> 8);
}

static void start(struct table *t, unsigned int flags)
{
	unsigned char h[44] = { 'A', 'P', 'I', 'C' };

	memset(t, 0, sizeof(*t));
	h[38] = 0xe0;	/* local APICs at 0xfee00000 */
	h[39] = 0xfe;
	h[40] = (unsigned char)flags;
	put(t, h, sizeof(h));
}

#define ENTRY(t, ...) do {						\
		const unsigned char e[] = { __VA_ARGS__ };		\
		put(t, e, sizeof(e));					\
	} while (0)

static int parse(struct table *t, struct acpi_madt *madt, char *why)
{
	return acpi_parse_madt(t->b, t->len, madt, why, 160);
}

TEST(cpus_overrides_and_ioapics)
{
	struct table t;
	struct acpi_madt madt;
	char why[160] = "";

	start(&t, 0);
	ENTRY(&t, 0, 8, 0, 0, 1, 0, 0, 0);	/* local APIC 0, enabled */
	ENTRY(&t, 0, 8, 1, 1, 0, 0, 0, 0);	/* local APIC 1, off */
	ENTRY(&t, 0, 8, 2, 2, 2, 0, 0, 0);	/* local APIC 2, online capable */
	ENTRY(&t, 9, 16, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0);	/* x2APIC 256 */
	ENTRY(&t, 1, 12, 0, 0, 0, 0, 0xc0, 0xfe, 0, 0, 0, 0);	/* IOAPIC, GSI 0 */
	ENTRY(&t, 1, 12, 1, 0, 0, 0x10, 0xc0, 0xfe, 24, 0, 0, 0);	/* GSI 24 */
	ENTRY(&t, 3, 8, 0, 0, 30, 0, 0, 0);	/* NMI source at GSI 30 */
	ENTRY(&t, 2, 10, 0, 9, 20, 0, 0, 0, 0xd, 0);	/* IRQ 9 is GSI 20 */
	ENTRY(&t, 0x7f, 3, 0);	/* a type this parser does not know */
	ENTRY(&t, 5, 12, 0, 0, 0, 0, 0xe0, 0xfe, 1, 0, 0, 0);	/* 0x1fee00000 */
	ASSERT_EQ(0, parse(&t, &madt, why)) TH_LOG("%s", why);
	EXPECT_FALSE(madt.pcat_compat);
	EXPECT_EQ(3u, madt.num_cpus);
	ASSERT_EQ(2u, madt.num_ioapics);
	EXPECT_EQ(0xfec01000u, madt.ioapic[1].address);
	EXPECT_EQ(24u, madt.ioapic[1].gsi_base);
	EXPECT_EQ(30, madt.max_gsi);
	EXPECT_EQ(0x1fee00000ull, madt.lapic_base);
}

TEST(no_overrides_no_gsi)
{
	struct table t;
	struct acpi_madt madt;
	char why[160] = "";

	start(&t, 1);
	ASSERT_EQ(0, parse(&t, &madt, why)) TH_LOG("%s", why);
	EXPECT_TRUE(madt.pcat_compat);
	EXPECT_EQ(0u, madt.num_ioapics);
	EXPECT_EQ(-1, madt.max_gsi);
}

TEST(more_ioapics_than_kept_are_counted)
{
	struct table t;
	struct acpi_madt madt;
	char why[160] = "";

	start(&t, 0);
	for (unsigned char i = 0; i < ACPI_MAX_IOAPICS + 2; i++)
		ENTRY(&t, 1, 12, i, 0, 0, (unsigned char)(i << 4), 0xc0, 0xfe, 0, 0, 0, 0);
	ASSERT_EQ(0, parse(&t, &madt, why)) TH_LOG("%s", why);
	EXPECT_EQ(ACPI_MAX_IOAPICS + 2u, madt.num_ioapics);
	EXPECT_EQ(0xfec07000u, madt.ioapic[ACPI_MAX_IOAPICS - 1].address);
}

FIXTURE(broken) {};
FIXTURE_SETUP(broken) {}
FIXTURE_TEARDOWN(broken) {}
FIXTURE_VARIANT(broken) {
	void (*damage)(struct table *t);
	const char *message;
};

#define BROKEN(_name, _msg, body)					\
	static void damage_##_name(struct table *t) { body; }		\
	FIXTURE_VARIANT_ADD(broken, _name) {				\
		.damage = damage_##_name, .message = _msg,		\
	}

BROKEN(signature, "not a MADT (signature \"APIC\", at least 44 bytes)", t->b[0] = 'X');
BROKEN(shorter_than_header, "not a MADT", t->len = 40);
BROKEN(length_past_file, "its length field says 56 bytes, the file has 52",
       ENTRY(t, 0, 8, 0, 0, 1, 0, 0, 0); ENTRY(t, 0, 4, 0, 0); t->len -= 4);
BROKEN(length_below_header, "its length field says 20 bytes, the file has 44", t->b[4] = 20);
BROKEN(entry_past_end, "entry of type 1 at offset 52 is 12 bytes, which does not fit (the table ends at 60)",
       ENTRY(t, 0, 8, 0, 0, 1, 0, 0, 0); ENTRY(t, 1, 12, 0, 0, 0, 0, 0xc0, 0xfe);
       t->b[4] = 60);
BROKEN(entry_of_length_0, "entry of type 0 at offset 44 is 0 bytes", ENTRY(t, 0, 0, 0, 0));
BROKEN(ioapic_too_short, "entry of type 1 at offset 44 is 8 bytes",
       ENTRY(t, 1, 8, 0, 0, 0, 0, 0xc0, 0xfe));
BROKEN(one_byte_left, "entry of type 0 at offset 52 is 0 bytes",
       ENTRY(t, 0, 8, 0, 0, 1, 0, 0, 0); ENTRY(t, 0));

TEST_F(broken, is_refused_with_the_reason)
{
	struct table t;
	struct acpi_madt madt;
	char why[160] = "";

	start(&t, 0);
	variant->damage(&t);
	EXPECT_EQ(-1, parse(&t, &madt, why));
	EXPECT_NE(NULL, strstr(why, variant->message)) TH_LOG("got: %s", why);
}

TEST_HARNESS_MAIN
