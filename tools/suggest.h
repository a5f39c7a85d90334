/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helping a person fix a typo: lists of valid words and the closest one.
 */
#ifndef AXVM_CTL_SUGGEST_H
#define AXVM_CTL_SUGGEST_H

#include <stddef.h>

/** join_words() - "a, b, c" from a NULL-terminated list into @buf. */
void join_words(char *buf, size_t size, const char *const *words);

/**
 * suggestion() - "; did you mean \"write\"?" for the word in @words
 * closest to @word, when it is close enough to be a typo; else "".
 *
 * Return: a static buffer, valid until the next call.
 */
const char *suggestion(const char *word, const char *const *words);

#endif /* AXVM_CTL_SUGGEST_H */
