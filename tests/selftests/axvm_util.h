/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the axvm selftests: the device, sysfs, the module and
 * the kernel log as seen from inside the guest.
 */
#ifndef AXVM_SELFTEST_UTIL_H
#define AXVM_SELFTEST_UTIL_H

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#define AXVM_DEVICE		"/dev/axvm"
#define AXVM_SYSFS		"/sys/devices/axvm"
/* The architecture as the driver names its firmware (axvm-<arch>.bin). */
#if defined(__aarch64__)
#define AXVM_ARCH_NAME		"arm64"
#elif defined(__riscv)
#define AXVM_ARCH_NAME		"riscv64"
#elif defined(__x86_64__)
#define AXVM_ARCH_NAME		"x86_64"
#endif
#define AXVM_FIRMWARE_NAME	"axvm-" AXVM_ARCH_NAME ".bin"
/* An architecture blobs built here are not for: any but this one. */
#if defined(__x86_64__)
#define FOREIGN_ARCH		AXVM_ARCH_ARM64
#define FOREIGN_ARCH_NAME	"arm64 (arch 1)"
#else
#define FOREIGN_ARCH		AXVM_ARCH_X86_64
#define FOREIGN_ARCH_NAME	"x86_64 (arch 2)"
#endif
#define AXVM_FIRMWARE_FILE	"/lib/firmware/" AXVM_FIRMWARE_NAME

/* The guest's monotonic clock in ns (virtual time under -icount). */
static inline uint64_t monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline const char *axvm_module_path(void)
{
	const char *p = getenv("AXVM_MODULE");

	return p ? p : "/lib/modules/axvm.ko";
}

/* finit_module() of the axvm module: 0 or -errno. */
static inline int axvm_module_load(void)
{
	int fd = open(axvm_module_path(), O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -errno;
	ret = (int)syscall(SYS_finit_module, fd, "", 0);
	ret = ret < 0 ? -errno : 0;
	close(fd);
	return ret;
}

/* delete_module("axvm"): 0 or -errno. */
static inline int axvm_module_unload(void)
{
	return syscall(SYS_delete_module, "axvm", O_NONBLOCK) < 0 ? -errno : 0;
}

static inline bool axvm_module_loaded(void)
{
	return access("/sys/module/axvm", F_OK) == 0;
}

/* Read a sysfs attribute of /sys/devices/axvm into @buf, newline removed. */
static inline int axvm_sysfs_read(const char *attr, char *buf, size_t size)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), AXVM_SYSFS "/%s", attr);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/*
 * The kernel log from a point on: kmsg_open() at the point, then
 * kmsg_contains() searches what the kernel logged after it.
 */
static inline int kmsg_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/*
 * The first record logged since kmsg_open() that contains one of the
 * @count @needles (in a static buffer), or NULL.
 */
static inline const char *kmsg_find(int fd, const char *const *needles,
				    size_t count)
{
	static char rec[2048];
	ssize_t n;

	for (;;) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;
		if (n <= 0)
			return NULL;
		rec[n] = '\0';
		for (size_t i = 0; i < count; i++)
			if (strstr(rec, needles[i]))
				return rec;
	}
}

static inline bool kmsg_contains(int fd, const char *needle)
{
	return kmsg_find(fd, &needle, 1) != NULL;
}

/* Write a whole file (used to swap the firmware). 0 or -errno. */
static inline int write_file(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, data, size);
	close(fd);
	return n == (ssize_t)size ? 0 : -EIO;
}

/* Read a whole file into a malloc'ed buffer; NULL on error. */
static inline void *read_whole_file(const char *path, size_t *size)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				break;
		}
		n = read(fd, buf + len, cap - len);
		if (n > 0)
			len += (size_t)n;
	} while (n > 0);
	close(fd);
	*size = len;
	return buf;
}

/*
 * Read one word at physical @phys through /dev/mem in a child (the test
 * boot has iomem=relaxed). Returns the signal that killed the child, 0 if
 * the read worked, or -1 if /dev/mem refused.
 */
static inline int probe_physical(unsigned long long phys)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		/*
		 * Uncached where the arch allows it; x86's PAT refuses a
		 * mapping whose type differs from the driver's (write-back)
		 * of the same range, and the type does not matter to the trap.
		 */
#if defined(__x86_64__)
		int fd = open("/dev/mem", O_RDONLY);
#else
		int fd = open("/dev/mem", O_RDONLY | O_SYNC);
