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
#include "arch_facts.h"
#include "configs.h"
#include "devices.h"

/* Where rtos.json's RAM is. */
static __u64 rtos_ram(void)
{
	return cell_region("rtos", AXVM_MEM_LOADABLE, NULL);
}

static long read_long(const char *attr)
{
	char buf[32];

	return axvm_sysfs_read(attr, buf, sizeof(buf)) ? -1 : atol(buf);
}

/*
 * What the kernel holds for itself: slabs, stacks, page tables, vmalloc
 * and ioremap, per-CPU areas.
 */
static const char *const kernel_held[] = {
	"Slab", "KernelStack", "PageTables", "VmallocUsed", "Percpu", NULL
};
static const char *const mem_free[] = { "MemFree", NULL };

/* The sum of /proc/meminfo's @fields in kB, the caches dropped first. */
static long meminfo_kib(const char *const *fields)
{
	FILE *f;
	char line[128], name[64];
	long kib, sum = 0;

	sync();
	write_file("/proc/sys/vm/drop_caches", "3", 1);
	f = fopen("/proc/meminfo", "r");
	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63[^:]: %ld kB", name, &kib) != 2)
			continue;
		for (const char *const *field = fields; *field; field++)
			if (!strcmp(name, *field))
				sum += kib;
	}
	if (f)
		fclose(f);
	return f ? sum : -1;
}

AXVM_ENABLED_FIXTURE(cells, "rtos bare rng smp");

TEST_F(cells, life_cycle)
{
	char out[4096];

	ASSERT_NE(0, rtos_ram());
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rtos.json"))
		TH_LOG("%s", out);
	EXPECT_FALSE(cpu_is_online(3));
	EXPECT_TRUE(wait_state("rtos", "created", 1));
	/* Loadable: the root still reaches the cell's memory... */
	EXPECT_EQ(0, probe_physical(rtos_ram()));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell load rtos " INMATES "hello.bin"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell start rtos")) TH_LOG("%s", out);
	/* ...until the cell starts. */
	EXPECT_EQ(ARCH_FAULT_SIGNAL, probe_physical(rtos_ram()));
	EXPECT_TRUE(wait_console("rtos", "Test result: SUCCESS", 10));
	EXPECT_TRUE(wait_state("rtos", "shut-down", 5));	/* it switched the system off */
	/* Shut down, it can be loaded and started again. */
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell load rtos " INMATES "hello.bin"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell start 1"));	/* by id */
	EXPECT_TRUE(wait_state("rtos", "shut-down", 5));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rtos")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(3));
	EXPECT_EQ(0, probe_physical(rtos_ram()));
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

AXVM_ENABLED_FIXTURE(probe, "rtos");
FIXTURE_VARIANT(probe) {
	const char *inmate;
};
FIXTURE_VARIANT_ADD(probe, memory_outside) { .inmate = "probe_memory" };
FIXTURE_VARIANT_ADD(probe, management_hypercall) { .inmate = "probe_hypercall" };
FIXTURE_VARIANT_ADD(probe, undefined_instruction) { .inmate = "probe_undefined" };

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
	__u64 bare_ram = cell_region("bare", AXVM_MEM_LOADABLE, NULL);

	ASSERT_NE(0, bare_ram);
	ASSERT_NE(0, linux_ram());
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"));
	/* The same config again: name, CPU and memory all taken. */
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rtos.json"));
	EXPECT_NE(NULL, strstr(out, "name \"rtos\" is taken by another cell")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "CPU 3 is already owned by cell \"rtos\"")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));
	run(out, sizeof(out), "axvm-ctl cell list");
	EXPECT_EQ(NULL, strstr(strstr(out, "rtos") + 4, "rtos")) TH_LOG("%s", out);
	/* Linux's own RAM (128 MiB into it) is not the root's to give. */
	EXPECT_EQ(1, run(out, sizeof(out), "sed 's/0x%llx/0x%llx/' " CONFIGS
			 "bare.json > /tmp/linux-ram.json && axvm-ctl cell create /tmp/linux-ram.json",
			 (unsigned long long)bare_ram,
			 (unsigned long long)linux_ram() + 0x8000000));
	EXPECT_NE(NULL, strstr(out, "is not in the root cell's loadable memory")) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));
	/* Disable while a cell exists: refused, with the reason. */
	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl disable"));
	EXPECT_NE(NULL, strstr(out, "1 cell still exists; destroy it first")) TH_LOG("%s", out);
}

