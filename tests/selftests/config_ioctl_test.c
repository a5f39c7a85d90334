// SPDX-License-Identifier: GPL-2.0
/*
 * Malformed binary configs sent straight to the ioctls, bypassing axvm-ctl:
 * the driver must find each problem itself, answer the right errno, say
 * what is wrong in one kernel log line naming the field, and change
 * nothing (every sysfs attribute reads the same afterwards).
 *
 * Each variant starts from the platform's real configs (root.bin /
 * rtos.bin, compiled by axvm-ctl when the initramfs is built) and breaks
 * one thing; where the message names a number of the config, the variant
 * returns it and the message has it as its one %llx. The variants of the
 * arch's interrupt controller are in <config_ioctl_arch.h>.
 */
#include <dirent.h>
#include <sys/ioctl.h>

#include <axvm/arch.h>
#include <axvm/config.h>
#include <axvm/ioctl.h>

#include "kselftest_harness.h"
#include "axvm_util.h"
#include "configs.h"

#define SLACK 4096

struct blob {
	unsigned char *data;
	size_t size;
};

static struct axvm_system_config *SYS(struct blob *b)
{
	return (struct axvm_system_config *)b->data;
}

static struct axvm_cell_config *CELL(struct blob *b)
{
	return (struct axvm_cell_config *)b->data;
}

static struct axvm_memory_region *ROOT_MEM(struct blob *b)
{
	return axvm_cell_memory_regions(&SYS(b)->root_cell);
}

static struct axvm_memory_region *CELL_MEM(struct blob *b)
{
	return axvm_cell_memory_regions(&CELL(b)->cell);
}

/* Append one interrupt range to a cell desc at the end of the blob. */
static void add_irq(struct blob *b, struct axvm_cell_desc *cell, __u32 first,
		    __u32 count)
{
	struct axvm_irq_range *r = (struct axvm_irq_range *)(b->data + b->size);

	r->first = first;
	r->count = count;
	cell->num_irq_ranges++;
	b->size += sizeof(*r);
	((struct axvm_config_header *)b->data)->total_size = (__u32)b->size;
}

enum target { SYSTEM, CELL_CFG };

FIXTURE(config) {
	struct blob blob;
	char sysfs_before[1024];
};

FIXTURE_VARIANT(config) {
	enum target base;	/* which config to start from */
	unsigned long ioctl;
	__u64 (*mutate)(struct blob *b);	/* the number @message names */
	int expected_errno;
	const char *message;	/* a format with at most one %llx */
};

#define BAD(_name, _base, _ioctl, _errno, _msg, body)			\
	static __u64 mutate_##_name(struct blob *b) { (void)b; body; return 0; } \
	FIXTURE_VARIANT_ADD(config, _name) {				\
		.base = _base, .ioctl = _ioctl, .mutate = mutate_##_name, \
		.expected_errno = _errno, .message = _msg,		\
	}
#define EN AXVM_IOCTL_ENABLE
#define CC AXVM_IOCTL_CELL_CREATE

/* The blob as a whole. */
BAD(sys_bad_magic, SYSTEM, EN, EINVAL, "bad magic: not an axvm system config",
    SYS(b)->header.magic[0] = 'X');
BAD(cell_config_to_enable, CELL_CFG, EN, EINVAL, "this is a cell config, not a system config", );
BAD(system_config_to_create, SYSTEM, CC, EINVAL, "this is a system config, not a cell config", );
BAD(sys_abi_revision, SYSTEM, EN, EINVAL, "abi_revision is 77",
    SYS(b)->header.abi_revision = 77);
BAD(sys_foreign_arch, SYSTEM, EN, EINVAL, "config is for " FOREIGN_ARCH_NAME ", expected " AXVM_ARCH_NAME,
    SYS(b)->header.arch = FOREIGN_ARCH);
BAD(sys_truncated, SYSTEM, EN, EINVAL, "total_size is",
    b->size -= 8);
BAD(sys_header_reserved, SYSTEM, EN, EINVAL, "header reserved is 0x1",
    SYS(b)->header.reserved = 1);
BAD(sys_shorter_than_fixed_part, SYSTEM, EN, EINVAL, "shorter than its fixed part",
    b->size = 40; SYS(b)->header.total_size = 40);
BAD(sys_too_many_regions, SYSTEM, EN, EINVAL, "root_cell.num_memory_regions is 65, at most 64",
    SYS(b)->root_cell.num_memory_regions = 65);
BAD(sys_count_disagrees_with_size, SYSTEM, EN, EINVAL, "interrupt ranges need",
    SYS(b)->root_cell.num_memory_regions -= 1);
