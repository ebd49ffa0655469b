/*
 * base64.h - the base64 alphabet (RFC4648 §4), shared by SASL exchanges,
 * MIME decoding and modified UTF-7 mailbox names (RFC3501 §5.1.3, where
 * "," stands in for "/").  Each caller keeps its own strictness: SASL
 * refuses bad input, MIME skips it.
 */
#ifndef IMAPD_UTIL_BASE64_H
#define IMAPD_UTIL_BASE64_H

/* The 6-bit value of base64 digit c, with `c63` as the 64th digit ('/'
 * or ','); -1 for anything else (padding included). */
int base64_value(unsigned char c, char c63);

#endif
