// SPDX-License-Identifier: GPL-2.0
/*
 * Cells seen from the root cell: the life cycle with a real inmate, two
 * cells side by side, containment of misbehaving cells, refused conflicts,
 * and many rounds without leaks. Driven through axvm-ctl, as a user would.
 */
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "kselftest_harness.h"
#include "axvm_util.h"

#define CONFIGS "/etc/axvm/configs/"
#define INMATES "/usr/lib/axvm/inmates/"
#define RTOS_RAM 0x71000000ull	/* rtos.json's memory */

static bool cpu_is_online(int cpu)
{
	char path[64], buf[8];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", cpu);
	f = fopen(path, "r");
	if (!f)
		return false;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '0';
	fclose(f);
	return buf[0] == '1';
}


/* Wait up to @seconds for @cell's state in `cell list` to be @state. */
static bool wait_state(const char *cell, const char *state, int seconds)
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

static long read_long(const char *attr)
{
	char buf[32];

	return axvm_sysfs_read(attr, buf, sizeof(buf)) ? -1 : atol(buf);
}

static long mem_free_kib(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long kib = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemFree: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

FIXTURE(cells) {};

FIXTURE_SETUP(cells)
{
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
}

FIXTURE_TEARDOWN(cells)
{
	run(NULL, 0, "axvm-ctl cell destroy rtos");
	run(NULL, 0, "axvm-ctl cell destroy bare");
	run(NULL, 0, "axvm-ctl cell destroy rng");
	run(NULL, 0, "axvm-ctl cell destroy smp");
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
	for (int cpu = 0; cpu < 4; cpu++) {
		EXPECT_TRUE(cpu_is_online(cpu)) TH_LOG("CPU %d", cpu);
	}
}

TEST_F(cells, life_cycle)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rtos.json"))
		TH_LOG("%s", out);
	EXPECT_FALSE(cpu_is_online(3));
	EXPECT_TRUE(wait_state("rtos", "created", 1));
	/* Loadable: the root still reaches the cell's memory... */
	EXPECT_EQ(0, probe_physical(RTOS_RAM));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell load rtos " INMATES "hello.bin"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell start rtos")) TH_LOG("%s", out);
	/* ...until the cell starts. */
	EXPECT_EQ(SIGBUS, probe_physical(RTOS_RAM));
	EXPECT_TRUE(wait_console("rtos", "Test result: SUCCESS", 10));
	EXPECT_TRUE(wait_state("rtos", "shut-down", 5));	/* PSCI SYSTEM_OFF */
	/* Shut down, it can be loaded and started again. */
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell load rtos " INMATES "hello.bin"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell start 1"));	/* by id */
	EXPECT_TRUE(wait_state("rtos", "shut-down", 5));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(3));
	EXPECT_EQ(0, probe_physical(RTOS_RAM));
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(out, "rtos"));
}

/* The rtos inmate on its timer interrupt, in two cells at once. */
TEST_F_TIMEOUT(cells, two_cells_side_by_side, 120)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "bare.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	EXPECT_FALSE(cpu_is_online(2));
	EXPECT_FALSE(cpu_is_online(3));
	EXPECT_TRUE(wait_console("rtos", "rtos: tick 2000: control ran 200", 15)) {
		run(out, sizeof(out), "axvm-ctl console rtos; axvm-ctl cell list; axvm-ctl console");
		TH_LOG("%s", out);
	}
	EXPECT_TRUE(wait_console("bare", "rtos: tick 2000: control ran 200", 15)) {
		run(out, sizeof(out), "axvm-ctl console bare; axvm-ctl cell list; "
		    "axvm-ctl cell stats bare; axvm-ctl console");
		TH_LOG("%s", out);
	}
	EXPECT_TRUE(wait_state("rtos", "running", 1));
	/* Shutting one down leaves the other ticking. */
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell shutdown rtos"));
	EXPECT_TRUE(wait_state("rtos", "shut-down", 2));
	EXPECT_TRUE(wait_console("bare", "rtos: tick 4000", 40)) {
		run(out, sizeof(out), "axvm-ctl console bare; axvm-ctl cell list; axvm-ctl console");
		TH_LOG("%s", out);
	}
	EXPECT_TRUE(wait_state("bare", "running", 1));
	run(out, sizeof(out), "axvm-ctl info");
	EXPECT_NE(NULL, strstr(out, "cells:             2")) TH_LOG("%s", out);
}

