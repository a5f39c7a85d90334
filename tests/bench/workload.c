// SPDX-License-Identifier: GPL-2.0
/*
 * A fixed CPU and memory workload for the root cell: integer work mixed
 * with strided writes over 8 MiB (so stage-2 translation is exercised).
 * "workload" prints its virtual run time; "load SECONDS" keeps one CPU
 * busy with it for the latency-under-load figure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUFFER (8u << 20)

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t work(unsigned char *buf, unsigned int rounds)
{
	uint64_t acc = 1;

	for (unsigned int r = 0; r < rounds; r++)
		for (unsigned int i = 0; i < BUFFER; i += 64) {
			acc = acc * 6364136223846793005ull + i;
			buf[(i * 13 + r * 4096) & (BUFFER - 1)] = (unsigned char)acc;
		}
	return acc;
}

int main(int argc, char **argv)
{
	unsigned char *buf = malloc(BUFFER);
	uint64_t t0, acc;

	if (!buf)
		return 1;
	memset(buf, 0, BUFFER);
	if (argc > 2 && !strcmp(argv[1], "load")) {
		uint64_t end = now_ns() + (uint64_t)atoi(argv[2]) * 1000000000ull;

		while (now_ns() < end)
			work(buf, 1);
		return 0;
	}
	t0 = now_ns();
	acc = work(buf, 20);
	printf("AXVM-BENCH %s_ns %llu\n", argc > 1 ? argv[1] : "workload",
	       (unsigned long long)(now_ns() - t0));
	return acc == 42;	/* keep the work */
}
