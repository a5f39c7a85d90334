// SPDX-License-Identifier: GPL-2.0
/*
 * Life-cycle times, measured in the root cell on the guest's monotonic
 * clock (virtual time under -icount): enable; cell create; load; destroy;
 * disable. Start to the cell's first console output, and create to it,
 * are measured on the virtual counter, which the root and the cell share:
 * the bench inmate's first line carries the counter when it printed.
 * The root waits for that line asleep, not spinning: under -icount QEMU
 * runs one vCPU at a time, and a spinning root would keep the cell's CPU
 * from running until its time slice ends.
 * Prints "AXVM-BENCH <name>_ns <value>" lines for tests/bench/run.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <axvm/ioctl.h>

#include "../selftests/axvm_util.h"

#if !defined(__aarch64__) && !defined(__riscv) && !defined(__x86_64__)
#error "lifecycle.c: no timer counter for this architecture"
#endif

/* Where the inmates link (inmates/lib/<arch>/include/inmate_arch.h). */
#if defined(__aarch64__)
#define INMATE_IMAGE_ADDRESS	0x40000000
#elif defined(__x86_64__)
#define INMATE_IMAGE_ADDRESS	0x100000
#else
#define INMATE_IMAGE_ADDRESS	0x80200000
#endif

/* The architecture's timer counter, which counts virtual time under -icount. */
static uint64_t counter(void)
{
	uint64_t v;

#if defined(__aarch64__)
	asm volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
#elif defined(__x86_64__)
	uint32_t lo, hi;

	asm volatile("lfence\n\trdtsc" : "=a"(lo), "=d"(hi));
	v = (uint64_t)hi << 32 | lo;
#else
	asm volatile("rdtime %0" : "=r"(v));
#endif
	return v;
}

/*
 * Its rate: arm64's own register; riscv64's comes from the device tree;
 * x86-64's TSC runs at the rate /proc/cpuinfo gives ("cpu MHz", which
 * Linux reports from its TSC calibration).
 */
static uint64_t counter_hz(void)
{
	uint64_t freq;
#if defined(__aarch64__)
	asm volatile("mrs %0, cntfrq_el0" : "=r"(freq));
#elif defined(__x86_64__)
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256];
	double mhz = 0;

	while (f && fgets(line, sizeof(line), f) && !mhz)
		sscanf(line, "cpu MHz : %lf", &mhz);
	if (f)
		fclose(f);
	if (!mhz) {
		fprintf(stderr, "lifecycle: no \"cpu MHz\" in /proc/cpuinfo\n");
		exit(1);
	}
	freq = (uint64_t)(mhz * 1e6);
#else
	size_t size;
	unsigned char *p = read_whole_file("/proc/device-tree/cpus/timebase-frequency",
					   &size);

	if (!p || size != 4) {
		fprintf(stderr, "lifecycle: no timebase-frequency in the device tree\n");
		exit(1);
	}
	/* a big-endian 32-bit cell */
	freq = (uint64_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
	free(p);
#endif
	return freq;
}

static uint64_t counter_ns(uint64_t ticks)
{
	static uint64_t freq;

	if (!freq)
		freq = counter_hz();
	return ticks * 1000000000ull / freq;
}

static void *load(const char *path, size_t *size)
{
	void *p = read_whole_file(path, size);

	if (!p) {
		fprintf(stderr, "lifecycle: cannot read %s\n", path);
		exit(1);
	}
	return p;
}

static void check(int ok, const char *what)
{
	if (!ok) {
		perror(what);
		exit(1);
	}
}

/*
 * Destroy of a cell that runs @inmate, given 300 ms first: rtos ticks at
 * 1 kHz (its timer armed, many deadlines passed: a parked CPU with an armed
 * timer used to spin in wfi and hold destroy up), hostile spins without a
 * trap after leaving its CPU dirty, sleeper waits in wfi for ever.
 */
static void destroy_running(int fd, struct axvm_blob *cell_blob,
			    const char *inmate)
{
	char path[128];
	size_t size;
	void *image;
	struct axvm_image img = { 0, 0, INMATE_IMAGE_ADDRESS, 0 };
	struct axvm_cell_load ld = { .num_images = 1, .images = (uintptr_t)&img };
	struct axvm_cell_id id = { 0 };
	uint64_t t0;
	int ret;

	snprintf(path, sizeof(path), "/usr/lib/axvm/inmates/%s.bin", inmate);
	image = load(path, &size);
	img.source = (uintptr_t)image;
	img.size = size;
	ret = ioctl(fd, AXVM_IOCTL_CELL_CREATE, cell_blob);
	check(ret > 0, "cell create (running)");
	id.id = (__u32)ret;
	ld.cell = id;
	check(ioctl(fd, AXVM_IOCTL_CELL_LOAD, &ld) == 0, "cell load (running)");
	check(ioctl(fd, AXVM_IOCTL_CELL_START, &id) == 0, "cell start (running)");
	usleep(300000);
	t0 = monotonic_ns();
	check(ioctl(fd, AXVM_IOCTL_CELL_DESTROY, &id) == 0, "cell destroy (running)");
	printf("AXVM-BENCH destroy_running_%s_ns %llu\n", inmate,
	       (unsigned long long)(monotonic_ns() - t0));
	free(image);
}

