/*
 * proxyproto.c - the PROXY protocol header, v1 and v2 (see proxyproto.h).
 */
#include "net/proxyproto.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

static const unsigned char v2_sig[12] = { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D,
					  0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A };

/* Whether the n octets at p are a prefix of the s (length sn). */
static bool is_prefix(const unsigned char *p, size_t n, const char *s, size_t sn)
{
	size_t k = n < sn ? n : sn;
	return k == 0 || memcmp(p, s, k) == 0;  /* memcmp must not see a NULL p */
}

int proxyproto_detect(const unsigned char *buf, size_t len)
{
	static const char *const v1[] = { "PROXY TCP4 ", "PROXY TCP6 ", "PROXY UNKNOWN" };
	bool maybe = false;
	for (size_t i = 0; i < sizeof(v1) / sizeof(v1[0]); i++) {
		size_t n = strlen(v1[i]);
		if (!is_prefix(buf, len, v1[i], n))
			continue;
		if (len >= n)
			return 1;
		maybe = true;
	}
	if (is_prefix(buf, len, (const char *)v2_sig, sizeof(v2_sig))) {
		if (len >= sizeof(v2_sig))
			return 1;
		maybe = true;
	}
	return maybe ? -1 : 0;
}

/* ---- v1 ------------------------------------------------------------------------------ */

/* A port: 0-65535, decimal, no leading zero, no sign. */
static bool v1_port(const char *s, size_t n, in_port_t *port_r)
{
	if (n == 0 || n > 5 || (n > 1 && s[0] == '0'))
		return false;
	unsigned v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v > 65535)
		return false;
	*port_r = htons((in_port_t)v);
	return true;
}

/* An address of family af (inet_pton's strict forms) and a port into ss. */
static bool v1_addr(int af, const char *a, size_t alen, const char *p, size_t plen,
		    struct sockaddr_storage *ss, socklen_t *len_r)
{
	char tmp[INET6_ADDRSTRLEN];
	if (alen == 0 || alen >= sizeof(tmp))
		return false;
	memcpy(tmp, a, alen);
	tmp[alen] = '\0';
	in_port_t port;
	if (!v1_port(p, plen, &port))
		return false;
	memset(ss, 0, sizeof(*ss));
	if (af == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)ss;
		/* inet_pton takes exactly d.d.d.d, each 0-255 without
		 * leading zeros */
		if (inet_pton(AF_INET, tmp, &in->sin_addr) != 1)
			return false;
		in->sin_family = AF_INET;
		in->sin_port = port;
		*len_r = sizeof(*in);
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
		/* no zone ("%eth0"), no brackets: inet_pton refuses them */
		if (inet_pton(AF_INET6, tmp, &in6->sin6_addr) != 1)
			return false;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = port;
		*len_r = sizeof(*in6);
	}
	return true;
}

/* "PROXY TCP4 a b p q\r\n" once the whole line (CRLF at line[n-2]) is here. */
static enum proxyproto_result v1_line(const char *line, size_t n, struct proxyproto_info *info,
				      const char **why_r)
{
	if (n < 2 || line[n - 2] != '\r') {
		*why_r = "v1 line ends without CR";
		return PROXYPROTO_BAD;
	}
	n -= 2;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)line[i];
		if (c < 0x20 || c > 0x7e) {
			*why_r = "v1 line holds a control or 8-bit octet";
			return PROXYPROTO_BAD;
		}
	}
	memset(info, 0, sizeof(*info));
	info->version = 1;
	if (n >= 13 && memcmp(line, "PROXY UNKNOWN", 13) == 0 && (n == 13 || line[13] == ' ')) {
		/* The spec: the rest of the line is to be ignored. */
		info->family = AF_UNSPEC;
		return PROXYPROTO_DONE;
	}
	int af;
	if (n > 11 && memcmp(line, "PROXY TCP4 ", 11) == 0)
		af = AF_INET;
	else if (n > 11 && memcmp(line, "PROXY TCP6 ", 11) == 0)
		af = AF_INET6;
	else {
		*why_r = "v1 line is not PROXY TCP4, TCP6 or UNKNOWN";
		return PROXYPROTO_BAD;
	}
	/* Four fields, single spaces: src dst sport dport. */
	const char *f[4];
	size_t fl[4];
	const char *p = line + 11, *end = line + n;
	for (int i = 0; i < 4; i++) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		const char *e = i < 3 ? sp : end;
		if (e == NULL || (i == 3 && sp != NULL) || e == p) {
			*why_r = "v1 line does not hold four fields separated by single spaces";
			return PROXYPROTO_BAD;
		}
		f[i] = p;
		fl[i] = (size_t)(e - p);
		p = e + 1;
	}
	if (!v1_addr(af, f[0], fl[0], f[2], fl[2], &info->src, &info->src_len)
	    || !v1_addr(af, f[1], fl[1], f[3], fl[3], &info->dst, &info->dst_len)) {
		*why_r = "v1 line holds a malformed address or port";
		return PROXYPROTO_BAD;
	}
	info->family = af;
	return PROXYPROTO_DONE;
}

