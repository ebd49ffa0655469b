/*
 * utf8.h - UTF-8 (RFC3629) decoding, strict: what IMAP4rev2 accepts in
 * quoted strings and mailbox names (RFC9051 §4.3, §5.1).
 */
#ifndef IMAPD_UTIL_UTF8_H
#define IMAPD_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The character at s[*ip] (i < len) into *cp_r, *ip moved past it;
 * false for anything RFC3629 §4 does not allow: a stray continuation
 * octet, a truncated sequence, an overlong form, a surrogate (U+D800 to
 * U+DFFF), or a code point past U+10FFFF. */
bool utf8_next(const unsigned char *s, size_t len, size_t *ip, uint32_t *cp_r);

/* Whether s[0..len) is UTF-8 throughout. */
bool utf8_valid(const char *s, size_t len);

#endif