FIXTURE(probe) {};
FIXTURE_VARIANT(probe) {
	const char *inmate;
};
FIXTURE_VARIANT_ADD(probe, memory_outside) { .inmate = "probe_memory" };
FIXTURE_VARIANT_ADD(probe, management_hypercall) { .inmate = "probe_hypercall" };
FIXTURE_VARIANT_ADD(probe, undefined_instruction) { .inmate = "probe_undefined" };

FIXTURE_SETUP(probe)
{
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl enable " CONFIGS "root.json"));
}

FIXTURE_TEARDOWN(probe)
{
	run(NULL, 0, "axvm-ctl cell destroy rtos");
	EXPECT_EQ(0, run(NULL, 0, "axvm-ctl disable"));
	EXPECT_TRUE(cpu_is_online(3));
}

/* A misbehaving cell ends "failed"; the root and the hypervisor go on. */
TEST_F(probe, cell_fails_alone)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "%s.bin", variant->inmate)) TH_LOG("%s", out);
	EXPECT_TRUE(wait_state("rtos", "failed", 10));
	run(out, sizeof(out), "axvm-ctl console rtos");
	EXPECT_NE(NULL, strstr(out, "probe:")) TH_LOG("console: %s", out);
	EXPECT_EQ(NULL, strstr(out, "Test result: FAILURE")) TH_LOG("console: %s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, "syndrome")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl console");
	EXPECT_NE(NULL, strstr(out, "\"rtos\" failed on CPU 3")) TH_LOG("%s", out);
	/* The root is fine: work on its CPUs, and the failed cell can go. */
	EXPECT_EQ(0, run(NULL, 0, "taskset -c 0,1,2 true"));
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
}

TEST_F(cells, conflicts_are_refused_and_change_nothing)
{
	char out[4096];

	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"));
	/* The same config again: name, CPU and memory all taken. */
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rtos.json"));
	EXPECT_NE(NULL, strstr(out, "name \"rtos\" is taken by another cell")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "CPU 3 is already owned by cell \"rtos\"")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(strstr(out, "rtos") + 4, "rtos")) TH_LOG("%s", out);
	/* Linux's own RAM is not the root's to give. */
	EXPECT_EQ(1, run(out, sizeof(out), "sed 's/0x72000000/0x48000000/' " CONFIGS
			 "bare.json > /tmp/linux-ram.json && axvm-ctl cell create /tmp/linux-ram.json"));
	EXPECT_NE(NULL, strstr(out, "is not in the root cell's loadable memory")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));
	/* Disable while a cell exists: refused, with the reason. */
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl disable"));
	EXPECT_NE(NULL, strstr(out, "1 cell still exists; destroy it first")) TH_LOG("%s", out);
}

TEST_F_TIMEOUT(cells, fifty_rounds_without_leaks, 120)
{
	long used, free_before, free_after;

	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"));
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"));
	used = read_long("memory_used");
	free_before = mem_free_kib();
	for (int i = 0; i < 50; i++) {
		ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"))
			TH_LOG("round %d", i);
		ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"))
			TH_LOG("round %d", i);
	}
	EXPECT_EQ(used, read_long("memory_used"));
	free_after = mem_free_kib();
	/* Linux's free memory moves a little with its caches: a leak of a
	 * CPU's worth of state per round would show as a steady fall. */
	EXPECT_LT(free_before - free_after, 4096)
		TH_LOG("MemFree %ld -> %ld kB", free_before, free_after);
	EXPECT_TRUE(cpu_is_online(3));
}

/* cell list --json, cell stats and console -f give what they promise. */
TEST_F(cells, list_stats_and_console)
{
	char out[8192];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "rtos: tick 1000", 10));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell list --json"));
	EXPECT_NE(NULL, strstr(out, "[{\"id\": 1, \"name\": \"rtos\", \"state\": \"running\", \"cpus\": [3]}]"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell stats rtos"));
	EXPECT_NE(NULL, strstr(out, "cell 1 \"rtos\" (running)")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "    3 ")) TH_LOG("%s", out);
	/* console -f keeps printing as the cell goes on. */
	run(out, sizeof(out), "timeout 3 axvm-ctl console rtos -f");
	EXPECT_NE(NULL, strstr(out, "rtos: tick 2000")) TH_LOG("%s", out);
}

/*
 * A cell's interrupt is the cell's alone: the root cannot enable it at the
 * distributor (probed through /dev/mem, which reaches the emulation).
 */