BAD(sys_oversized, SYSTEM, EN, E2BIG, "exceeds the limit of 1048576 bytes",
    b->size = AXVM_CONFIG_MAX_SIZE + 1);
BAD(cell_oversized, CELL_CFG, CC, E2BIG, "exceeds the limit of 1048576 bytes",
    b->size = AXVM_CONFIG_MAX_SIZE + 1);
/* The system part. */
BAD(hypervisor_size_zero, SYSTEM, EN, EINVAL, "hypervisor.memory: phys 0x%llx and size 0x0",
    SYS(b)->system.hypervisor_size = 0; return SYS(b)->system.hypervisor_phys);
BAD(hypervisor_misaligned, SYSTEM, EN, EINVAL, "hypervisor.memory: phys 0x%llx",
    SYS(b)->system.hypervisor_phys += 0x800; return SYS(b)->system.hypervisor_phys);
BAD(hypervisor_too_small, SYSTEM, EN, EINVAL, "below the minimum",
    SYS(b)->system.hypervisor_size = 0x10000);
BAD(debug_console_hypercall, SYSTEM, EN, EINVAL, "debug_console.type: a hypercall console is not possible here",
    SYS(b)->system.debug_console.type = AXVM_CONSOLE_HYPERCALL;
    SYS(b)->system.debug_console.address = 0);
BAD(platform_no_cpus, SYSTEM, EN, EINVAL, "platform.cpus is 0",
    SYS(b)->system.platform.num_cpus = 0);
/* The arch's interrupt controller, and what the machine's CPUs need of it. */
#include "config_ioctl_arch.h"
BAD(system_reserved, SYSTEM, EN, EINVAL, "reserved[1] is 0x5",
    SYS(b)->system.reserved[1] = 5);
/* The root cell. */
BAD(root_name_empty, SYSTEM, EN, EINVAL, "root_cell.name is empty",
    SYS(b)->root_cell.name[0] = 0);
BAD(root_name_unterminated, SYSTEM, EN, EINVAL, "root_cell.name is not NUL-terminated",
    memset(SYS(b)->root_cell.name, 'a', AXVM_CELL_NAME_SIZE));
BAD(root_no_cpus, SYSTEM, EN, EINVAL, "root_cell.cpus: no CPU given",
    memset(SYS(b)->root_cell.cpus, 0, sizeof(SYS(b)->root_cell.cpus)));
BAD(root_lacks_online_cpu, SYSTEM, EN, EINVAL, "root_cell.cpus lacks CPU 2",
    SYS(b)->root_cell.cpus[0] &= ~4ull);
BAD(root_cpu_beyond_machine, SYSTEM, EN, EINVAL, "root_cell.cpus: CPU 9 does not exist",
    SYS(b)->root_cell.cpus[0] |= 1ull << 9);
BAD(root_region_size_zero, SYSTEM, EN, EINVAL, "root_cell.memory[1].size is 0",
    ROOT_MEM(b)[1].size = 0);
BAD(root_region_unknown_flag, SYSTEM, EN, EINVAL, "root_cell.memory[0].flags 0x10047 has unknown bits 0x10000",
    ROOT_MEM(b)[0].flags |= 0x10000);
BAD(root_region_misaligned, SYSTEM, EN, EINVAL, "must be multiples of the page size",
    ROOT_MEM(b)[0].phys_start += 0x10; ROOT_MEM(b)[0].virt_start += 0x10);
BAD(root_region_not_identity, SYSTEM, EN, EINVAL, "the root cell is identity-mapped",
    ROOT_MEM(b)[0].virt_start += 0x40000000);
BAD(root_regions_overlap, SYSTEM, EN, EINVAL, "root_cell.memory[0] and memory[1] overlap in physical memory",
    ROOT_MEM(b)[1].phys_start = ROOT_MEM(b)[1].virt_start = ROOT_MEM(b)[0].phys_start + 0x1000000);
BAD(root_region_over_hypervisor, SYSTEM, EN, EINVAL, "overlaps the hypervisor's memory",
    ROOT_MEM(b)[1].phys_start = ROOT_MEM(b)[1].virt_start = SYS(b)->system.hypervisor_phys);
BAD(root_region_wraps, SYSTEM, EN, EINVAL, "overflows",
    ROOT_MEM(b)[1].phys_start = ROOT_MEM(b)[1].virt_start = 0xfffffffffff00000ull);
BAD(root_region_reserved, SYSTEM, EN, EINVAL, "root_cell.memory[2].reserved is 0x9",
    ROOT_MEM(b)[2].reserved = 9);
BAD(root_with_interrupts, SYSTEM, EN, EINVAL, "the root cell owns every interrupt",
    add_irq(b, &SYS(b)->root_cell, 48, 1));
