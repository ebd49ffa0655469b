/*
 * httpreq.c - the head of an HTTP request (see httpreq.h).
 */
#include "net/httpreq.h"

#include <string.h>
#include <strings.h>

/* RFC 9110 §5.6.2 tchar. */
static bool is_tchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Visible octets and obs-text (RFC 9110 §5.5 field-vchar). */
static bool is_vchar(unsigned char c)
{
	return (c > 0x20 && c < 0x7f) || c >= 0x80;
}

/* The line at p (len octets, its LF at p[len - 1]) without CR LF, in
 * place; false for a CR that is not right before the LF. */
static bool cut_line(char *p, size_t len, size_t *n_r)
{
	size_t n = len - 1;
	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (memchr(p, '\r', n) != NULL)
		return false;
	p[n] = '\0';
	*n_r = n;
	return true;
}

static bool request_line(char *p, size_t n, struct httpreq *req, const char **why_r)
{
	char *sp1 = memchr(p, ' ', n);
	char *sp2 = sp1 != NULL ? memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - p)) : NULL;
	if (sp1 == NULL || sp2 == NULL || sp1 == p || sp2 == sp1 + 1) {
		*why_r = "request line is not METHOD target HTTP/1.x";
		return false;
	}
	*sp1 = *sp2 = '\0';
	for (char *q = p; q < sp1; q++)
		if (!is_tchar((unsigned char)*q)) {
			*why_r = "bad method";
			return false;
		}
	for (char *q = sp1 + 1; q < sp2; q++)
		if (!is_vchar((unsigned char)*q)) {
			*why_r = "bad request target";
			return false;
		}
	const char *v = sp2 + 1;
	if (strlen(v) != 8 || strncmp(v, "HTTP/1.", 7) != 0 || (v[7] != '0' && v[7] != '1')) {
		*why_r = "not HTTP/1.0 or HTTP/1.1";
		return false;
	}
	req->method = p;
	req->target = sp1 + 1;
	req->minor = v[7] - '0';
	return true;
}

static bool header_line(char *p, size_t n, struct httpreq *req, const char **why_r)
{
	char *colon = memchr(p, ':', n);
	if (colon == NULL || colon == p) {
		*why_r = "header line without a name and a colon";
		return false;
	}
	for (char *q = p; q < colon; q++)
		if (!is_tchar((unsigned char)*q)) {
			/* also obsolete folding: a line starting with white space */
			*why_r = "bad header name";
			return false;
		}
	*colon = '\0';
	char *v = colon + 1, *end = p + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	for (char *q = v; q < end; q++)
		if (!is_vchar((unsigned char)*q) && *q != ' ' && *q != '\t') {
			*why_r = "control octet in a header value";
			return false;
		}
	*end = '\0';
	if (req->nheaders >= HTTPREQ_MAX_HEADERS) {
		*why_r = "too many header lines";
		return false;
	}
	req->headers[req->nheaders].name = p;
	req->headers[req->nheaders].value = v;
	req->nheaders++;
	return true;
}

enum httpreq_result httpreq_parse(char *buf, size_t len, size_t *used_r, struct httpreq *req,
				  const char **why_r)
{
	*used_r = 0;
	*why_r = NULL;
	size_t look = len < HTTPREQ_MAX ? len : HTTPREQ_MAX;
	/* The end of the head: an empty line (LF LF or LF CR LF). */
	size_t end = 0;
	for (size_t i = 0; i < look; i++) {
		if (buf[i] == '\0') {
			*why_r = "NUL in the request head";
			return HTTPREQ_BAD;
		}
		if (buf[i] != '\n' || i == 0)
			continue;
		if (buf[i - 1] == '\n' || (i >= 2 && buf[i - 1] == '\r' && buf[i - 2] == '\n')) {
			end = i + 1;
			break;
		}
	}
	if (end == 0) {
		if (len >= HTTPREQ_MAX) {
			*why_r = "request head too long";
			return HTTPREQ_BAD;
		}
		return HTTPREQ_MORE;
	}
	memset(req, 0, sizeof(*req));
	char *p = buf;
	bool first = true;
	while (p < buf + end) {
		char *lf = memchr(p, '\n', (size_t)(buf + end - p));
		size_t n;
		if (!cut_line(p, (size_t)(lf - p) + 1, &n)) {
			*why_r = "CR inside a line";
			return HTTPREQ_BAD;
		}
		if (n == 0)
			break;  /* the empty line */
		if (first ? !request_line(p, n, req, why_r) : !header_line(p, n, req, why_r))
			return HTTPREQ_BAD;
		first = false;
		p = lf + 1;
	}
	if (first) {
		*why_r = "empty request";
		return HTTPREQ_BAD;
	}
	if (httpreq_header(req, "Content-Length", NULL) != NULL
	    || httpreq_header(req, "Transfer-Encoding", NULL) != NULL) {
		*why_r = "a request with a body";
		return HTTPREQ_BAD;
	}
	*used_r = end;
	return HTTPREQ_DONE;
}

const char *httpreq_header(const struct httpreq *req, const char *name, unsigned *count_r)
{
	const char *found = NULL;
	unsigned n = 0;
	for (size_t i = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, name) == 0) {
			if (found == NULL)
				found = req->headers[i].value;
			n++;
		}
	if (count_r != NULL)
		*count_r = n;
	return found;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool httpreq_unescape(const char *s, char *out, size_t outlen)
{
	size_t o = 0;
	for (const char *p = s; *p != '\0'; p++) {
		int c = (unsigned char)*p;
		if (c == '%') {
			int hi = hexval(p[1]), lo = hi >= 0 ? hexval(p[2]) : -1;
			if (hi < 0 || lo < 0)
				return false;
			c = hi * 16 + lo;
			p += 2;
			if (c == 0)
				return false;
		}
		if (o + 1 >= outlen)
			return false;
		out[o++] = (char)c;
	}
	if (outlen == 0)
		return false;
	out[o] = '\0';
	return true;
}