TEST_F(cells, root_cannot_touch_a_cells_interrupt)
{
	char out[4096];
	const unsigned long long isenabler1 = 0x08000000ull + 0x104;
	int fd;
	volatile unsigned int *gicd;

	/* rtos.json plus SPI 40, written on the fly. */
	ASSERT_EQ(0, run(out, sizeof(out),
			 "sed 's/\"console\"/\"interrupts\": [40], \"console\"/' "
			 CONFIGS "rtos.json > /tmp/rtos-irq.json && "
			 "axvm-ctl cell create /tmp/rtos-irq.json")) TH_LOG("%s", out);
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	ASSERT_LE(0, fd);
	gicd = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		    (off_t)(isenabler1 & ~0xfffull));
	ASSERT_NE(MAP_FAILED, gicd);
	gicd[(isenabler1 & 0xfff) / 4] = 1u << (40 - 32) | 1u << (41 - 32);
	/* SPI 41 is the root's: enabled. SPI 40 is the cell's: untouched,
	 * and hidden from the root's reads. */
	EXPECT_NE(0, gicd[(isenabler1 & 0xfff) / 4] & (1u << (41 - 32)));
	EXPECT_EQ(0, gicd[(isenabler1 & 0xfff) / 4] & (1u << (40 - 32)));
	gicd[(isenabler1 + 0x80 - (isenabler1 & ~0xfffull)) / 4] = 1u << (41 - 32);
	munmap((void *)gicd, 4096);
	close(fd);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"));
}

/*
 * A device partition: the virtio-rng transport and its interrupt go to a
 * cell. Create is refused while the root's driver holds the device; once
 * unbound, the cell reads the device and takes its interrupt, and the
 * root cannot reach the device until the cell is gone.
 */
TEST_F(cells, virtio_device_partition)
{
	const char *dev = "a003e00.virtio_mmio";
	const char *drv = "/sys/bus/platform/drivers/virtio-mmio";
	char out[4096], path[128];

	if (access(drv, F_OK))
		ASSERT_EQ(0, run(out, sizeof(out), "insmod /lib/modules/virtio_mmio.ko"))
			TH_LOG("%s", out);
	snprintf(path, sizeof(path), "%s/%s", drv, dev);
	ASSERT_EQ(0, access(path, F_OK)) TH_LOG("virtio-mmio does not drive %s", dev);

	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rng.json"));
	EXPECT_NE(NULL, strstr(out, "device a003e00.virtio_mmio is driven by the root's driver virtio-mmio; unbind it first"))
		TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));	/* nothing changed */

	ASSERT_EQ(0, run(NULL, 0, "echo %s > %s/unbind", dev, drv));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rng.json "
			 INMATES "virtio_rng.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rng", "Test result: SUCCESS", 15));
	run(out, sizeof(out), "axvm-ctl console rng");
	EXPECT_NE(NULL, strstr(out, "magic 0x74726976, version 1, device id 4")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "interrupt taken")) TH_LOG("%s", out);
	EXPECT_EQ(SIGBUS, probe_physical(0x0a003000ull));

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rng")) TH_LOG("%s", out);
	EXPECT_EQ(0, probe_physical(0x0a003000ull));
	EXPECT_EQ(0, run(NULL, 0, "echo %s > %s/bind", dev, drv));
	EXPECT_EQ(0, access(path, F_OK));
}

/* PSCI in a cell: its own CPUs only; SYSTEM_OFF ends the cell alone. */
TEST_F(cells, psci_stays_inside_the_cell)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "psci_probe.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "Test result: SUCCESS", 10));
	EXPECT_TRUE(wait_state("rtos", "shut-down", 5));
	EXPECT_TRUE(cpu_is_online(0));	/* the machine is still on */
}

/* IPIs from a cell reach no other cell's CPU. */
TEST_F(cells, cell_cannot_interrupt_another_cell)
{
	char out[8192];

	/* The witness: rtos on CPU 2 counts every interrupt but its timer. */
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "bare.json "
			 INMATES "rtos.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("bare", "rtos: tick 1000", 10));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "probe_ipi.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "Test result: SUCCESS", 10));
	EXPECT_TRUE(wait_console("bare", "rtos: tick 3000", 10));
	run(out, sizeof(out), "axvm-ctl console bare");
	EXPECT_NE(NULL, strstr(out, "tick 3000: control ran 300, sensor ran 120 times"))
		TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(strstr(out, "tick 3000") ?: out, "other interrupts 1"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(strstr(out, "tick 3000") ?: out, "other interrupts 0"))
		TH_LOG("%s", out);
}

