/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into every firmware file: the firmware is one position
 * independent image, so every symbol is local to it. Declaring them hidden
 * lets the compiler reach them PC-relative instead of through a GOT.
 */
#pragma GCC visibility push(hidden)