#endif
		volatile unsigned int *p;

		if (fd < 0)
			_exit(100);
		p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, (off_t)phys);
		if (p == MAP_FAILED)
			_exit(101);
		(void)*p;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	return WEXITSTATUS(status) ? -1 : 0;
}

/* Run a shell command; its exit status, and its output in @out if given. */
static inline __attribute__((format(printf, 3, 4))) int run(char *out, size_t size, const char *fmt, ...)
{
	char cmd[512];
	va_list args;
	FILE *p;
	size_t len = 0;
	int status;

	va_start(args, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, args);
	va_end(args);
	strncat(cmd, " 2>&1", sizeof(cmd) - strlen(cmd) - 1);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	if (out && size) {
		while (len + 1 < size) {
			size_t n = fread(out + len, 1, size - 1 - len, p);

			if (!n)
				break;
			len += n;
		}
		out[len] = '\0';
	} else {
		char sink[256];

		while (fread(sink, 1, sizeof(sink), p))
			;
	}
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static inline bool axvm_enabled(void)
{
	char buf[16];

	return !axvm_sysfs_read("enabled", buf, sizeof(buf)) && !strcmp(buf, "1");
}

/*
 * Back to a loaded driver and a disabled hypervisor without cells, whatever
 * a test before left: one that a signal or its timeout ended never ran its
 * teardown (the guest's clean-slate script). True if something was left
 * (the test that left it has failed already).
 */
static inline bool axvm_clean_slate(void)
{
	char out[128];

	run(out, sizeof(out), "/usr/lib/axvm/clean-slate");
	return out[0] != '\0';
}

/* A fixture's start: a clean slate, then enable with root.json; its status. */
static inline int axvm_enable_afresh(void)
{
	axvm_clean_slate();
	return run(NULL, 0, "axvm-ctl enable /etc/axvm/configs/root.json");
}

/*
 * A fixture's end: every cell of the space-separated names in @cells that
 * exists destroyed, then disable; disable's status.
 */
static inline int axvm_destroy_and_disable(const char *cells)
{
	run(NULL, 0, "for c in %s; do axvm-ctl cell destroy $c; done", cells);
	return run(NULL, 0, "axvm-ctl disable");
}

/*
 * A fixture whose tests run with the hypervisor enabled afresh, and whose
 * teardown destroys the space-separated @cells, disables, and finds every
 * CPU online again.
 */
#define AXVM_ENABLED_FIXTURE(name, cells)					\
	FIXTURE(name) {};							\
	FIXTURE_SETUP(name)							\
	{									\
		ASSERT_EQ(0, axvm_enable_afresh());				\
	}									\
	FIXTURE_TEARDOWN(name)							\
	{									\
		EXPECT_EQ(0, axvm_destroy_and_disable(cells));			\
		for (int cpu_ = 0; cpu_ < sysconf(_SC_NPROCESSORS_CONF); cpu_++) { \
			EXPECT_TRUE(cpu_is_online(cpu_)) TH_LOG("CPU %d", cpu_); \
		}								\
	}

/* Linux's CPU @cpu is online. */
static inline bool cpu_is_online(int cpu)
{
	char path[64], buf[8];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", cpu);
	f = fopen(path, "r");
	if (!f) {
		/* A CPU Linux cannot take offline has no "online" (x86's CPU 0). */
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d", cpu);
		return errno == ENOENT && !access(path, F_OK);
	}
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '0';
	fclose(f);
	return buf[0] == '1';
}

/* Wait up to @seconds for @cell's state in `cell list` to be @state. */
static inline bool wait_state(const char *cell, const char *state, int seconds)
{
	char out[2048], pattern[64];

	snprintf(pattern, sizeof(pattern), " %s ", state);
	for (int i = 0; i < seconds * 10; i++) {
		char *line;

		run(out, sizeof(out), "axvm-ctl cell list");
		line = strstr(out, cell);
		if (line && strstr(line, pattern) &&
		    strstr(line, pattern) < strchr(line, '\n'))
			return true;
		usleep(100000);
	}
	return false;
}

/* Wait up to @seconds for @cell's console to contain @text. */
static inline bool wait_console(const char *cell, const char *text, int seconds)
{
	char out[8192];

	for (int i = 0; i < seconds * 10; i++) {
		run(out, sizeof(out), "axvm-ctl console %s", cell);
		if (strstr(out, text))
			return true;
		usleep(100000);
	}
	return false;
}

#endif /* AXVM_SELFTEST_UTIL_H */
