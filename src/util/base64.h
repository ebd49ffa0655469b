/*
 * base64.h - the base64 alphabet (RFC4648 §4), shared by SASL exchanges,
 * MIME decoding and modified UTF-7 mailbox names (RFC3501 §5.1.3, where
 * "," stands in for "/").  Each caller keeps its own strictness: SASL
 * refuses bad input (base64_decode below), MIME skips it.
 */
#ifndef IMAPD_UTIL_BASE64_H
#define IMAPD_UTIL_BASE64_H

#include <stdbool.h>
#include <stddef.h>

/* The 6-bit value of base64 digit c, with `c63` as the 64th digit ('/'
 * or ','); -1 for anything else (padding included). */
int base64_value(unsigned char c, char c63);

/*
 * Strict base64 (RFC4648 §4), as SASL exchanges use it (RFC3501 §6.2.2):
 * decode `in` into a malloc'd buffer *out_r (NUL-terminated, *outlen_r
 * octets); false when `in` is not whole 4-digit quanta with "=" padding
 * only at the end.  Encode returns a malloc'd string, or NULL.
 */
bool base64_decode(const char *in, size_t inlen, char **out_r, size_t *outlen_r);
char *base64_encode(const char *in, size_t inlen);

#endif