int main(int argc, char **argv)
{
	size_t root_size, cell_size, image_size;
	void *root = load("/etc/axvm/configs/root.bin", &root_size);
	void *cell = load("/etc/axvm/configs/rtos.bin", &cell_size);
	void *image = load(argc > 1 ? argv[1] : "/usr/lib/axvm/inmates/bench.bin",
			   &image_size);
	struct axvm_blob root_blob = { (uintptr_t)root, (__u32)root_size, 0 };
	struct axvm_blob cell_blob = { (uintptr_t)cell, (__u32)cell_size, 0 };
	struct axvm_image img = { (uintptr_t)image, image_size, INMATE_IMAGE_ADDRESS, 0 };
	struct axvm_cell_load ld = { .num_images = 1, .images = (uintptr_t)&img };
	struct axvm_cell_id id = { 0 };
	char buf[4096];
	size_t got = 0;
	struct axvm_console_read rd = { .size = sizeof(buf) - 1, .buffer = (uintptr_t)buf };
	int fd = open(AXVM_DEVICE, O_RDWR);
	unsigned long long printed = 0;
	uint64_t t0, t1, c0, c1;
	const char *line;
	int ret;

	check(fd >= 0, "open /dev/axvm");
	t0 = monotonic_ns();
	check(ioctl(fd, AXVM_IOCTL_ENABLE, &root_blob) == 0, "enable");
	printf("AXVM-BENCH enable_ns %llu\n", (unsigned long long)(monotonic_ns() - t0));

	c0 = counter();
	t1 = monotonic_ns();
	ret = ioctl(fd, AXVM_IOCTL_CELL_CREATE, &cell_blob);
	check(ret > 0, "cell create");
	printf("AXVM-BENCH create_ns %llu\n", (unsigned long long)(monotonic_ns() - t1));
	id.id = (__u32)ret;
	ld.cell = id;
	rd.cell = id.id;
	t1 = monotonic_ns();
	check(ioctl(fd, AXVM_IOCTL_CELL_LOAD, &ld) == 0, "cell load");
	printf("AXVM-BENCH load_ns %llu\n", (unsigned long long)(monotonic_ns() - t1));
	c1 = counter();
	check(ioctl(fd, AXVM_IOCTL_CELL_START, &id) == 0, "cell start");
	for (int tries = 0; tries < 5000; tries++) {
		usleep(1000);
		rd.buffer = (uintptr_t)(buf + got);
		rd.size = (__u32)(sizeof(buf) - 1 - got);
		ret = ioctl(fd, AXVM_IOCTL_CONSOLE_READ, &rd);
		check(ret >= 0, "console read");
		got += (size_t)ret;
		buf[got] = '\0';
		line = strstr(buf, "AXVM-BENCH started ");
		if (line && strchr(line, '\n') &&
		    sscanf(line, "AXVM-BENCH started %llu", &printed) == 1)
			break;
	}
	if (!printed) {
		fprintf(stderr, "lifecycle: the cell printed no \"AXVM-BENCH started\" line\n");
		return 1;
	}
	printf("AXVM-BENCH start_to_output_ns %llu\n",
	       (unsigned long long)counter_ns(printed - c1));
	printf("AXVM-BENCH create_to_output_ns %llu\n",
	       (unsigned long long)counter_ns(printed - c0));

	t0 = monotonic_ns();
	check(ioctl(fd, AXVM_IOCTL_CELL_DESTROY, &id) == 0, "cell destroy");
	printf("AXVM-BENCH destroy_ns %llu\n", (unsigned long long)(monotonic_ns() - t0));

	destroy_running(fd, &cell_blob, "rtos");
	destroy_running(fd, &cell_blob, "hostile");
	destroy_running(fd, &cell_blob, "sleeper");

	t0 = monotonic_ns();
	check(ioctl(fd, AXVM_IOCTL_DISABLE) == 0, "disable");
	printf("AXVM-BENCH disable_ns %llu\n", (unsigned long long)(monotonic_ns() - t0));
	return 0;
}
