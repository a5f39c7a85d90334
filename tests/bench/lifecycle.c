// SPDX-License-Identifier: GPL-2.0
/*
 * Life-cycle times, measured in the root cell on the guest's monotonic
 * clock (virtual time under -icount): enable; cell create to the cell's
 * first console output (create, load, start, wait); destroy; disable.
 * Prints "AXVM-BENCH <name>_ns <value>" lines for tests/bench/run.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <time.h>

#include <axvm/ioctl.h>

#include "../selftests/axvm_util.h"

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
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

int main(int argc, char **argv)
{
	const char *dir = "/etc/axvm/configs/";
	size_t root_size, cell_size, image_size;
	void *root = load("/etc/axvm/configs/root.bin", &root_size);
	void *cell = load("/etc/axvm/configs/rtos.bin", &cell_size);
	void *image = load(argc > 1 ? argv[1] : "/usr/lib/axvm/inmates/hello.bin",
			   &image_size);
	struct axvm_blob root_blob = { (uintptr_t)root, (__u32)root_size, 0 };
	struct axvm_blob cell_blob = { (uintptr_t)cell, (__u32)cell_size, 0 };
	struct axvm_image img = { (uintptr_t)image, image_size, 0x40000000, 0 };
	struct axvm_cell_load ld = { .num_images = 1, .images = (uintptr_t)&img };
	struct axvm_cell_id id = { 0 };
	char buf[64];
	struct axvm_console_read rd = { .size = sizeof(buf), .buffer = (uintptr_t)buf };
	int fd = open(AXVM_DEVICE, O_RDWR);
	uint64_t t0;
	int ret;

	(void)dir;
	check(fd >= 0, "open /dev/axvm");
	t0 = now_ns();
	check(ioctl(fd, AXVM_IOCTL_ENABLE, &root_blob) == 0, "enable");
	printf("AXVM-BENCH enable_ns %llu\n", (unsigned long long)(now_ns() - t0));

	t0 = now_ns();
	ret = ioctl(fd, AXVM_IOCTL_CELL_CREATE, &cell_blob);
	check(ret > 0, "cell create");
	id.id = (__u32)ret;
	ld.cell = id;
	rd.cell = id.id;
	check(ioctl(fd, AXVM_IOCTL_CELL_LOAD, &ld) == 0, "cell load");
	check(ioctl(fd, AXVM_IOCTL_CELL_START, &id) == 0, "cell start");
	while ((ret = ioctl(fd, AXVM_IOCTL_CONSOLE_READ, &rd)) == 0)
		;
	check(ret > 0, "console read");
	printf("AXVM-BENCH create_to_output_ns %llu\n",
	       (unsigned long long)(now_ns() - t0));

	t0 = now_ns();
	check(ioctl(fd, AXVM_IOCTL_CELL_DESTROY, &id) == 0, "cell destroy");
	printf("AXVM-BENCH destroy_ns %llu\n", (unsigned long long)(now_ns() - t0));

	t0 = now_ns();
	check(ioctl(fd, AXVM_IOCTL_DISABLE) == 0, "disable");
	printf("AXVM-BENCH disable_ns %llu\n", (unsigned long long)(now_ns() - t0));
	return 0;
}
