// SPDX-License-Identifier: GPL-2.0
/*
 * The driver refuses a damaged or foreign firmware image with a clear
 * message and changes nothing. Each variant damages one field of the real
 * image, puts it where the driver looks, and asks for enable.
 */
#include <sys/ioctl.h>

#include <axvm/arch.h>
#include <axvm/firmware.h>
#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

#define BACKUP AXVM_FIRMWARE_FILE ".selftest-orig"

enum damage { NONE, MISSING, MAGIC, ABI, ARCH, TRUNCATED, TINY, RESERVED,
	      ENTRY, VERSION, CONFIG_OFFSET };

FIXTURE(firmware) {
	int fd;
};

FIXTURE_VARIANT(firmware) {
	enum damage damage;
	int expected_errno;
	const char *message;
};

FIXTURE_VARIANT_ADD(firmware, missing) {
	.damage = MISSING, .expected_errno = ENOENT,
	.message = "cannot load firmware " AXVM_FIRMWARE_NAME,
};
FIXTURE_VARIANT_ADD(firmware, bad_magic) {
	.damage = MAGIC, .expected_errno = ENOEXEC,
	.message = "bad magic: not an axvm firmware image",
};
FIXTURE_VARIANT_ADD(firmware, abi_revision) {
	.damage = ABI, .expected_errno = ENOEXEC,
	.message = "abi_revision is 99",
};
FIXTURE_VARIANT_ADD(firmware, foreign_arch) {
	.damage = ARCH, .expected_errno = ENOEXEC,
	.message = "built for " FOREIGN_ARCH_NAME ", this machine is " AXVM_ARCH_NAME,
};
FIXTURE_VARIANT_ADD(firmware, truncated) {
	.damage = TRUNCATED, .expected_errno = ENOEXEC,
	.message = "(truncated or padded?)",
};
FIXTURE_VARIANT_ADD(firmware, shorter_than_header) {
	.damage = TINY, .expected_errno = ENOEXEC,
	.message = "smaller than its 128-byte header",
};
FIXTURE_VARIANT_ADD(firmware, reserved_field) {
	.damage = RESERVED, .expected_errno = ENOEXEC,
	.message = "reserved[2] is 0x5a, must be 0",
};
FIXTURE_VARIANT_ADD(firmware, entry_outside_image) {
	.damage = ENTRY, .expected_errno = ENOEXEC,
	.message = "entry_offset 0x",
};
FIXTURE_VARIANT_ADD(firmware, config_offset_inside_image) {
	.damage = CONFIG_OFFSET, .expected_errno = ENOEXEC,
	.message = "config_offset 0x1000 is not a page-aligned offset",
};
FIXTURE_VARIANT_ADD(firmware, unterminated_version) {
	.damage = VERSION, .expected_errno = ENOEXEC,
	.message = "version string is not NUL-terminated",
};
/* The intact image, for contrast: it enables (and is disabled again). */
FIXTURE_VARIANT_ADD(firmware, intact) {
	.damage = NONE, .expected_errno = 0,
	.message = "axvm: hypervisor enabled on",
};

static void damage_image(struct axvm_firmware_header *hdr, size_t *size,
			 enum damage damage)
{
	switch (damage) {
	case MAGIC:
		hdr->magic[0] ^= 0xff;
		break;
	case ABI:
		hdr->abi_revision = 99;
		break;
	case ARCH:
		hdr->arch = FOREIGN_ARCH;
		break;
	case TRUNCATED:
		*size -= 100;
		break;
	case TINY:
		*size = 16;
		break;
	case RESERVED:
		hdr->reserved[2] = 0x5a;
		break;
	case ENTRY:
		hdr->entry_offset = hdr->image_size + 0x800;
		break;
	case VERSION:
		memset(hdr->version, 'x', sizeof(hdr->version));
		break;
	case CONFIG_OFFSET:
		hdr->config_offset = 0x1000;
		break;
	case NONE:
	case MISSING:
		break;
	}
}

FIXTURE_SETUP(firmware)
{
	size_t size;
	void *image;

	ASSERT_EQ(0, rename(AXVM_FIRMWARE_FILE, BACKUP));
	image = read_whole_file(BACKUP, &size);
	ASSERT_NE(NULL, image);
	ASSERT_LE(sizeof(struct axvm_firmware_header), size);
	if (variant->damage != MISSING) {
		damage_image(image, &size, variant->damage);
		ASSERT_EQ(0, write_file(AXVM_FIRMWARE_FILE, image, size));
	}
	free(image);
	self->fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, self->fd);
}

FIXTURE_TEARDOWN(firmware)
{
	char buf[16];

	close(self->fd);
	unlink(AXVM_FIRMWARE_FILE);
	ASSERT_EQ(0, rename(BACKUP, AXVM_FIRMWARE_FILE));
	EXPECT_EQ(0, axvm_sysfs_read("enabled", buf, sizeof(buf)));
	EXPECT_STREQ("0", buf);
}

TEST_F(firmware, enable_is_refused_with_message)
{
	size_t size;
	void *config = read_whole_file("/etc/axvm/configs/root.bin", &size);
	struct axvm_blob blob = {
		.address = (uintptr_t)config, .size = (__u32)size,
	};
	int kmsg = kmsg_open();

	ASSERT_NE(NULL, config);
	errno = 0;
	if (variant->expected_errno) {
		EXPECT_EQ(-1, ioctl(self->fd, AXVM_IOCTL_ENABLE, &blob));
		EXPECT_EQ(variant->expected_errno, errno);
	} else {
		ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_ENABLE, &blob));
		ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_DISABLE));
	}
	EXPECT_TRUE(kmsg_contains(kmsg, variant->message))
		TH_LOG("no kernel message containing \"%s\"", variant->message);
	close(kmsg);
	free(config);
}

TEST_HARNESS_MAIN
