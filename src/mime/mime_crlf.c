/*
 * mime_crlf.c - the CRLF ("virtual") form of message bytes.
 *
 * Maildir files usually have bare LF line ends; IMAP sizes and octets are
 * those of the CRLF form (RFC3501 §2.3.4 and §6.4.5).  A bare LF counts
 * as CRLF; an existing CRLF and a lone CR count as themselves.
 */
#include "mime/mime_int.h"

#include <string.h>

void mime_crlf_size(const char *data, size_t len, size_t *vsize_r, size_t *lines_r)
{
	size_t lines = 0, bare = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		lines++;
		if (nl == data || nl[-1] != '\r')
			bare++;
		p = nl + 1;
	}
	if (vsize_r != NULL)
		*vsize_r = len + bare;
	if (lines_r != NULL)
		*lines_r = lines;
}

void mime_crlf_copy(struct sbuf *out, const char *data, size_t len, size_t skip, size_t count)
{
	const char *p = data, *end = data + len;
	/* Virtual position of p; we emit the parts of [skip, skip+count). */
	size_t vpos = 0, vend = count > SIZE_MAX - skip ? SIZE_MAX : skip + count;
	while (p < end && vpos < vend) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl != NULL ? nl : end;
		size_t n = (size_t)(stop - p);
		/* The run [p, stop) is copied as is. */
		if (vpos + n > skip) {
			size_t from = vpos >= skip ? 0 : skip - vpos;
			size_t to = n;
			if (vpos + to > vend)
				to = vend - vpos;
			if (to > from)
				sbuf_add(out, p + from, to - from);
		}
		vpos += n;
		if (nl == NULL)
			break;
		/* The LF, with a CR added when it was bare. */
		const char *le = (nl == data || nl[-1] != '\r') ? "\r\n" : "\n";
		size_t ln = le[0] == '\r' ? 2 : 1;
		for (size_t i = 0; i < ln; i++, vpos++)
			if (vpos >= skip && vpos < vend)
				sbuf_addc(out, le[i]);
		p = nl + 1;
	}
}
