/*
 * httpreq.h - the head of an HTTP/1.0 or HTTP/1.1 request (RFC 9112 §2-5),
 * as nginx's mail module sends it to its auth_http service:
 *
 *   GET /auth HTTP/1.0\r\n
 *   Host: 127.0.0.1\r\n
 *   Auth-Method: plain\r\n
 *   Auth-User: alice\r\n
 *   Auth-Pass: pa%20ss\r\n
 *   Auth-Protocol: imap\r\n
 *   Auth-Login-Attempt: 1\r\n
 *   Client-IP: 192.0.2.7\r\n
 *   \r\n
 *
 * Bounded and strict: the head is at most HTTPREQ_MAX octets and
 * HTTPREQ_MAX_HEADERS lines; a request line is METHOD SP target SP
 * HTTP/1.x; a header is a token, a colon, optional white space and a
 * value of visible octets and inner spaces (no obsolete line folding,
 * no NUL or control octets); lines end in CRLF (a bare LF is taken, as
 * RFC 9112 §2.2 allows).  A request body is not read (an auth request
 * has none; Content-Length or Transfer-Encoding is refused).
 */
#ifndef IMAPD_NET_HTTPREQ_H
#define IMAPD_NET_HTTPREQ_H

#include <stdbool.h>
#include <stddef.h>

#define HTTPREQ_MAX 8192
#define HTTPREQ_MAX_HEADERS 64

struct httpreq_header {
	const char *name;    /* NUL-terminated, inside the caller's buffer */
	const char *value;   /* without the white space around it */
};

struct httpreq {
	const char *method;
	const char *target;
	int minor;           /* HTTP/1.<minor> */
	size_t nheaders;
	struct httpreq_header headers[HTTPREQ_MAX_HEADERS];
};

enum httpreq_result {
	HTTPREQ_DONE,        /* the whole head: *used_r octets */
	HTTPREQ_MORE,        /* no blank line yet, and room for one */
	HTTPREQ_BAD,         /* *why_r says why (a constant) */
};

/*
 * Parse the head at the start of buf (len octets read so far).  On
 * HTTPREQ_DONE, buf is changed in place (NULs end each piece) and *req
 * points into it, so parse a head once: call with the same growing
 * buffer until DONE or BAD, then do not call again.
 */
enum httpreq_result httpreq_parse(char *buf, size_t len, size_t *used_r, struct httpreq *req,
				  const char **why_r);

/* The value of header `name` (compared without regard to ASCII case), or
 * NULL; *count_r (when not NULL) says how many times it came. */
const char *httpreq_header(const struct httpreq *req, const char *name, unsigned *count_r);

/*
 * Undo the %XX escapes of s (nginx escapes Auth-User and Auth-Pass so)
 * into out (size outlen).  False when an escape is malformed, when the
 * result holds a NUL or does not fit.
 */
bool httpreq_unescape(const char *s, char *out, size_t outlen);

#endif
