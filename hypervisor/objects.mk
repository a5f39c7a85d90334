# SPDX-License-Identifier: GPL-2.0
# The firmware: hypervisor/ (core) + arch/$(SRCARCH)/, freestanding, linked at
# its own address, then flattened into axvm-$(ARCH).bin.

HV_CORE_OBJS := printk.o header.o config_check.o string.o \
	page_pool.o paging.o setup.o control.o cell.o cpu.o mmio.o \
	cell_life.o console.o guest_memory.o

HV_CC := $(CROSS_COMPILE)gcc
HV_OBJCOPY := $(CROSS_COMPILE)objcopy
HV_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fpie -fvisibility=hidden \
	-fno-common -fno-tree-loop-distribute-patterns -fno-plt \
	-fno-stack-protector -fno-asynchronous-unwind-tables -nostdlib \
	-Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wshadow -Wpointer-arith -Wundef \
	-DAXVM_FREESTANDING -DAXVM_VERSION='"$(VERSION)"' \
	-I$(TOP)/hypervisor/include -I$(TOP)/arch/$(SRCARCH)/include -I$(TOP)/lib/include \
	-I$(TOP)/include $(HV_ARCH_CFLAGS)
HV_CC_ONLY := -include hv/visibility.h

HV_OUT := $(OUT)/hypervisor
# lib/: what the firmware shares with the inmates (the formatter).
HV_LIB_OBJS := format.o
HV_OBJS := $(addprefix $(HV_OUT)/core/,$(HV_CORE_OBJS)) \
	$(addprefix $(HV_OUT)/lib/,$(HV_LIB_OBJS)) \
	$(addprefix $(HV_OUT)/arch/,$(HV_ARCH_OBJS))
HV_ELF := $(HV_OUT)/axvm.elf
HV_LDS := $(HV_OUT)/hypervisor.lds
FIRMWARE := $(OUT)/axvm-$(ARCH).bin

firmware: $(FIRMWARE)

$(HV_OUT)/core/%.o: $(TOP)/hypervisor/%.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(HV_CFLAGS) $(HV_CC_ONLY) -MMD -MP -c $< -o $@
$(HV_OUT)/lib/%.o: $(TOP)/lib/%.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(HV_CFLAGS) $(HV_CC_ONLY) -MMD -MP -c $< -o $@
$(HV_OUT)/arch/%.o: $(TOP)/arch/$(SRCARCH)/%.c
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(HV_CFLAGS) $(HV_CC_ONLY) -MMD -MP -c $< -o $@
$(HV_OUT)/arch/%.o: $(TOP)/arch/$(SRCARCH)/%.S
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(HV_CFLAGS) -D__ASSEMBLY__ -MMD -MP -c $< -o $@
$(HV_LDS): $(TOP)/hypervisor/hypervisor.lds.S
	@mkdir -p $(@D)
	$(Q)$(HV_CC) $(HV_CFLAGS) -D__ASSEMBLY__ -E -P -MMD -MP -MT $@ -x c $< -o $@

# The header carries the version, so the build stamp follows git.
$(HV_OUT)/core/header.o $(HV_OUT)/core/setup.o: $(VERSION_STAMP)

$(HV_ELF): $(HV_OBJS) $(HV_LDS)
	$(Q)$(HV_CC) $(HV_CFLAGS) -Wl,-pie,--no-dynamic-linker,-z,notext \
		-Wl,--build-id=none -Wl,-T,$(HV_LDS) -Wl,--no-warn-rwx-segments \
		-o $@ $(HV_OBJS) -lgcc
$(FIRMWARE): $(HV_ELF) $(HOST_AXVM_CTL)
	$(Q)$(HV_OBJCOPY) -O binary $< $@
	$(Q)$(TOP)/scripts/apply-relocs.py $< $@
	$(Q)$(HOST_AXVM_CTL) firmware check $@ >/dev/null
	@echo "  FIRMWARE $(patsubst $(TOP)/%,%,$@) ($$(stat -c %s $@) bytes)"

-include $(HV_OBJS:.o=.d) $(HV_LDS).d
