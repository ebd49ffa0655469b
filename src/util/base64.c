/*
 * base64.c - base64 digits, and the strict codec of SASL exchanges (see
 * base64.h).
 */
#include "util/base64.h"

#include <stdlib.h>

int base64_value(unsigned char c, char c63)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == (unsigned char)c63)
		return 63;
	return -1;
}

static const char b64chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool base64_decode(const char *in, size_t inlen, char **out_r, size_t *outlen_r)
{
	/* Strict: whole quanta, padding only at the end (RFC3501 §6.2.2
	 * says base64, and a lenient decoder hides client bugs). */
	if (inlen % 4 != 0)
		return false;
	char *out = malloc(inlen / 4 * 3 + 1);
	if (out == NULL)
		return false;
	size_t o = 0;
	for (size_t i = 0; i < inlen; i += 4) {
		const unsigned char *q = (const unsigned char *)in + i;
		bool last = i + 4 == inlen;
		int v[4];
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			if (q[k] == '=' && last && k >= 2) {
				v[k] = 0;
				pad++;
				continue;
			}
			v[k] = pad > 0 ? -1 : base64_value(q[k], '/');
			if (v[k] < 0) {
				free(out);
				return false;
			}
		}
		unsigned bits = (unsigned)v[0] << 18 | (unsigned)v[1] << 12 | (unsigned)v[2] << 6
			| (unsigned)v[3];
		/* RFC4648 §3.5: the bits after the last octet are zero, so
		 * that one string encodes one octet sequence ("YR==" is not
		 * another spelling of "YQ=="). */
		if ((pad == 2 && (bits & 0xffff) != 0) || (pad == 1 && (bits & 0xff) != 0)) {
			free(out);
			return false;
		}
		out[o++] = (char)(bits >> 16);
		if (pad < 2)
			out[o++] = (char)(bits >> 8 & 0xff);
		if (pad < 1)
			out[o++] = (char)(bits & 0xff);
	}
	out[o] = '\0';
	*out_r = out;
	*outlen_r = o;
	return true;
}

char *base64_encode(const char *in, size_t inlen)
{
	char *out = malloc((inlen + 2) / 3 * 4 + 1);
	if (out == NULL)
		return NULL;
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0;
	for (size_t i = 0; i < inlen; i += 3) {
		unsigned b = (unsigned)p[i] << 16;
		if (i + 1 < inlen)
			b |= (unsigned)p[i + 1] << 8;
		if (i + 2 < inlen)
			b |= p[i + 2];
		out[o++] = b64chars[b >> 18 & 63];
		out[o++] = b64chars[b >> 12 & 63];
		out[o++] = i + 1 < inlen ? b64chars[b >> 6 & 63] : '=';
		out[o++] = i + 2 < inlen ? b64chars[b & 63] : '=';
	}
	out[o] = '\0';
	return out;
}
