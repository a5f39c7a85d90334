// SPDX-License-Identifier: GPL-2.0
/*
 * Pseudo-random numbers for the probes that try values at random
 * (xorshift64: the same sequence on every run, so that a failure repeats).
 */
#include <inmate.h>

static u64 random_state = 0x2545f4914f6cdd1dull;

u64 random64(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return random_state;
}
