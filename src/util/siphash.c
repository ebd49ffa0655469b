/*
 * siphash.c - SipHash-2-4 (see siphash.h), after the reference
 * description in the SipHash paper.
 */
#include "util/siphash.h"

#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

void siphash_key_random(struct siphash_key *k)
{
	if (getrandom(k, sizeof(*k), GRND_NONBLOCK) == (ssize_t)sizeof(*k))
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	k->k0 = (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15u ^ (uint64_t)getpid();
	k->k1 = (uint64_t)ts.tv_sec * 0xc2b2ae3d27d4eb4fu ^ (uint64_t)(uintptr_t)k;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND do { \
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
} while (0)

static uint64_t load64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

uint64_t siphash(const struct siphash_key *k, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v0 = 0x736f6d6570736575u ^ k->k0;
	uint64_t v1 = 0x646f72616e646f6du ^ k->k1;
	uint64_t v2 = 0x6c7967656e657261u ^ k->k0;
	uint64_t v3 = 0x7465646279746573u ^ k->k1;
	size_t full = len & ~(size_t)7;
	for (size_t i = 0; i < full; i += 8) {
		uint64_t m = load64(p + i);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	unsigned char last[8] = { 0 };
	if (len > full)
		memcpy(last, p + full, len - full);
	uint64_t b = (uint64_t)len << 56 | load64(last);
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}