static enum proxyproto_result v1_parse(const unsigned char *buf, size_t len, size_t *used_r,
				       struct proxyproto_info *info, const char **why_r)
{
	size_t look = len < PROXYPROTO_V1_MAX ? len : PROXYPROTO_V1_MAX;
	const unsigned char *lf = memchr(buf, '\n', look);
	if (lf == NULL) {
		if (len >= PROXYPROTO_V1_MAX) {
			*why_r = "v1 line longer than 107 octets";
			return PROXYPROTO_BAD;
		}
		/* Every octet up to the LF is the header's. */
		if (!is_prefix(buf, len, "PROXY ", 6)) {
			*why_r = "not a PROXY header";
			return PROXYPROTO_BAD;
		}
		*used_r = len;
		return PROXYPROTO_MORE;
	}
	size_t n = (size_t)(lf - buf) + 1;
	enum proxyproto_result r = v1_line((const char *)buf, n, info, why_r);
	if (r == PROXYPROTO_DONE)
		*used_r = n;
	return r;
}

/* ---- v2 ------------------------------------------------------------------------------ */

/* TLVs (type, 16-bit length, value) must fill the rest exactly. */
static bool v2_tlvs(const unsigned char *p, size_t n)
{
	while (n > 0) {
		if (n < 3)
			return false;
		size_t l = ((size_t)p[1] << 8) | p[2];
		if (n - 3 < l)
			return false;
		p += 3 + l;
		n -= 3 + l;
	}
	return true;
}

static enum proxyproto_result v2_parse(const unsigned char *buf, size_t len, size_t *used_r,
				       struct proxyproto_info *info, const char **why_r)
{
	if (len < 16) {
		if (!is_prefix(buf, len, (const char *)v2_sig, sizeof(v2_sig))) {
			*why_r = "not a PROXY header";
			return PROXYPROTO_BAD;
		}
		*used_r = len;
		return PROXYPROTO_MORE;
	}
	if (memcmp(buf, v2_sig, sizeof(v2_sig)) != 0) {
		*why_r = "not a PROXY header";
		return PROXYPROTO_BAD;
	}
	unsigned ver = buf[12] >> 4, cmd = buf[12] & 0x0f;
	unsigned fam = buf[13] >> 4, proto = buf[13] & 0x0f;
	size_t body = ((size_t)buf[14] << 8) | buf[15];
	if (ver != 2) {
		*why_r = "v2 header of another version";
		return PROXYPROTO_BAD;
	}
	if (cmd > 1) {
		*why_r = "v2 header with an unknown command";
		return PROXYPROTO_BAD;
	}
	if (16 + body > PROXYPROTO_MAX) {
		*why_r = "v2 header longer than we take";
		return PROXYPROTO_BAD;
	}
	if (len < 16 + body) {
		*used_r = len;
		return PROXYPROTO_MORE;
	}
	const unsigned char *p = buf + 16;
	memset(info, 0, sizeof(*info));
	info->version = 2;
	info->family = AF_UNSPEC;
	size_t alen = 0;
	if (cmd == 1 && fam == 1 && proto == 1) {
		alen = 12;
	} else if (cmd == 1 && fam == 2 && proto == 1) {
		alen = 36;
	} else if (cmd == 1 && (fam != 0 || proto != 0)) {
		/* UDP, or AF_UNIX: not what an IMAP client comes over. */
		*why_r = "v2 header for a family or protocol other than TCP over IPv4/IPv6";
		return PROXYPROTO_BAD;
	}
	/* LOCAL (cmd 0: the proxy's own health check) and UNSPEC keep the
	 * connection's addresses; their address block is skipped. */
	if (body < alen) {
		*why_r = "v2 header too short for its addresses";
		return PROXYPROTO_BAD;
	}
	if (cmd == 1 && alen > 0 && !v2_tlvs(p + alen, body - alen)) {
		*why_r = "v2 header with malformed TLVs";
		return PROXYPROTO_BAD;
	}
	if (alen == 12) {
		struct sockaddr_in *s = (struct sockaddr_in *)&info->src;
		struct sockaddr_in *d = (struct sockaddr_in *)&info->dst;
		s->sin_family = d->sin_family = AF_INET;
		memcpy(&s->sin_addr, p, 4);
		memcpy(&d->sin_addr, p + 4, 4);
		memcpy(&s->sin_port, p + 8, 2);
		memcpy(&d->sin_port, p + 10, 2);
		info->src_len = info->dst_len = sizeof(*s);
		info->family = AF_INET;
	} else if (alen == 36) {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)&info->src;
		struct sockaddr_in6 *d = (struct sockaddr_in6 *)&info->dst;
		s->sin6_family = d->sin6_family = AF_INET6;
		memcpy(&s->sin6_addr, p, 16);
		memcpy(&d->sin6_addr, p + 16, 16);
		memcpy(&s->sin6_port, p + 32, 2);
		memcpy(&d->sin6_port, p + 34, 2);
		info->src_len = info->dst_len = sizeof(*s);
		info->family = AF_INET6;
	}
	*used_r = 16 + body;
	return PROXYPROTO_DONE;
}

enum proxyproto_result proxyproto_parse(const unsigned char *buf, size_t len, size_t *used_r,
					struct proxyproto_info *info, const char **why_r)
{
	*used_r = 0;
	*why_r = NULL;
	if (len == 0) {
		return PROXYPROTO_MORE;
	}
	if (buf[0] == 'P')
		return v1_parse(buf, len, used_r, info, why_r);
	if (buf[0] == v2_sig[0])
		return v2_parse(buf, len, used_r, info, why_r);
	*why_r = "not a PROXY header";
	return PROXYPROTO_BAD;
}
