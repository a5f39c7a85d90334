// SPDX-License-Identifier: GPL-2.0
/*
 * The argument checks of every /dev/axvm command other than the configs
 * (config_ioctl_test.c): reserved fields, counts, sizes, bad pointers, and
 * the answer of each command while the hypervisor is not enabled.
 */
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <axvm/abi.h>
#include <axvm/cell.h>
#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

FIXTURE(dev) {
	int fd;
	void *unmapped;
};

FIXTURE_SETUP(dev)
{
	self->fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, self->fd);
	self->unmapped = mmap(NULL, 4096, PROT_NONE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, self->unmapped);
}

FIXTURE_TEARDOWN(dev)
{
	munmap(self->unmapped, 4096);
	close(self->fd);
}

static int err_of(int fd, unsigned long cmd, void *arg)
{
	errno = 0;
	return ioctl(fd, cmd, arg) == -1 ? errno : 0;
}

TEST_F(dev, info_reports_the_driver)
{
	struct axvm_info info;
	char version[64];

	memset(&info, 0xa5, sizeof(info));
	ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_INFO, &info));
	EXPECT_EQ(AXVM_ABI_REVISION, info.abi_revision);
	EXPECT_EQ(0, info.enabled);
	EXPECT_EQ(0, info.num_cells);
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_CONF), info.num_cpus);
	EXPECT_EQ(0, info.memory_total);
	ASSERT_EQ(0, axvm_sysfs_read("version", version, sizeof(version)));
	EXPECT_STREQ(version, info.version);
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(0, info.reserved[i]);
}

TEST_F(dev, info_to_unmapped_memory_is_efault)
{
	EXPECT_EQ(EFAULT, err_of(self->fd, AXVM_IOCTL_INFO, self->unmapped));
}

TEST_F(dev, cell_list_is_empty_while_disabled)
{
	struct axvm_cell_info cells[4];
	struct axvm_cell_list list = {
		.cells = (uintptr_t)cells, .max_entries = 4, .num_cells = 99,
	};

	ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_CELL_LIST, &list));
	EXPECT_EQ(0, list.num_cells);
}

TEST_F(dev, cell_list_limits)
{
	struct axvm_cell_list list = { .max_entries = AXVM_MAX_LIST_ENTRIES + 1 };

	EXPECT_EQ(E2BIG, err_of(self->fd, AXVM_IOCTL_CELL_LIST, &list));
	EXPECT_EQ(EFAULT, err_of(self->fd, AXVM_IOCTL_CELL_LIST, self->unmapped));
}

TEST_F(dev, cell_id_commands)
{
	const unsigned long cmds[] = {
		AXVM_IOCTL_CELL_START, AXVM_IOCTL_CELL_SHUTDOWN,
		AXVM_IOCTL_CELL_DESTROY,
	};
	struct axvm_cell_id bad = { .id = 1, .reserved = 1 }, good = { .id = 1 };

	for (size_t i = 0; i < 3; i++) {
		EXPECT_EQ(EINVAL, err_of(self->fd, cmds[i], &bad));
		EXPECT_EQ(EFAULT, err_of(self->fd, cmds[i], self->unmapped));
		EXPECT_EQ(ENODEV, err_of(self->fd, cmds[i], &good));
	}
}

FIXTURE(load) {
	int fd;
	char image[64];
	struct axvm_image images[AXVM_MAX_IMAGES + 1];
	struct axvm_cell_load load;
};

FIXTURE_VARIANT(load) {
	void (*mutate)(struct axvm_cell_load *load, struct axvm_image *images);
	int expected_errno;
	const char *message;
};

#define LOAD(_name, _errno, _msg, body)					\
	static void load_##_name(struct axvm_cell_load *load,		\
				 struct axvm_image *images)		\
	{ (void)load; (void)images; body; }				\
	FIXTURE_VARIANT_ADD(load, _name) {				\
		.mutate = load_##_name, .expected_errno = _errno,	\
		.message = _msg,					\
	}

LOAD(reserved, EINVAL, "cell load: reserved fields must be 0", load->reserved = 1);
LOAD(cell_reserved, EINVAL, "cell load: reserved fields must be 0", load->cell.reserved = 1);
LOAD(no_images, EINVAL, "cell load: num_images is 0", load->num_images = 0);
LOAD(too_many_images, E2BIG, "num_images 17 exceeds the limit of 16",
     load->num_images = AXVM_MAX_IMAGES + 1);
LOAD(images_unmapped, EFAULT, "", load->images = 16);
LOAD(image_reserved, EINVAL, "images[0].reserved is 0x3", images[0].reserved = 3);
LOAD(image_empty, EINVAL, "images[0].size is 0", images[0].size = 0);
LOAD(image_too_large, E2BIG, "images[0].size 268435457 exceeds",
     images[0].size = AXVM_IMAGE_MAX_SIZE + 1ull);
LOAD(image_address_wraps, EINVAL, "images[0]: address 0xfffffffffffffff0",
     images[0].address = 0xfffffffffffffff0ull);
LOAD(needs_hypervisor, ENODEV, "cell load: the hypervisor is not enabled", );

FIXTURE_SETUP(load)
{
	self->fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, self->fd);
	for (int i = 0; i <= AXVM_MAX_IMAGES; i++)
		self->images[i] = (struct axvm_image){
			.source = (uintptr_t)self->image,
			.size = sizeof(self->image), .address = 0x40000000,
		};
	self->load = (struct axvm_cell_load){
		.cell.id = 1, .num_images = 1,
		.images = (uintptr_t)self->images,
	};
}

FIXTURE_TEARDOWN(load)
{
	close(self->fd);
}

TEST_F(load, arguments_are_checked)
{
	int kmsg = kmsg_open();

	variant->mutate(&self->load, self->images);
	EXPECT_EQ(variant->expected_errno,
		  err_of(self->fd, AXVM_IOCTL_CELL_LOAD, &self->load));
	if (variant->message[0]) {
		EXPECT_TRUE(kmsg_contains(kmsg, variant->message))
			TH_LOG("no kernel message containing \"%s\"",
			       variant->message);
	}
	close(kmsg);
}

TEST_F(dev, console_read_arguments)
{
	char buf[64];
	struct axvm_console_read req = {
		.cell = AXVM_CONSOLE_OF_HYPERVISOR, .size = sizeof(buf),
		.buffer = (uintptr_t)buf,
	};

	req.reserved = 1;
	EXPECT_EQ(EINVAL, err_of(self->fd, AXVM_IOCTL_CONSOLE_READ, &req));
	req.reserved = 0;
	req.size = 0;
	EXPECT_EQ(EINVAL, err_of(self->fd, AXVM_IOCTL_CONSOLE_READ, &req));
	req.size = AXVM_CONSOLE_READ_MAX + 1;
	EXPECT_EQ(E2BIG, err_of(self->fd, AXVM_IOCTL_CONSOLE_READ, &req));
	req.size = sizeof(buf);
	EXPECT_EQ(ENODEV, err_of(self->fd, AXVM_IOCTL_CONSOLE_READ, &req));
	EXPECT_EQ(EFAULT, err_of(self->fd, AXVM_IOCTL_CONSOLE_READ, self->unmapped));
}

TEST_HARNESS_MAIN
