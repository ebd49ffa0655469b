/*
 * proxyproto.h - the PROXY protocol header (HAProxy's spec, versions 1
 * and 2), which a proxy in front of us (nginx's mail module with
 * `proxy_protocol on`, HAProxy) sends first on each connection to name
 * the client it stands for.
 *
 *   v1: "PROXY TCP4 <src> <dst> <sport> <dport>\r\n" (TCP6 alike), or
 *       "PROXY UNKNOWN[ <anything>]\r\n"; at most 107 octets.
 *   v2: a 12-octet signature, version/command, family/protocol, a
 *       16-bit length, the addresses, then TLVs (checked for shape and
 *       skipped).  We take at most PROXYPROTO_MAX octets in all.
 *
 * The parser is strict (one space between fields, dotted quads without
 * leading zeros, ports 0-65535 without leading zeros, nothing else on
 * the line) and never reads past the header: a caller that peeks at the
 * socket consumes exactly what the parser says belongs to the header,
 * so what follows (a TLS ClientHello) stays unread.  Only connections
 * from proxy_trusted_networks may send one (server/session_loop.c);
 * proxyproto_detect() recognises one from anybody else so it can be
 * refused.
 */
#ifndef IMAPD_NET_PROXYPROTO_H
#define IMAPD_NET_PROXYPROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

/* The longest header we take: v2's fixed part and 520 octets of
 * addresses and TLVs (IPv6 addresses are 36; the rest is TLVs). */
#define PROXYPROTO_MAX 536
/* The longest v1 line, CRLF included (the spec's own bound). */
#define PROXYPROTO_V1_MAX 107

enum proxyproto_result {
	PROXYPROTO_DONE,    /* a whole header: *used_r octets */
	PROXYPROTO_MORE,    /* a valid beginning: the *used_r octets seen belong to it */
	PROXYPROTO_BAD,     /* not a header we take: *why_r says why */
};

struct proxyproto_info {
	int version;                   /* 1 or 2 */
	/* AF_INET or AF_INET6 when the header names the client; AF_UNSPEC
	 * for v1 UNKNOWN, v2 LOCAL and v2 UNSPEC (the connection's own
	 * addresses stand) */
	int family;
	struct sockaddr_storage src, dst;
	socklen_t src_len, dst_len;
};

/*
 * Parse the header at the start of buf (len octets received so far).
 * On PROXYPROTO_DONE, *used_r is the header's length and *info is set;
 * on PROXYPROTO_MORE, *used_r octets (all of len, or up to the end of
 * v2's fixed part) are certainly part of the header and may be consumed;
 * on PROXYPROTO_BAD, *why_r is a constant string for the log.
 */
enum proxyproto_result proxyproto_parse(const unsigned char *buf, size_t len, size_t *used_r,
					struct proxyproto_info *info, const char **why_r);

/*
 * Whether the first octets a client sent are a PROXY header: 1 yes (a v1
 * "PROXY TCP4 "/"TCP6 "/"UNKNOWN" or the v2 signature), 0 no, -1 cannot
 * tell yet (a beginning of one; more octets will tell).
 */
int proxyproto_detect(const unsigned char *buf, size_t len);

#endif
