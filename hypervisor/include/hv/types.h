/* SPDX-License-Identifier: GPL-2.0 */
/* Basic types of the firmware: those of the shared library. */
#ifndef _HV_TYPES_H
#define _HV_TYPES_H

#include <lib/types.h>

#endif /* _HV_TYPES_H */
