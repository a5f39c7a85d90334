/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the arches' hostile tests (tests/selftests/<arch>/hostile_test.c)
 * share: the root's view of an interrupt controller through /dev/mem, the
 * differences between two views, the signs of damage in the kernel log,
 * and destroy's timing, whatever the cell does.
 */
#ifndef AXVM_SELFTEST_HOSTILE_H
#define AXVM_SELFTEST_HOSTILE_H

#include <sys/mman.h>

#include "kselftest_harness.h"
#include "arch_facts.h"
#include "axvm_util.h"
#include "configs.h"

/*
 * A generous bound for destroy outside -icount (make bench has the
 * figure), Linux's bring-up of the CPU that comes back included: the
 * arch's (ARCH_DESTROY_MAX_NS).
 */
#define DESTROY_MAX_NS	ARCH_DESTROY_MAX_NS
/* What every arch's hostile inmate prints once it only spins. */
#define HOSTILE_SPINNING	"spinning"

/* @size bytes of physical memory at @phys (the test boot has iomem=relaxed). */
static inline volatile void *map_phys(unsigned long phys, size_t size)
{
	int fd = open("/dev/mem", O_RDWR | O_SYNC);
	void *p;

	if (fd < 0)
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)phys);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* One plain load of a register, which the hypervisor's emulation can decode. */
#if defined(__aarch64__)
#define LOAD32	"ldr %w0, [%1]"
#define LOAD64	"ldr %0, [%1]"
#elif defined(__riscv)
#define LOAD32	"lw %0, 0(%1)"
#define LOAD64	"ld %0, 0(%1)"
#elif defined(__x86_64__)
#define LOAD32	"movl (%1), %0"
#define LOAD64	"movq (%1), %0"
#endif
#define READ_REGISTER(type, load, base, off) ({					\
	type v_;								\
										\
	asm volatile(load : "=r"(v_) : "r"((char *)(base) + (off)) : "memory");	\
	v_;									\
})

static inline uint32_t rd32(volatile void *base, unsigned long off)
{
	return READ_REGISTER(uint32_t, LOAD32, base, off);
}

static inline uint64_t rd64(volatile void *base, unsigned long off)
{
	return READ_REGISTER(uint64_t, LOAD64, base, off);
}

/*
 * Every 32-bit word of the @size bytes at @seen that differs from
 * @expected, one line each into @out: named by @name (which register word
 * @i is) if given, else by its number. Returns how many differ.
 */
static inline int diff_words(const void *expected, const void *seen, size_t size,
			     void (*name)(size_t i, char *out, size_t size),
			     char *out, size_t out_size)
{
	const uint32_t *x = expected, *y = seen;
	size_t i, len = 0;
	int diffs = 0;

	out[0] = '\0';
	for (i = 0; i < size / 4; i++) {
		char what[64];

		if (x[i] == y[i])
			continue;
		diffs++;
		if (name)
			name(i, what, sizeof(what));
		else
			snprintf(what, sizeof(what), "word %zu", i);
		if (len + 128 < out_size)
			len += snprintf(out + len, out_size - len, "%s: 0x%08x -> 0x%08x\n",
					what, x[i], y[i]);
	}
	return diffs;
}

/* The kernel log since @fd was opened, searched for signs of damage. */
static inline const char *kmsg_damage(int fd)
{
	static const char *const bad[] = {
		"Unexpected interrupt", "WARNING", "rcu: INFO", "BUG:", "Oops",
		"Internal error", "SError", "stall", "failed to come online",
	};

	return kmsg_find(fd, bad, sizeof(bad) / sizeof(bad[0]));
}

/*
 * Run the hostile cell (hostile.json, hostile.bin) until it only spins;
 * its console into @out.
 */