/*
 * A cell that keeps the hypervisor's interrupt out (probe_mask, for 4 s)
 * cannot hang the root: destroy gives up after a second and says why, the
 * cell keeps its CPU; once the cell lets the interrupt in, its CPU parks
 * (before it can print again) and destroy works.
 */
TEST_F(cells, unanswering_cell_does_not_hang_the_root)
{
	char out[8192];
	time_t t0;

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "probe_mask.bin")) TH_LOG("%s", out);
	ASSERT_TRUE(wait_console("rtos", "probe: holding", 5));
	t0 = time(NULL);
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
	EXPECT_GE(2, time(NULL) - t0);
	EXPECT_NE(NULL, strstr(out, "does not answer the hypervisor's stop request"))
		TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_NE(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	EXPECT_FALSE(cpu_is_online(3));
	run(out, sizeof(out), "axvm-ctl console");
	EXPECT_NE(NULL, strstr(out, "CPU 3 does not answer the request to stop")) TH_LOG("%s", out);
	/* It lets go after 4 s and parks at once; destroy then succeeds. */
	for (int i = 0; i < 10 && run(out, sizeof(out), "axvm-ctl cell destroy rtos"); i++)
		sleep(1);
	EXPECT_EQ(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	EXPECT_GE(12, time(NULL) - t0);
}

/*
 * A cell with two CPUs (smp.json, CPUs 2-3, probe_smp): CPU_ON inside it, an SGI
 * from one of its CPUs to the other, both ticking; shutdown stops both,
 * destroy gives both back.
 */
TEST_F(cells, two_cpu_cell)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "smp.json "
			 INMATES "probe_smp.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("smp", "Test result: SUCCESS", 10)) {
		run(out, sizeof(out), "axvm-ctl console smp; axvm-ctl console");
		TH_LOG("%s", out);
	}
	EXPECT_FALSE(cpu_is_online(2));
	EXPECT_FALSE(cpu_is_online(3));
	run(out, sizeof(out), "axvm-ctl cell list --json");
	EXPECT_NE(NULL, strstr(out, "\"name\": \"smp\", \"state\": \"running\", \"cpus\": [2,3]"))
		TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell shutdown smp")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_state("smp", "shut-down", 2));
	EXPECT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy smp")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));
	EXPECT_TRUE(cpu_is_online(3));
}

/* cell run that cannot load its image leaves no cell behind. */
TEST_F(cells, run_that_fails_leaves_nothing)
{
	char out[4096];

	EXPECT_EQ(3, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 "/nonexistent.bin")) TH_LOG("%s", out);	/* 3: an input file */
	EXPECT_NE(NULL, strstr(out, "/nonexistent.bin")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "destroyed again")) TH_LOG("%s", out);
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(out, "rtos")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(3));
}

/*
 * Leaves a pattern in CPU @cpu's FP/SIMD registers and its FP control
 * register (FPCR; fcsr on riscv64: a rounding mode and flags), from user
 * space.
 */
static void dirty_fpsimd(int cpu)
{
	pid_t pid = fork();

	if (pid == 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			_exit(1);
#if defined(__aarch64__)
		asm volatile("mov x9, #0x5a5a\n\t"
			     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
			     "dup v\\n\\().2d, x9\n\t"
			     ".endr\n\t"
			     "mov x9, #0x400000\n\tmsr fpcr, x9"
			     : : : "x9", "memory");
#elif defined(__riscv)
		asm volatile("li t0, 0x5a5a\n\t"
			     ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
			     "fmv.d.x f\\n, t0\n\t"
			     ".endr\n\t"
			     "li t0, 0x3f\n\tcsrw fcsr, t0"
			     : : : "t0", "memory");
#else
#error "cell_test.c: no FP registers to dirty on this architecture"
#endif
		_exit(0);
	}
	waitpid(pid, NULL, 0);
}

/* A cell's CPU starts with FP/SIMD registers wiped, whatever the root left. */
TEST_F(cells, fpsimd_registers_do_not_leak_into_a_cell)
{
	char out[4096];

	dirty_fpsimd(3);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES "probe_fpsimd.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rtos", "Test result: SUCCESS", 10)) {
		run(out, sizeof(out), "axvm-ctl console rtos");
		TH_LOG("%s", out);
	}
}

TEST_HARNESS_MAIN
