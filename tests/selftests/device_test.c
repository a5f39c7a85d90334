// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/axvm and /sys/devices/axvm: permissions, unknown commands and the
 * checks every command applies to its argument before anything else.
 */
#include <linux/capability.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <axvm/abi.h>
#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

#define MISC_MAJOR 10

TEST(node_is_root_only_misc_device)
{
	struct stat st;

	ASSERT_EQ(0, stat(AXVM_DEVICE, &st));
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(0600, st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
	EXPECT_EQ(MISC_MAJOR, major(st.st_rdev));
}

TEST(sysfs_describes_the_driver)
{
	char buf[128], want[16];

	ASSERT_EQ(0, axvm_sysfs_read("enabled", buf, sizeof(buf)));
	EXPECT_STREQ("0", buf);
	ASSERT_EQ(0, axvm_sysfs_read("abi_revision", buf, sizeof(buf)));
	snprintf(want, sizeof(want), "%u", AXVM_ABI_REVISION);
	EXPECT_STREQ(want, buf);
	ASSERT_EQ(0, axvm_sysfs_read("firmware", buf, sizeof(buf)));
	EXPECT_STREQ(AXVM_FIRMWARE_NAME, buf);
	ASSERT_EQ(0, axvm_sysfs_read("version", buf, sizeof(buf)));
	EXPECT_NE(0, strlen(buf));
}

/* Run @fn in a child and return its exit status (255 on a crash). */
static int in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 255;
	return WEXITSTATUS(status);
}

static int open_as_nobody(void *unused)
{
	(void)unused;
	if (setgid(65534) || setuid(65534))
		return 100;
	if (open(AXVM_DEVICE, O_RDWR) >= 0)
		return 101;
	return errno == EACCES ? 0 : 102;
}

TEST(non_root_cannot_open)
{
	EXPECT_EQ(0, in_child(open_as_nobody, NULL));
}

static int drop_cap_sys_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
	data[CAP_TO_INDEX(CAP_SYS_ADMIN)].permitted &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
	return (int)syscall(SYS_capset, &hdr, data);
}

/* Each command on an already open fd, without CAP_SYS_ADMIN: EPERM. */
static int ioctls_without_cap(void *arg)
{
	int fd = *(int *)arg;
	char config[16] = { 0 };
	struct axvm_blob blob = {
		.address = (uintptr_t)config, .size = sizeof(config),
	};

	if (drop_cap_sys_admin())
		return 100;
	if (ioctl(fd, AXVM_IOCTL_ENABLE, &blob) != -1 || errno != EPERM)
		return 101;
	if (ioctl(fd, AXVM_IOCTL_DISABLE) != -1 || errno != EPERM)
		return 102;
	return 0;
}

TEST(ioctl_without_cap_sys_admin_is_eperm)
{
	int fd = open(AXVM_DEVICE, O_RDWR);

	ASSERT_LE(0, fd);
	EXPECT_EQ(0, in_child(ioctls_without_cap, &fd));
	close(fd);
}

TEST(unknown_ioctl_is_enotty)
{
	const unsigned long cmds[] = {
		_IO(AXVM_IOCTL_TYPE, 0x7f),
		_IOW(AXVM_IOCTL_TYPE, 0x00, __u64),	/* ENABLE, wrong size */
		_IOR(AXVM_IOCTL_TYPE, 0x01, struct axvm_blob),
		_IO(0x42, 0x00),
		0,
	};
	int fd = open(AXVM_DEVICE, O_RDWR);

	ASSERT_LE(0, fd);
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		errno = 0;
		EXPECT_EQ(-1, ioctl(fd, cmds[i], 0)) TH_LOG("cmd 0x%lx", cmds[i]);
		EXPECT_EQ(ENOTTY, errno) TH_LOG("cmd 0x%lx", cmds[i]);
	}
	close(fd);
}

FIXTURE(enable_argument) {
	int fd;
	char config[64];
};

FIXTURE_SETUP(enable_argument)
{
	self->fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, self->fd);
	memset(self->config, 0, sizeof(self->config));
}

FIXTURE_TEARDOWN(enable_argument)
{
	char buf[16];

	/* Whatever a bad argument did, the hypervisor stayed off. */
	EXPECT_EQ(0, axvm_sysfs_read("enabled", buf, sizeof(buf)));
	EXPECT_STREQ("0", buf);
	close(self->fd);
}

static int enable_errno(int fd, const void *arg)
{
	errno = 0;
	if (ioctl(fd, AXVM_IOCTL_ENABLE, arg) != -1)
		return 0;
	return errno;
}

TEST_F(enable_argument, reserved_field_is_einval)
{
	struct axvm_blob blob = {
		.address = (uintptr_t)self->config,
		.size = sizeof(self->config), .reserved = 1,
	};
	int kmsg = kmsg_open();

	EXPECT_EQ(EINVAL, enable_errno(self->fd, &blob));
	EXPECT_TRUE(kmsg_contains(kmsg, "reserved is 0x1, must be 0"));
	close(kmsg);
}

TEST_F(enable_argument, zero_size_is_einval)
{
	struct axvm_blob blob = { .address = (uintptr_t)self->config };

	EXPECT_EQ(EINVAL, enable_errno(self->fd, &blob));
}

TEST_F(enable_argument, oversized_is_e2big)
{
	struct axvm_blob blob = {
		.address = (uintptr_t)self->config,
		.size = AXVM_CONFIG_MAX_SIZE + 1,
	};

	EXPECT_EQ(E2BIG, enable_errno(self->fd, &blob));
}

TEST_F(enable_argument, unmapped_config_is_efault)
{
	void *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
	struct axvm_blob blob = { .address = (uintptr_t)page, .size = 64 };

	ASSERT_NE(MAP_FAILED, page);
	EXPECT_EQ(EFAULT, enable_errno(self->fd, &blob));
	munmap(page, 4096);
}

TEST_F(enable_argument, unmapped_descriptor_is_efault)
{
	EXPECT_EQ(EFAULT, enable_errno(self->fd, (void *)16));
}

TEST(disable_when_not_enabled_is_enodev)
{
	int fd = open(AXVM_DEVICE, O_RDWR);
	int kmsg = kmsg_open();

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(fd, AXVM_IOCTL_DISABLE));
	EXPECT_EQ(ENODEV, errno);
	EXPECT_TRUE(kmsg_contains(kmsg, "the hypervisor is not enabled"));
	close(kmsg);
	close(fd);
}

TEST_HARNESS_MAIN
