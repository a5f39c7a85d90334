/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root's devices as Linux names them: a device-tree device is
 * "<address>.<node>" on the platform or the AMBA bus, bound to a driver
 * or not. The tests find a config's device by its address this way, and
 * with it the names the driver's refusals give.
 */
#ifndef AXVM_SELFTEST_DEVICES_H
#define AXVM_SELFTEST_DEVICES_H

#include <stdbool.h>

#include <axvm/types.h>

struct root_device {
	char name[64];		/* e.g. 9010000.pl031 */
	char bus[16];		/* platform, amba */
	char driver[64];	/* empty if none is bound */
};

/*
 * The first device whose registers start in [@phys, @phys + @size) and,
 * if @bound, that a driver drives: true and *@dev filled in, else false.
 */
bool root_device_in(__u64 phys, __u64 size, bool bound, struct root_device *dev);

#endif /* AXVM_SELFTEST_DEVICES_H */
