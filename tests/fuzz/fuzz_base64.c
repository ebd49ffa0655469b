/*
 * fuzz_base64.c - libFuzzer target for the strict base64 of SASL
 * exchanges (src/util/base64.c).  Whatever the input:
 *   - decoding must not crash or read out of bounds;
 *   - what decodes re-encodes to exactly the input (the decoder accepts
 *     only the canonical encoding, RFC4648 §3.5, so no two strings pass
 *     for the same octets);
 *   - the input taken as octets encodes to a string that decodes back to
 *     them, of length 4 * ceil(n / 3).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/base64.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	char *out = NULL;
	size_t outlen = 0;
	if (base64_decode(in, size, &out, &outlen)) {
		if (out[outlen] != '\0')
			abort();
		char *back = base64_encode(out, outlen);
		if (back == NULL || strlen(back) != size || memcmp(back, in, size) != 0) {
			fprintf(stderr, "decodes but does not re-encode to itself: %.*s -> %s\n",
				(int)size, in, back != NULL ? back : "(null)");
			abort();
		}
		free(back);
		free(out);
	} else if (out != NULL) {
		abort();
	}

	char *enc = base64_encode(in, size);
	if (enc == NULL)
		return 0;
	size_t elen = strlen(enc);
	if (elen != (size + 2) / 3 * 4)
		abort();
	char *dec = NULL;
	size_t dlen = 0;
	if (!base64_decode(enc, elen, &dec, &dlen) || dlen != size || memcmp(dec, in, size) != 0) {
		fprintf(stderr, "round trip fails for %zu octets\n", size);
		abort();
	}
	free(dec);
	free(enc);
	return 0;
}
