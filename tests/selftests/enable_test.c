// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling and disabling the hypervisor under the running Linux, seen from
 * the root cell: the state in sysfs and INFO, Linux still working on every
 * CPU, the module pinned while enabled, and repeated rounds.
 */
#include <linux/rtc.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include <axvm/config.h>
#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"
#include "arch_facts.h"
#include "configs.h"

#define ROOT_CONFIG CONFIGS "root.bin"

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

FIXTURE(hv) {
	int fd;
};

FIXTURE_SETUP(hv)
{
	axvm_clean_slate();
	self->fd = hv_fd();
	ASSERT_LE(0, self->fd);
	ASSERT_FALSE(axvm_enabled());
}

FIXTURE_TEARDOWN(hv)
{
	if (axvm_enabled())
		disable(self->fd);
	EXPECT_FALSE(axvm_enabled());
	close(self->fd);
}

TEST_F(hv, enable_then_disable)
{
	struct axvm_info info;
	int kmsg = kmsg_open();

	ASSERT_EQ(0, enable(self->fd));
	EXPECT_TRUE(kmsg_contains(kmsg, "axvm: hypervisor enabled on 4 CPUs"));
	EXPECT_TRUE(axvm_enabled());
	ASSERT_EQ(0, ioctl(self->fd, AXVM_IOCTL_INFO, &info));
	EXPECT_EQ(1, info.enabled);
	ASSERT_EQ(0, disable(self->fd));
	EXPECT_FALSE(axvm_enabled());
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
	EXPECT_TRUE(axvm_enabled());
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
static void check_every_cpu_runs_work(struct __test_metadata *_metadata)
{
	long ncpus = sysconf(_SC_NPROCESSORS_ONLN);

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

static long read_long(const char *attr)
{
	char buf[32];

	return axvm_sysfs_read(attr, buf, sizeof(buf)) ? -1 : atol(buf);
}

TEST_F(hv, twenty_rounds_same_memory)
{
	long first = -1;

	for (int i = 0; i < 20; i++) {
		ASSERT_EQ(0, enable(self->fd)) TH_LOG("round %d", i);
		if (first < 0)
			first = read_long("memory_used");
		EXPECT_EQ(first, read_long("memory_used")) TH_LOG("round %d", i);
		ASSERT_EQ(0, disable(self->fd)) TH_LOG("round %d", i);
	}
	EXPECT_LT(0, first);
}

TEST_F(hv, hypervisor_memory_is_out_of_reach)
{
	__u64 phys = hypervisor_phys();
	int kmsg;

	ASSERT_NE(0, phys);
	ASSERT_EQ(0, enable(self->fd));
	kmsg = kmsg_open();
	EXPECT_EQ(ARCH_FAULT_SIGNAL, probe_physical(phys));
	EXPECT_EQ(ARCH_FAULT_SIGNAL, probe_physical(phys + 0x1000));
	close(kmsg);
	/* Linux and the hypervisor went on. */
	EXPECT_TRUE(axvm_enabled());
	ASSERT_EQ(0, disable(self->fd));
	/* Given back: the same address reads fine again. */
	EXPECT_EQ(0, probe_physical(phys));
}

static double now(void)
{
	return monotonic_ns() / 1e9;
}

static void check_sleeps_wake_on_time(struct __test_metadata *_metadata)
{
	for (int i = 0; i < 5; i++) {
		double start = now(), elapsed;

		usleep(100000);
		elapsed = now() - start;
		EXPECT_GE(elapsed, 0.1);
		EXPECT_LT(elapsed, 1.0) TH_LOG("slept %.3f s for 0.1 s", elapsed);
	}
}

/* Sum of the counters of the /proc/interrupts lines matching @name. */
static unsigned long long interrupts_of(const char *name)
{
	FILE *f = fopen("/proc/interrupts", "r");
	char line[512];
	unsigned long long total = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = strchr(line, ':');

		if (!p || !strstr(line, name))
			continue;
		for (p++;;) {
			char *end;
			unsigned long long v = strtoull(p, &end, 10);

			if (end == p)
				break;
			total += v;
			p = end;
		}
	}
	fclose(f);
	return total;
}

/*
 * Arm the RTC's alarm @seconds from now (a device interrupt), through
 * /dev/rtc0: not every RTC driver offers sysfs's wakealarm (goldfish's
 * does not), every one with alarms takes RTC_WKALM_SET.
 */
static int rtc_alarm_in(int seconds)
{
	struct rtc_wkalrm alarm = { .enabled = 1 };
	struct rtc_time *t = &alarm.time;
	int fd = open("/dev/rtc0", O_RDONLY | O_CLOEXEC), ret = 0;
	struct tm tm = { 0 };
	time_t when;

	if (fd < 0)
		return -errno;
	if (ioctl(fd, RTC_RD_TIME, t)) {
		ret = -errno;
		goto out;
	}
	tm.tm_sec = t->tm_sec;
	tm.tm_min = t->tm_min;
	tm.tm_hour = t->tm_hour;
	tm.tm_mday = t->tm_mday;
	tm.tm_mon = t->tm_mon;
	tm.tm_year = t->tm_year;
	when = timegm(&tm) + seconds;
	gmtime_r(&when, &tm);
	*t = (struct rtc_time){
		.tm_sec = tm.tm_sec, .tm_min = tm.tm_min, .tm_hour = tm.tm_hour,
		.tm_mday = tm.tm_mday, .tm_mon = tm.tm_mon, .tm_year = tm.tm_year,
		.tm_wday = -1, .tm_yday = -1, .tm_isdst = -1,
	};
	if (ioctl(fd, RTC_WKALM_SET, &alarm))
		ret = -errno;
out:
	close(fd);
	return ret;
}

/*
 * The root's timer, IPIs and device interrupts go on arriving. (QEMU's
 * PL011 sends without needing its interrupt, so the device interrupt
 * checked is the RTC alarm, on every platform; the UART itself carries
 * this test's output.)
 */
static void check_interrupts_keep_coming(struct __test_metadata *_metadata)
{
	unsigned long long timer, ipi, rtc;
	long ncpus = sysconf(_SC_NPROCESSORS_ONLN);

	timer = interrupts_of(ARCH_TIMER_IRQ_NAME);
	ipi = interrupts_of("Rescheduling interrupts") +
	      interrupts_of("Function call interrupts");
	rtc = interrupts_of(ARCH_RTC_IRQ_NAME);

	/* Hop a process over every CPU: each move needs an IPI. */
	for (int round = 0; round < 3; round++) {
		for (int cpu = 0; cpu < ncpus; cpu++) {
			cpu_set_t set;

			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			ASSERT_EQ(0, sched_setaffinity(0, sizeof(set), &set));
			EXPECT_EQ(cpu, sched_getcpu());
		}
	}
	/*
	 * Two seconds, not one: the RTC counts whole seconds, so "now + 1"
	 * can be a millisecond away, and an alarm that is past by the time
	 * the driver programs it is fired by the RTC core in software, with
	 * no interrupt (seen once on riscv64). Due within 3 s; 6 for a busy
	 * host.
	 */
	ASSERT_EQ(0, rtc_alarm_in(2));
	for (int i = 0; i < 60 && interrupts_of(ARCH_RTC_IRQ_NAME) <= rtc; i++)
		usleep(100000);

	EXPECT_LT(timer, interrupts_of(ARCH_TIMER_IRQ_NAME));
	EXPECT_LT(ipi, interrupts_of("Rescheduling interrupts") +
		       interrupts_of("Function call interrupts"));
	EXPECT_LT(rtc, interrupts_of(ARCH_RTC_IRQ_NAME));
}

static int cpu_online(int cpu, int online)
{
	char path[64];
	int fd, ret;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", cpu);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	ret = write(fd, online ? "1" : "0", 1) == 1 ? 0 : -errno;
	close(fd);
	return ret;
}

/* Linux as the root cell: work on every CPU, timers, interrupts. */
TEST_F(hv, linux_works_while_enabled)
{
	ASSERT_EQ(0, enable(self->fd));
	check_every_cpu_runs_work(_metadata);
	check_sleeps_wake_on_time(_metadata);
	check_interrupts_keep_coming(_metadata);
	EXPECT_TRUE(axvm_enabled());
}

/* And the same once the hypervisor is gone again. */
TEST_F(hv, linux_works_after_disable)
{
	ASSERT_EQ(0, enable(self->fd));
	ASSERT_EQ(0, disable(self->fd));
	check_every_cpu_runs_work(_metadata);
	check_sleeps_wake_on_time(_metadata);
	check_interrupts_keep_coming(_metadata);
}

TEST_F(hv, cpu_offline_and_online_while_enabled)
{
	cpu_set_t set;

	ASSERT_EQ(0, enable(self->fd));
	for (int round = 0; round < 3; round++) {
		ASSERT_EQ(0, cpu_online(3, 0)) TH_LOG("round %d", round);
		EXPECT_EQ(3, sysconf(_SC_NPROCESSORS_ONLN));
		ASSERT_EQ(0, cpu_online(3, 1)) TH_LOG("round %d", round);
		EXPECT_EQ(4, sysconf(_SC_NPROCESSORS_ONLN));
	}
	/* CPU 3 runs work under the hypervisor again... */
	CPU_ZERO(&set);
	CPU_SET(3, &set);
	ASSERT_EQ(0, sched_setaffinity(0, sizeof(set), &set));
	EXPECT_EQ(3, sched_getcpu());
	/* ...and its switching off and on went through the hypervisor. */
	EXPECT_LE(3, read_long("cpu3/" ARCH_CPU_POWER_EXITS));
	/* Offline at disable: the hypervisor switches it off for real. */
	ASSERT_EQ(0, cpu_online(2, 0));
	ASSERT_EQ(0, disable(self->fd));
	ASSERT_EQ(0, cpu_online(2, 1));
	EXPECT_EQ(4, sysconf(_SC_NPROCESSORS_ONLN));
}

/*
 * A CPU that was offline at enable never entered the hypervisor: started
 * while it runs, it would run beside it. Where the driver says so
 * (x86_64), it stays offline until disable, and nothing else changes.
 */
TEST_F(hv, cpu_offline_at_enable_stays_offline)
{
	if (!ARCH_OFFLINE_AT_ENABLE_REFUSED)
		SKIP(return, "the driver of this arch does not refuse it itself");
	ASSERT_EQ(0, cpu_online(2, 0));
	ASSERT_EQ(0, enable(self->fd));
	EXPECT_EQ(-EBUSY, cpu_online(2, 1));
	EXPECT_EQ(3, sysconf(_SC_NPROCESSORS_ONLN));
	ASSERT_EQ(0, disable(self->fd));
	ASSERT_EQ(0, cpu_online(2, 1));
	EXPECT_EQ(4, sysconf(_SC_NPROCESSORS_ONLN));
	check_every_cpu_runs_work(_metadata);
}

TEST_F(hv, sysfs_shows_the_running_hypervisor)
{
	char buf[64];

	ASSERT_EQ(0, enable(self->fd));
	ASSERT_EQ(0, axvm_sysfs_read("firmware_version", buf, sizeof(buf)));
	EXPECT_NE(0, strlen(buf));
	ASSERT_NE(NULL, system_config());
	EXPECT_EQ(system_config()->system.hypervisor_size, read_long("memory_total"));
	EXPECT_LT(0, read_long("memory_used"));
	EXPECT_GT(read_long("memory_total"), read_long("memory_used"));
	/* Enable itself issued hypercalls on every CPU? No: one per CPU to
	 * enter; sysfs reads are hypercalls, so the reading CPU counts. */
	EXPECT_LE(0, read_long("cpu0/exits_hypercall"));
	ASSERT_EQ(0, disable(self->fd));
	EXPECT_EQ(0, read_long("memory_total"));
}

static int set_fail_cpu(const char *value)
{
	return write_file("/sys/module/axvm/parameters/test_fail_cpu", value,
			  strlen(value));
}

/* A CPU that cannot enter makes every CPU already in leave again. */
TEST_F(hv, failed_cpu_unwinds_every_cpu)
{
	int kmsg = kmsg_open();

	ASSERT_EQ(0, set_fail_cpu("2"));
	EXPECT_EQ(-EIO, enable(self->fd));
	ASSERT_EQ(0, set_fail_cpu("-1"));
	EXPECT_TRUE(kmsg_contains(kmsg, "CPU 2 could not enter the hypervisor"));
	close(kmsg);
	EXPECT_FALSE(axvm_enabled());
	/* Linux is whole: every CPU runs, and enabling works again. */
	EXPECT_EQ(4, sysconf(_SC_NPROCESSORS_ONLN));
	EXPECT_EQ(0, probe_physical(hypervisor_phys()));	/* memory released */
	ASSERT_EQ(0, enable(self->fd));
	ASSERT_EQ(0, disable(self->fd));
}

TEST_HARNESS_MAIN
