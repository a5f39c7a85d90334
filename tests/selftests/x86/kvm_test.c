// SPDX-License-Identifier: GPL-2.0
/*
 * x86_64: KVM would take SVM from under the hypervisor; while it runs the
 * driver refuses kvm_amd with a message, and nothing else changes. Once
 * it is disabled the module loads as ever. Debian's kvm_amd and what it
 * needs (irqbypass, kvm, ccp) are in the test initramfs (arch.mk:
 * GUEST_MODULES).
 */
#include "kselftest_harness.h"
#include "../axvm_util.h"

#define MODULES	"/lib/modules/"

TEST(kvm_amd_is_refused_while_enabled)
{
	char out[4096];
	int kmsg;

	ASSERT_EQ(0, run(out, sizeof(out), "insmod " MODULES "irqbypass.ko && insmod "
			 MODULES "kvm.ko && insmod " MODULES "ccp.ko")) TH_LOG("%s", out);
	ASSERT_EQ(0, axvm_enable_afresh());
	kmsg = kmsg_open();
	EXPECT_NE(0, run(out, sizeof(out), "insmod " MODULES "kvm-amd.ko")) TH_LOG("%s", out);
	EXPECT_TRUE(kmsg_contains(kmsg, "axvm: kvm_amd may not load while the hypervisor runs"));
	close(kmsg);
	EXPECT_NE(0, run(NULL, 0, "grep -q '^kvm_amd ' /proc/modules"));
	EXPECT_TRUE(axvm_enabled());
	ASSERT_EQ(0, run(out, sizeof(out), "axvm-ctl disable")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "insmod " MODULES "kvm-amd.ko")) TH_LOG("%s", out);
	EXPECT_EQ(0, run(out, sizeof(out), "rmmod kvm_amd && rmmod ccp && rmmod kvm && rmmod irqbypass"))
		TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