BAD(root_with_entry, SYSTEM, EN, EINVAL, "the root cell is already running",
    SYS(b)->root_cell.entry = 0x40000000);
/* A cell. */
BAD(cell_bad_name, CELL_CFG, CC, EINVAL, "name \"rt/os\": character 3",
    strcpy(CELL(b)->cell.name, "rt/os"));
BAD(cell_no_cpus, CELL_CFG, CC, EINVAL, "cpus: no CPU given",
    memset(CELL(b)->cell.cpus, 0, sizeof(CELL(b)->cell.cpus)));
BAD(cell_flags, CELL_CFG, CC, EINVAL, "flags is 0x1, must be 0",
    CELL(b)->cell.flags = 1);
BAD(cell_entry_outside, CELL_CFG, CC, EINVAL, "entry 0x50000000 is in none of the cell's executable regions",
    CELL(b)->cell.entry = 0x50000000);
BAD(cell_region_no_access, CELL_CFG, CC, EINVAL, "memory[0]: grants no access",
    CELL_MEM(b)[0].flags = AXVM_MEM_LOADABLE);
BAD(cell_io_executable, CELL_CFG, CC, EINVAL, "an io region cannot be loadable or executable",
    CELL_MEM(b)[0].flags |= AXVM_MEM_IO);
BAD(cell_irq_past_end, CELL_CFG, CC, EINVAL, "interrupts[0]: 1000-1029 is outside",
    add_irq(b, &CELL(b)->cell, 1000, 30));
BAD(cell_irq_twice, CELL_CFG, CC, EINVAL, "interrupts[0] and interrupts[1] both name interrupt 50",
    add_irq(b, &CELL(b)->cell, 48, 4); add_irq(b, &CELL(b)->cell, 50, 1));
BAD(cell_irq_count_zero, CELL_CFG, CC, EINVAL, "interrupts[0]: count is 0",
    add_irq(b, &CELL(b)->cell, 48, 0));
BAD(cell_console_unknown, CELL_CFG, CC, EINVAL, "console.type 9 is unknown",
    CELL(b)->cell.console.type = 9);
/* The intact cell config passes every check, and needs the hypervisor. */
BAD(intact_cell_needs_hypervisor, CELL_CFG, CC, ENODEV, "cell create: the hypervisor is not enabled", );

/* Every attribute of /sys/devices/axvm, concatenated. */
static void sysfs_snapshot(char *buf, size_t size)
{
	struct dirent *e;
	DIR *d = opendir(AXVM_SYSFS);
	size_t len = 0;

	buf[0] = '\0';
	if (!d)
		return;
	while ((e = readdir(d))) {
		char val[256];

		if (e->d_type != DT_REG || axvm_sysfs_read(e->d_name, val, sizeof(val)))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s=%s;",
					e->d_name, val);
		if (len >= size)
			break;
	}
	closedir(d);
}

FIXTURE_SETUP(config)
{
	const char *file = variant->base == SYSTEM ? CONFIGS "root.bin" :
						     CONFIGS "rtos.bin";
	size_t size;
	void *data = read_whole_file(file, &size);

	ASSERT_NE(NULL, data) TH_LOG("cannot read %s", file);
	self->blob.data = calloc(1, AXVM_CONFIG_MAX_SIZE + SLACK);
	ASSERT_NE(NULL, self->blob.data);
	memcpy(self->blob.data, data, size);
	self->blob.size = size;
	free(data);
	sysfs_snapshot(self->sysfs_before, sizeof(self->sysfs_before));
	ASSERT_NE(0, strlen(self->sysfs_before));
}

FIXTURE_TEARDOWN(config)
{
	char after[1024];

	sysfs_snapshot(after, sizeof(after));
	EXPECT_STREQ(self->sysfs_before, after);
	free(self->blob.data);
}

TEST_F(config, is_refused_with_errno_and_message)
{
	struct axvm_blob arg;
	char message[256];
	int fd, kmsg;

	snprintf(message, sizeof(message), variant->message,
		 (unsigned long long)variant->mutate(&self->blob));
	arg = (struct axvm_blob){
		.address = (uintptr_t)self->blob.data,
		.size = (__u32)self->blob.size,
	};
	fd = open(AXVM_DEVICE, O_RDWR);
	ASSERT_LE(0, fd);
	kmsg = kmsg_open();
	errno = 0;
	EXPECT_EQ(-1, ioctl(fd, variant->ioctl, &arg));
	EXPECT_EQ(variant->expected_errno, errno)
		TH_LOG("errno %d (%s)", errno, strerror(errno));
	EXPECT_TRUE(kmsg_contains(kmsg, message))
		TH_LOG("no kernel message containing \"%s\"", message);
	close(kmsg);
	close(fd);
}

TEST_HARNESS_MAIN