static inline void run_hostile(struct __test_metadata *_metadata, char *out, size_t size)
{
	ASSERT_EQ(0, run(out, size, "axvm-ctl cell run " CONFIGS "hostile.json "
			 INMATES "hostile.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("hostile", HOSTILE_SPINNING, 30)) {
		run(out, size, "axvm-ctl console hostile; axvm-ctl cell list; axvm-ctl console");
		TH_LOG("%s", out);
	}
	run(out, size, "axvm-ctl console hostile");
}

/* Destroy @cell, returning how long it took. */
static inline uint64_t timed_destroy(const char *cell, int *rc)
{
	uint64_t t0 = monotonic_ns();

	*rc = run(NULL, 0, "axvm-ctl cell destroy %s", cell);
	return monotonic_ns() - t0;
}

/*
 * Destroy does not wait on the cell: a ticking (rtos), a spinning (the
 * hostile inmate, its CPU left as dirty as it could) and a sleeping one
 * (sleeper) each go within DESTROY_MAX_NS.
 */
static inline void check_destroy_is_quick(struct __test_metadata *_metadata)
{
	static const struct { const char *config, *cell, *image, *ready; } cells[] = {
		{ "rtos.json", "rtos", "rtos.bin", "rtos: tick 1000" },
		{ "hostile.json", "hostile", "hostile.bin", HOSTILE_SPINNING },
		{ "bare.json", "bare", "sleeper.bin", "sleeper: asleep" },
	};
	char out[4096];

	for (unsigned int i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		uint64_t ns;
		int rc;

		ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "%s "
				 INMATES "%s", cells[i].config, cells[i].image))
			TH_LOG("%s", out);
		EXPECT_TRUE(wait_console(cells[i].cell, cells[i].ready, 30))
			TH_LOG("%s", cells[i].cell);
		usleep(200000);	/* an armed timer's deadline passes meanwhile */
		ns = timed_destroy(cells[i].cell, &rc);
		ksft_print_msg("destroy of a running %s cell: %llu ms\n", cells[i].cell,
			       (unsigned long long)(ns / 1000000));
		EXPECT_EQ(0, rc);
		EXPECT_GT(DESTROY_MAX_NS, ns)
			TH_LOG("%s: destroy took %llu ns", cells[i].cell,
			       (unsigned long long)ns);
	}
}

/*
 * The counts of the root's timer interrupt on CPUs 0 to @n - 1, from
 * /proc/interrupts (whose columns are the online CPUs: the root's come
 * first whether the cell's is Linux's or the cell's). Returns how many
 * were found.
 */
static inline int root_timer_interrupts(unsigned long long *counts, int n)
{
	FILE *f = fopen("/proc/interrupts", "r");
	char line[512];
	int found = 0;

	while (f && !found && fgets(line, sizeof(line), f)) {
		char *p = strchr(line, ':');

		if (!p || !strstr(line, ARCH_TIMER_IRQ_NAME))
			continue;
		for (p++; found < n; found++) {
			char *end;

			counts[found] = strtoull(p, &end, 10);
			if (end == p)
				break;
			p = end;
		}
	}
	if (f)
		fclose(f);
	return found;
}

/*
 * The next program on the hostile cell's CPU, straight after it (shut
 * down, loaded again, started: no Linux on the CPU in between to
 * overwrite what it left), finds none of its FP registers.
 */
static inline void check_next_program_finds_no_fp_state(struct __test_metadata *_metadata)
{
	char out[8192];

	run_hostile(_metadata, out, sizeof(out));
	ASSERT_NE(NULL, strstr(out, "hostile: spinning")) TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell shutdown hostile")) TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell load hostile " INMATES "probe_fpsimd.bin"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell start hostile")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("hostile", "Test result: SUCCESS", 10)) {
		run(out, sizeof(out), "axvm-ctl console hostile");
		TH_LOG("%s", out);
	}
}

/*
 * With the hostile cell running, the root keeps working: a task sleeps on
 * each of its @n CPUs (0 to @n - 1) ten times and its timer wakes it
 * there (an idle CPU has no tick to count), @ticks being the counts
 * before. Then the hostile cell goes quickly, and its CPU @cell_cpu is
 * Linux's again.
 */
static inline void check_root_works_and_destroy(struct __test_metadata *_metadata,
						const unsigned long long *ticks, int n,
						int cell_cpu)
{
	unsigned long long later[8];
	uint64_t ns;
	int c, rc;

	ASSERT_GE(8, n);
	for (c = 0; c < n; c++) {
		EXPECT_EQ(0, run(NULL, 0, "taskset -c %d sh -c 'for i in 0 1 2 3 4 5 6 7 8 9; "
				 "do usleep 5000; done'", c)) TH_LOG("CPU %d", c);
	}
	ASSERT_EQ(n, root_timer_interrupts(later, n));
	for (c = 0; c < n; c++) {
		EXPECT_LE(ticks[c] + 10, later[c]) TH_LOG("CPU %d's timer", c);
	}
	ns = timed_destroy("hostile", &rc);
	ASSERT_EQ(0, rc);
	ksft_print_msg("destroy of the spinning hostile cell: %llu ms\n",
		       (unsigned long long)(ns / 1000000));
	EXPECT_GT(DESTROY_MAX_NS, ns) TH_LOG("destroy took %llu ns", (unsigned long long)ns);
	ASSERT_TRUE(cpu_is_online(cell_cpu));
	usleep(200000);
}

#endif /* AXVM_SELFTEST_HOSTILE_H */
