// SPDX-License-Identifier: GPL-2.0
/*
 * Root-cell workloads for the bench.
 *   workload NAME         integer work mixed with strided writes over 8 MiB
 *                         (so stage-2 translation is exercised); prints its
 *                         virtual run time as "AXVM-BENCH NAME_ns <ns>".
 *   workload load SECONDS the same work in 256 KiB slices with a 20 us
 *                         sleep between them: memory traffic plus a high
 *                         rate of timer interrupts and context switches.
 *   workload pingpong SECONDS CPU CPU
 *                         two processes on two CPUs handing a byte back
 *                         and forth through pipes: a wake-up IPI per hop.
 * The last two are the root's load for the latency-under-load figure.
 */
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../selftests/axvm_util.h"

#define BUFFER (8u << 20)
#define SLICE (256u << 10)

static uint64_t work(unsigned char *buf, unsigned int size, unsigned int rounds)
{
	uint64_t acc = 1;

	for (unsigned int r = 0; r < rounds; r++)
		for (unsigned int i = 0; i < size; i += 64) {
			acc = acc * 6364136223846793005ull + i;
			buf[(i * 13 + r * 4096) & (size - 1)] = (unsigned char)acc;
		}
	return acc;
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		perror("workload: sched_setaffinity");
}

static int pingpong(uint64_t end, int cpu_a, int cpu_b)
{
	int ab[2], ba[2];
	char c = 0;

	if (pipe(ab) || pipe(ba))
		return 1;
	if (fork() == 0) {
		pin(cpu_b);
		while (read(ab[0], &c, 1) == 1 && c)
			if (write(ba[1], &c, 1) != 1)
				break;
		_exit(0);
	}
	pin(cpu_a);
	while (monotonic_ns() < end) {
		c = 1;
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			return 1;
	}
	c = 0;
	return write(ab[1], &c, 1) != 1;
}

int main(int argc, char **argv)
{
	unsigned char *buf = malloc(BUFFER);
	const struct timespec pause = { 0, 20000 };
	uint64_t t0, acc;

	if (!buf)
		return 1;
	memset(buf, 0, BUFFER);
	if (argc > 2 && !strcmp(argv[1], "load")) {
		uint64_t end = monotonic_ns() + (uint64_t)atoi(argv[2]) * 1000000000ull;

		for (unsigned int i = 0; monotonic_ns() < end; i = (i + SLICE) % BUFFER) {
			work(buf + i, SLICE, 1);
			nanosleep(&pause, NULL);
		}
		return 0;
	}
	if (argc > 4 && !strcmp(argv[1], "pingpong"))
		return pingpong(monotonic_ns() + (uint64_t)atoi(argv[2]) * 1000000000ull,
				atoi(argv[3]), atoi(argv[4]));
	t0 = monotonic_ns();
	acc = work(buf, BUFFER, 20);
	printf("AXVM-BENCH %s_ns %llu\n", argc > 1 ? argv[1] : "workload",
	       (unsigned long long)(monotonic_ns() - t0));
	return acc == 42;	/* keep the work */
}
