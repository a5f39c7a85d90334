// SPDX-License-Identifier: GPL-2.0
/*
 * The root's devices by address, from /sys/bus/<bus>/devices (devices.h).
 */
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices.h"

static const char *const buses[] = { "platform", "amba" };

/* The driver bound to @bus's device @name, into @driver (empty if none). */
static void bound_driver(const char *bus, const char *name, char *driver,
			 size_t size)
{
	char link[PATH_MAX], target[PATH_MAX];
	ssize_t n;

	snprintf(link, sizeof(link), "/sys/bus/%s/devices/%s/driver", bus, name);
	n = readlink(link, target, sizeof(target) - 1);
	driver[0] = '\0';
	if (n <= 0)
		return;
	target[n] = '\0';
	snprintf(driver, size, "%.63s", basename(target));
}

/* The address a device's name starts with ("9010000.pl031"), or false. */
static bool name_address(const char *name, __u64 *addr)
{
	char *end;

	*addr = strtoull(name, &end, 16);
	return end != name && *end == '.';
}

bool root_device_in(__u64 phys, __u64 size, bool bound, struct root_device *dev)
{
	for (size_t b = 0; b < sizeof(buses) / sizeof(buses[0]); b++) {
		char path[64];
		struct dirent *e;
		DIR *d;

		snprintf(path, sizeof(path), "/sys/bus/%s/devices", buses[b]);
		d = opendir(path);
		if (!d)
			continue;
		while ((e = readdir(d))) {
			__u64 addr;

			if (!name_address(e->d_name, &addr) || addr < phys ||
			    addr - phys >= size)
				continue;
			snprintf(dev->name, sizeof(dev->name), "%.63s", e->d_name);
			snprintf(dev->bus, sizeof(dev->bus), "%s", buses[b]);
			bound_driver(buses[b], e->d_name, dev->driver,
				     sizeof(dev->driver));
			if (!bound || dev->driver[0]) {
				closedir(d);
				return true;
			}
		}
		closedir(d);
	}
	return false;
}
