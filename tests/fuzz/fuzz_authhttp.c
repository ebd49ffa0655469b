/*
 * fuzz_authhttp.c - libFuzzer target for what imapd-auth-http reads from
 * the network and from its shard map: the HTTP request head
 * (src/net/httpreq.c), the %-escapes of Auth-User and Auth-Pass, and the
 * shard map (src/server/shardmap.c).  Whatever the input:
 *   - parsing must not crash or read past the octets given;
 *   - a head that parses claims at most the octets given and at most
 *     HTTPREQ_MAX, and its names and values hold no CR, LF or NUL;
 *     fed as it arrives (a growing prefix), the answer is MORE until the
 *     length it claims, then the same;
 *   - unescaping never writes past its buffer and leaves no NUL inside;
 *   - a map that parses answers a lookup of every one of its rule
 *     names with a backend it has.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/httpreq.h"
#include "server/shardmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s)
{
	if (strpbrk(s, "\r\n") != NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	memcpy(buf, data, size);
	size_t used;
	struct httpreq req;
	const char *why;
	enum httpreq_result r = httpreq_parse(buf, size, &used, &req, &why);
	if (r == HTTPREQ_DONE) {
		if (used == 0 || used > size || used > HTTPREQ_MAX)
			abort();
		check_text(req.method);
		check_text(req.target);
		for (size_t i = 0; i < req.nheaders; i++) {
			check_text(req.headers[i].name);
			check_text(req.headers[i].value);
			char out[64];
			if (httpreq_unescape(req.headers[i].value, out, sizeof(out))
			    && strlen(out) >= sizeof(out))
				abort();
		}
		(void)httpreq_header(&req, "Auth-User", NULL);
		/* Every shorter prefix is MORE (the head has not ended). */
		for (size_t n = used > 64 ? used - 64 : 0; n < used; n++) {
			char *p = malloc(n + 1);
			memcpy(p, data, n);
			size_t u;
			struct httpreq q;
			if (httpreq_parse(p, n, &u, &q, &why) != HTTPREQ_MORE)
				abort();
			free(p);
		}
	} else if (r == HTTPREQ_BAD && why == NULL) {
		abort();
	}
	free(buf);

	char err[256];
	struct shardmap *m = shardmap_parse((const char *)data, size, err, sizeof(err));
	if (m != NULL) {
		size_t nb = shardmap_nbackends(m);
		for (size_t i = 0; i < nb; i++)
			if (shardmap_backend(m, i) == NULL)
				abort();
		/* Look up each first word. */
		char *text = malloc(size + 1);
		memcpy(text, data, size);
		text[size] = '\0';
		for (char *line = text, *next; line != NULL; line = next) {
			next = strchr(line, '\n');
			if (next != NULL)
				*next++ = '\0';
			while (*line == ' ' || *line == '\t')
				line++;
			size_t w = strcspn(line, " \t\r#");
			if (w == 0)
				continue;
			line[w] = '\0';
			int b, s;
			if (shardmap_lookup(m, line, &b, &s)
			    && (b < 0 || (size_t)b >= nb || s >= (int)nb || s < -1))
				abort();
		}
		free(text);
		shardmap_free(&m);
	}
	return 0;
}
