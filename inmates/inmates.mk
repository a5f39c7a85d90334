# SPDX-License-Identifier: GPL-2.0
# Inmates: the library (inmates/lib) and the programs linked against it.
# Each program is built as an ELF (for gdb and bare QEMU runs) and a flat
# binary (what `axvm-ctl cell load` takes).

INMATE_DEMOS := hello rtos
# The probes that mean the same on every arch (inmates/tests/), then each
# arch's own (inmates/tests/$(SRCARCH)/: its FP registers, its firmware's
# calls, its interrupt controller's registers).
INMATE_TESTS_COMMON := probe_memory probe_hypercall probe_undefined probe_ipi probe_smp \
	virtio_rng sleeper switch_off
INMATE_TESTS_arm64 := probe_fpsimd probe_mask psci_probe hostile
INMATE_TESTS_riscv64 := probe_fpsimd sbi_probe hostile
INMATE_TESTS_x86_64 := probe_fpsimd apic_probe hostile
# Common probes an arch cannot run yet (x86_64: no virtio-mmio transport).
INMATE_TESTS_SKIP_x86_64 := virtio_rng
INMATE_TESTS := $(filter-out $(INMATE_TESTS_SKIP_$(ARCH)),$(INMATE_TESTS_COMMON)) \
	$(INMATE_TESTS_$(ARCH))
# The library: the common part and every .c and .S of the arch's directory
# (inmates/lib/$(SRCARCH)/).
INMATE_LIB_SRCS := lib/console.c lib/console_select.c lib/cpu_start.c lib/random.c $(patsubst $(TOP)/inmates/%,%,$(filter-out %.lds.S, \
	$(wildcard $(TOP)/inmates/lib/$(SRCARCH)/*.c $(TOP)/inmates/lib/$(SRCARCH)/*.S)))
# Integer registers only, as in the firmware: an inmate has no FP state to
# set up. riscv64 links above 2 GiB (its RAM starts there): medany.
INMATE_ARCH_CFLAGS_arm64 := -mgeneral-regs-only
INMATE_ARCH_CFLAGS_riscv64 := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
# x86_64 links at 1 MiB: the small model's 32-bit absolute addresses reach it.
INMATE_ARCH_CFLAGS_x86_64 := -mgeneral-regs-only -mno-red-zone -mcmodel=small \
	-fcf-protection=none
INMATE_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie \
	-fno-common -fno-stack-protector -nostdlib $(INMATE_ARCH_CFLAGS_$(ARCH)) \
	-Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-fno-tree-loop-distribute-patterns -DAXVM_FREESTANDING \
	-I$(TOP)/inmates/lib/include -I$(TOP)/inmates/lib/$(SRCARCH)/include \
	-I$(TOP)/lib/include -I$(TOP)/include

INMATE_OUT := $(OUT)/inmates
INMATE_LIB_OBJS := $(addprefix $(INMATE_OUT)/,$(patsubst %.S,%.o,$(INMATE_LIB_SRCS:.c=.o))) \
	$(INMATE_OUT)/lib/format.o
INMATE_LDS := $(INMATE_OUT)/inmate.lds
# An arch whose inmate library does not exist yet (x86_64 while its port
# grows: docs/status.md) has no inmates.
INMATE_PROGRAMS := $(if $(wildcard $(TOP)/inmates/lib/$(SRCARCH)),$(INMATE_DEMOS) $(INMATE_TESTS) bench)
INMATE_BINS := $(foreach d,$(INMATE_PROGRAMS),$(INMATE_OUT)/$(d).bin)
# Inmates that run alone on the bare machine (tests/qemu/bare-inmates.sh);
# the probes only make sense inside a cell. QEMU's -kernel takes the ELF,
# but on x86_64 only a 32-bit one: there it takes the flat image, by its
# multiboot header.
INMATE_BARE_FORMAT := $(if $(filter x86_64,$(ARCH)),bin,elf)
INMATE_BARE_ELFS := $(foreach d,$(filter $(INMATE_DEMOS),$(INMATE_PROGRAMS)),\
	$(INMATE_OUT)/$(d).$(INMATE_BARE_FORMAT))

inmates: $(INMATE_BINS)

$(INMATE_OUT)/%.o: $(TOP)/inmates/%.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(INMATE_CFLAGS) -MMD -MP -c $< -o $@
$(INMATE_OUT)/%.o: $(TOP)/inmates/%.S
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(INMATE_CFLAGS) -D__ASSEMBLY__ -MMD -MP -c $< -o $@
$(INMATE_OUT)/tests/%.o: $(TOP)/inmates/tests/$(SRCARCH)/%.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(INMATE_CFLAGS) -MMD -MP -c $< -o $@
# The console formatter is shared with the firmware (lib/), not copied.
$(INMATE_OUT)/lib/format.o: $(TOP)/lib/format.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(INMATE_CFLAGS) -MMD -MP -c $< -o $@
INMATE_LDS_FLAGS_arm64 := -DINMATE_LDS_ARCH=aarch64 -DINMATE_LINK_ADDRESS=0x40000000
INMATE_LDS_FLAGS_riscv64 := -DINMATE_LDS_ARCH=riscv -DINMATE_LINK_ADDRESS=0x80200000
INMATE_LDS_FLAGS_x86_64 := -DINMATE_LDS_ARCH=i386:x86-64 -DINMATE_LINK_ADDRESS=0x100000
$(INMATE_LDS): $(TOP)/inmates/lib/inmate.lds.S
	@mkdir -p $(@D)
	$(Q)$(HV_CC) -E -P -undef $(INMATE_LDS_FLAGS_$(ARCH)) -x c $< -o $@

INMATE_LINK = $(HV_CC) $(INMATE_CFLAGS) -static -Wl,--build-id=none \
	-Wl,-T,$(INMATE_LDS) -Wl,--no-warn-rwx-segments -o $@ \
	$< $(INMATE_LIB_OBJS) -lgcc
$(INMATE_OUT)/%.elf: $(INMATE_OUT)/demos/%.o $(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(Q)$(INMATE_LINK)
$(INMATE_OUT)/bench.elf: $(INMATE_OUT)/bench/bench.o $(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(Q)$(INMATE_LINK)
$(foreach t,$(INMATE_TESTS),$(INMATE_OUT)/$(t).elf): $(INMATE_OUT)/%.elf: \
		$(INMATE_OUT)/tests/%.o $(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(Q)$(INMATE_LINK)
$(INMATE_OUT)/%.bin: $(INMATE_OUT)/%.elf
	$(Q)$(HV_OBJCOPY) -O binary $< $@
	@echo "  INMATE   $(patsubst $(TOP)/%,%,$@)"

.PRECIOUS: $(INMATE_OUT)/%.elf $(INMATE_OUT)/demos/%.o $(INMATE_OUT)/tests/%.o \
	$(INMATE_OUT)/bench/%.o
-include $(INMATE_LIB_OBJS:.o=.d) \
	$(wildcard $(INMATE_OUT)/demos/*.d $(INMATE_OUT)/tests/*.d $(INMATE_OUT)/bench/*.d)
