# SPDX-License-Identifier: GPL-2.0
# make deb: Debian packages in build/deb, built with plain dpkg-deb from
# staged trees (packaging/build-debs.sh): axvm-dkms (the module's source,
# built on the target by DKMS), axvm-firmware and axvm-tools.
# make deb-check: tests/deb-test.sh on them, including a real DKMS build
# against the fetched arm64 headers (DEB_TEST_ENV is what it needs).

DEB_DIR := $(BUILD)/deb
# The Debian architecture of what $(ARCH) builds (arm64 and riscv64 are
# both names; x86_64 is Debian's amd64).
DEB_ARCH := $(patsubst x86_64,amd64,$(ARCH))
DEB_MAINTAINER ?= axvm developers <axvm@example.org>

# VERSION, then where in git the build comes from, in a form Debian sorts:
# 0.1.0+git26.g92b64950[.dirty] (commit count, then the commit, so that
# later commits of a branch get later versions); plain VERSION without git.
DEB_GIT_COUNT := $(if $(GIT_REV),$(shell git -C $(TOP) rev-list --count HEAD 2>/dev/null))
DEB_GIT_HASH := $(if $(GIT_REV),$(shell git -C $(TOP) rev-parse --short=8 HEAD 2>/dev/null))
DEB_VERSION := $(shell cat $(TOP)/VERSION)$(if $(DEB_GIT_HASH),+git$(DEB_GIT_COUNT).g$(DEB_GIT_HASH)$(if $(filter %-dirty,$(GIT_REV)),.dirty))

# What goes into the packages besides the two build products.
DEB_DOCS := docs/man/axvm-ctl.8 docs/man/axvm.4 tools/completion/axvm-ctl.bash
DEB_INPUTS := $(TOP)/Kbuild $(TOP)/driver/Kbuild \
	$(filter-out %.mod.c,$(wildcard $(TOP)/driver/*.[chS])) \
	$(wildcard $(TOP)/include/axvm/*) \
	$(wildcard $(TOP)/configs/$(PLATFORM)/*.json) \
	$(TOP)/docs/config.schema.json \
	$(addprefix $(TOP)/,$(DEB_DOCS)) \
	$(TOP)/VERSION $(TOP)/packaging/build-debs.sh $(TOP)/packaging/dkms.conf.in \
	$(wildcard $(TOP)/packaging/debian/*)

.PHONY: deb deb-check deb-clean
# Always rebuilt (a second or two): the version follows git, and the file
# names with it, so each run starts from an empty build/deb.
deb: $(FIRMWARE) $(TARGET_AXVM_CTL) $(DEB_INPUTS)
	$(Q)TOP='$(TOP)' DEB_DIR='$(DEB_DIR)' DEB_VERSION='$(DEB_VERSION)' \
		AXVM_VERSION='$(VERSION)' DEB_ARCH='$(DEB_ARCH)' PLATFORM='$(PLATFORM)' \
		FIRMWARE='$(FIRMWARE)' AXVM_CTL='$(TARGET_AXVM_CTL)' \
		CROSS_COMPILE='$(CROSS_COMPILE)' DEB_MAINTAINER='$(DEB_MAINTAINER)' \
		$(TOP)/packaging/build-debs.sh

# tests/deb-test.sh's environment (make check passes it too). The DKMS
# build runs for every fetched kernel.
DEB_TEST_ENV = TOP='$(TOP)' DEB_DIR='$(DEB_DIR)' DEB_VERSION='$(DEB_VERSION)' \
	AXVM_VERSION='$(VERSION)' AXVM_ARCH='$(ARCH)' \
	DEB_ARCH='$(DEB_ARCH)' PLATFORM='$(PLATFORM)' FIRMWARE='$(FIRMWARE)' \
	AXVM_CTL='$(TARGET_AXVM_CTL)' CROSS_COMPILE='$(CROSS_COMPILE)' \
	KERNEL_ARCH='$(KERNEL_ARCH)' \
	KDIRS='$(foreach k,$(KERNELS),$(call kvar,KDIR,$(k)))'

deb-check: deb
	$(Q)$(DEB_TEST_ENV) $(TOP)/tests/deb-test.sh

deb-clean:
	$(Q)rm -rf $(DEB_DIR)
clean: deb-clean