TEST_F_TIMEOUT(cells, fifty_rounds_without_leaks, 120)
{
	long used, free_before, free_after, held_before, held_after;

	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"));
	ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"));
	used = read_long("memory_used");
	held_before = meminfo_kib(kernel_held);
	free_before = meminfo_kib(mem_free);
	for (int i = 0; i < 50; i++) {
		ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell create " CONFIGS "rtos.json"))
			TH_LOG("round %d", i);
		ASSERT_EQ(0, run(NULL, 0, "axvm-ctl cell destroy rtos"))
			TH_LOG("round %d", i);
	}
	EXPECT_EQ(used, read_long("memory_used"));
	held_after = meminfo_kib(kernel_held);
	free_after = meminfo_kib(mem_free);
	/* Steady to some 100 kB: a CPU's worth of state, a mapping or an
	 * allocation left behind per round would show. */
	EXPECT_LT(held_after - held_before, 1024)
		TH_LOG("Slab+KernelStack+PageTables+VmallocUsed+Percpu %ld -> %ld kB",
		       held_before, held_after);
	/* Free memory swings with the page lists of a CPU going offline and
	 * online; a leak of pages per round would show as a steady fall. */
	EXPECT_LT(free_before - free_after, ARCH_MEMFREE_SWING_KIB)
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
 * A device partition: the virtio-rng transport and its interrupt go to a
 * cell. Create is refused while the root's driver holds the device; once
 * unbound, the cell reads the device and takes its interrupt, and the
 * root cannot reach the device until the cell is gone.
 */
TEST_F(cells, virtio_device_partition)
{
	const char *drv = "/sys/bus/platform/drivers/virtio-mmio";
	struct root_device dev;
	char out[4096], path[512], refusal[512];
	__u64 size, io;

	if (!ARCH_DEVICE_CELL)
		SKIP(return, "no cell with a device of its own on this arch yet");
	io = cell_region("rng", AXVM_MEM_IO, &size);
	ASSERT_NE(0, io);
	if (access(drv, F_OK))
		ASSERT_EQ(0, run(out, sizeof(out), "insmod /lib/modules/virtio_mmio.ko"))
			TH_LOG("%s", out);
	ASSERT_TRUE(root_device_in(io, size, true, &dev))
		TH_LOG("no device bound at rng.json's 0x%llx", (unsigned long long)io);
	ASSERT_STREQ("virtio-mmio", dev.driver);
	snprintf(path, sizeof(path), "%s/%s", drv, dev.name);

	EXPECT_EQ(1, run(out, sizeof(out), "axvm-ctl cell create " CONFIGS "rng.json"));
	snprintf(refusal, sizeof(refusal),
		 "device %s is driven by the root's driver virtio-mmio; unbind it first", dev.name);
	EXPECT_NE(NULL, strstr(out, refusal)) TH_LOG("%s", out);
	EXPECT_TRUE(cpu_is_online(2));	/* nothing changed */

	ASSERT_EQ(0, run(NULL, 0, "echo %s > %s/unbind", dev.name, drv));
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rng.json "
			 INMATES "virtio_rng.bin")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_console("rng", "Test result: SUCCESS", 15));
	run(out, sizeof(out), "axvm-ctl console rng");
	EXPECT_NE(NULL, strstr(out, "magic 0x74726976, version 1, device id 4")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "interrupt taken")) TH_LOG("%s", out);
	EXPECT_EQ(ARCH_FAULT_SIGNAL, probe_physical(io));

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell destroy rng")) TH_LOG("%s", out);
	EXPECT_EQ(0, probe_physical(io));
	EXPECT_EQ(0, run(NULL, 0, "echo %s > %s/bind", dev.name, drv));
	EXPECT_EQ(0, access(path, F_OK));
}

/*
 * The firmware's CPU calls in a cell (PSCI, SBI HSM) reach its own CPUs
 * only; switching the system off ends the cell alone.
 */
TEST_F(cells, firmware_calls_stay_inside_the_cell)
{
	char out[4096];

	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl cell run " CONFIGS "rtos.json "
			 INMATES ARCH_FIRMWARE_PROBE ".bin")) TH_LOG("%s", out);
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
 * register, from user space.
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
		arch_dirty_fp();
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
