// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling and disabling the hypervisor under the running Linux, seen from
 * the root cell: the state in sysfs and INFO, Linux still working on every
 * CPU, the module pinned while enabled, and repeated rounds.
 */
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

#define ROOT_CONFIG "/etc/axvm/configs/root.bin"

static int hv_fd(void)
{
	return open(AXVM_DEVICE, O_RDWR | O_CLOEXEC);
}

static int enable(int fd)
{
	size_t size;
	void *cfg = read_whole_file(ROOT_CONFIG, &size);
	struct axvm_blob blob = { .address = (uintptr_t)cfg, .size = (__u32)size };
	int ret;

	if (!cfg)
		return -ENOENT;
	ret = ioctl(fd, AXVM_IOCTL_ENABLE, &blob) ? -errno : 0;
	free(cfg);
	return ret;
}

static int disable(int fd)
{
	return ioctl(fd, AXVM_IOCTL_DISABLE) ? -errno : 0;
}

static bool sysfs_enabled(void)
{
	char buf[16];

	return !axvm_sysfs_read("enabled", buf, sizeof(buf)) && !strcmp(buf, "1");
}

FIXTURE(hv) {
	int fd;
};

FIXTURE_SETUP(hv)
{
	self->fd = hv_fd();
	ASSERT_LE(0, self->fd);
	ASSERT_FALSE(sysfs_enabled());
}

FIXTURE_TEARDOWN(hv)
{
	if (sysfs_enabled())
		disable(self->fd);
	EXPECT_FALSE(sysfs_enabled());
	close(self->fd);
}

TEST_F(hv, enable_then_disable)
{
	struct axvm_info info;
	int kmsg = kmsg_open();

	ASSERT_EQ(0, enable(self->fd));
	EXPECT_TRUE(kmsg_contains(kmsg, "axvm: hypervisor enabled on 4 CPUs"));
	EXPECT_TRUE(sysfs_enabled());
	ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_INFO, &info));
	EXPECT_EQ(1, info.enabled);
	ASSERT_EQ(0, disable(self->fd));
	EXPECT_FALSE(sysfs_enabled());
	ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_INFO, &info));
	EXPECT_EQ(0, info.enabled);
	close(kmsg);
}

TEST_F(hv, second_enable_is_ebusy)
{
	int kmsg;

	ASSERT_EQ(0, enable(self->fd));
	kmsg = kmsg_open();
	EXPECT_EQ(-EBUSY, enable(self->fd));
	EXPECT_TRUE(kmsg_contains(kmsg, "the hypervisor is already enabled"));
	close(kmsg);
	EXPECT_TRUE(sysfs_enabled());
}

TEST_F(hv, rmmod_refused_while_enabled)
{
	ASSERT_EQ(0, enable(self->fd));
	close(self->fd);	/* only the enabled hypervisor holds the module */
	EXPECT_EQ(-EWOULDBLOCK, axvm_module_unload());
	EXPECT_TRUE(axvm_module_loaded());
	self->fd = hv_fd();
	ASSERT_LE(0, self->fd);
}

/* Run a busy loop pinned to each CPU; each must report where it ran. */
TEST_F(hv, every_cpu_runs_work)
{
	long ncpus = sysconf(_SC_NPROCESSORS_ONLN);

	ASSERT_EQ(0, enable(self->fd));
	for (int cpu = 0; cpu < ncpus; cpu++) {
		int status;
		pid_t pid = fork();

		if (pid == 0) {
			cpu_set_t set;
			volatile unsigned long n = 0;

			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			if (sched_setaffinity(0, sizeof(set), &set))
				_exit(100);
			for (unsigned long i = 0; i < 20000000; i++)
				n += i;
			_exit(sched_getcpu() == cpu ? 0 : 101);
		}
		ASSERT_LT(0, pid);
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
			TH_LOG("CPU %d: status 0x%x", cpu, status);
	}
}

TEST_F(hv, twenty_rounds)
{
	for (int i = 0; i < 20; i++) {
		ASSERT_EQ(0, enable(self->fd)) TH_LOG("round %d", i);
		ASSERT_EQ(0, disable(self->fd)) TH_LOG("round %d", i);
	}
}

TEST_HARNESS_MAIN
