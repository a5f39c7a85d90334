// SPDX-License-Identifier: GPL-2.0
/*
 * The shared firmware check (include/axvm/firmware_check.c): an intact
 * header passes; each kind of damage is refused with its own message.
 */
#include <stdarg.h>
#include <stdio.h>

#include "kselftest_harness.h"
#include <axvm/abi.h>
#include <axvm/arch.h>
#include <axvm/firmware_check.h>
#include "collect.h"

#define IMAGE_SIZE 0x3000

static union {
	struct axvm_firmware_header hdr;
	unsigned char bytes[IMAGE_SIZE];
} image;

static void make_intact(void)
{
	memset(&image, 0, sizeof(image));
	memcpy(image.hdr.magic, AXVM_FIRMWARE_MAGIC, sizeof(AXVM_FIRMWARE_MAGIC));
	image.hdr.abi_revision = AXVM_ABI_REVISION;
	image.hdr.arch = AXVM_ARCH_ARM64;
	image.hdr.image_size = IMAGE_SIZE;
	image.hdr.memory_size = 2 * IMAGE_SIZE;
	image.hdr.entry_offset = 0x800;
	image.hdr.max_cpus = 8;
	image.hdr.header_size = sizeof(image.hdr);
	image.hdr.config_offset = 3 * IMAGE_SIZE;
	strcpy(image.hdr.version, "1.2.3");
}

static int check(struct messages *c, unsigned long long size)
{
	struct axvm_report report = reporter(c);

	return axvm_firmware_check(&image, size, AXVM_ARCH_ARM64, &report);
}

TEST(intact_image_passes)
{
	struct messages c;

	make_intact();
	EXPECT_EQ(0, check(&c, IMAGE_SIZE));
	EXPECT_EQ(0, c.count) TH_LOG("%s", c.text);
}

FIXTURE(damaged) {
	struct messages c;
};
FIXTURE_SETUP(damaged) { make_intact(); }
FIXTURE_TEARDOWN(damaged) {}

FIXTURE_VARIANT(damaged) {
	void (*damage)(unsigned long long *size);
	const char *message;
};

#define DAMAGE(name, body, msg)						\
	static void damage_##name(unsigned long long *size)		\
	{ (void)size; body; }						\
	FIXTURE_VARIANT_ADD(damaged, name) {				\
		.damage = damage_##name, .message = msg,		\
	}

DAMAGE(too_small, *size = 100, "image is 100 bytes, smaller than its 128-byte header");
DAMAGE(magic, image.hdr.magic[3] = 'X', "bad magic");
DAMAGE(abi, image.hdr.abi_revision = AXVM_ABI_REVISION + 1, "abi_revision is 5, this side speaks 4");
DAMAGE(arch, image.hdr.arch = AXVM_ARCH_RISCV64, "built for riscv64 (arch 3), this machine is arm64");
DAMAGE(unknown_arch, image.hdr.arch = 77, "built for unknown (arch 77)");
DAMAGE(header_size, image.hdr.header_size = 64, "header_size is 64, expected 128");
DAMAGE(truncated, *size = IMAGE_SIZE - 1, "image_size is 12288 but the file has 12287 bytes");
DAMAGE(memory_below_image, image.hdr.memory_size = 16, "memory_size is 16");
DAMAGE(memory_huge, image.hdr.memory_size = 1ull << 40, "memory_size is 1099511627776");
DAMAGE(entry_in_header, image.hdr.entry_offset = 0, "entry_offset 0x0");
DAMAGE(entry_misaligned, image.hdr.entry_offset = 0x900, "entry_offset 0x900");
DAMAGE(entry_past_end, image.hdr.entry_offset = IMAGE_SIZE, "entry_offset 0x3000");
DAMAGE(no_cpus, image.hdr.max_cpus = 0, "max_cpus is 0");
DAMAGE(version, memset(image.hdr.version, 'v', sizeof(image.hdr.version)), "version string is not NUL-terminated");
DAMAGE(reserved, image.hdr.reserved[3] = 1, "reserved[3] is 0x1, must be 0");
DAMAGE(config_inside_image, image.hdr.config_offset = IMAGE_SIZE, "config_offset 0x3000 is not a page-aligned offset");
DAMAGE(config_misaligned, image.hdr.config_offset = 3 * IMAGE_SIZE + 8, "config_offset 0x9008");

TEST_F(damaged, is_refused_with_its_message)
{
	unsigned long long size = IMAGE_SIZE;

	variant->damage(&size);
	EXPECT_EQ(-ENOEXEC, check(&self->c, size));
	EXPECT_LE(1, self->c.count);
	EXPECT_NE(NULL, strstr(self->c.text, variant->message))
		TH_LOG("got: %s", self->c.text);
}

/* riscv64's entry is code (4 bytes), not arm64's 2 KiB vector table. */
TEST(riscv64_entry_needs_only_instruction_alignment)
{
	struct axvm_report report;
	struct messages c;

	make_intact();
	image.hdr.arch = AXVM_ARCH_RISCV64;
	image.hdr.entry_offset = 0x1004;
	report = reporter(&c);
	EXPECT_EQ(0, axvm_firmware_check(&image, IMAGE_SIZE, AXVM_ARCH_RISCV64, &report));
	image.hdr.entry_offset = 0x1002;
	report = reporter(&c);
	EXPECT_NE(0, axvm_firmware_check(&image, IMAGE_SIZE, AXVM_ARCH_RISCV64, &report));
	EXPECT_NE(NULL, strstr(c.text, "not 4-byte aligned")) TH_LOG("%s", c.text);
}

TEST(every_problem_is_reported_at_once)
{
	struct messages c;

	make_intact();
	image.hdr.max_cpus = 0;
	image.hdr.reserved[0] = 9;
	image.hdr.arch = AXVM_ARCH_X86_64;
	EXPECT_EQ(-ENOEXEC, check(&c, IMAGE_SIZE));
	EXPECT_EQ(3, c.count) TH_LOG("%s", c.text);
}

TEST_HARNESS_MAIN
