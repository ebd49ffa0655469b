/*
 * siphash.h - SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash
 * for tables whose keys come from outside (Message-IDs, subjects), so
 * that a sender cannot make them all collide and turn lookups linear.
 */
#ifndef IMAPD_UTIL_SIPHASH_H
#define IMAPD_UTIL_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

struct siphash_key {
	uint64_t k0, k1;
};

/* A key from the kernel's random source (getrandom; the clock and pid if
 * that fails). */
void siphash_key_random(struct siphash_key *k);

/* The 64-bit SipHash-2-4 of data[0..len) under key k. */
uint64_t siphash(const struct siphash_key *k, const void *data, size_t len);

#endif
