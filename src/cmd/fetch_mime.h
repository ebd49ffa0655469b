/*
 * fetch_mime.h - the FETCH items that need the message itself (RFC2060
 * §6.4.5): ENVELOPE, BODY, BODYSTRUCTURE, BODY[section]<partial>,
 * BODY.PEEK[...], RFC822, RFC822.HEADER, RFC822.TEXT; and BINARY[...],
 * BINARY.PEEK[...], BINARY.SIZE[...] (RFC3516).  fetch.c answers
 * the index items itself and calls these for the rest.
 */
#ifndef IMAPD_CMD_FETCH_MIME_H
#define IMAPD_CMD_FETCH_MIME_H

#include <stdbool.h>

#include "cmd/msgread.h"
#include "mime/mime.h"
#include "proto/ast.h"
#include "store/mailbox.h"
#include "util/arena.h"
#include "util/sbuf.h"

/*
 * A body section too large to build in memory: the response's text holds
 * its literal header up to offset `at`, and its octets are produced from
 * the message file as the client reads them (cmd/fetch.c).
 */
struct fetch_stream {
	size_t at;                 /* where in the response text the octets go */
	bool decode;               /* BINARY (RFC3516): dec, else src */
	struct mime_crlf_stream src;
	struct mime_decoder dec;
};

/* The next octets of a stream into buf (0 at its end), and the stored
 * octet it has reached. */
size_t fetch_stream_read(struct fetch_stream *st, char *buf, size_t cap);
const char *fetch_stream_at(const struct fetch_stream *st);

/* Sections at least this large (stored octets) are streamed. */
#define FETCH_STREAM_MIN (256 * 1024)

/* One message being answered. */
struct fetch_msg {
	struct msgread r;
	bool munge8bit;            /* imapd.conf munge8bit: 7-bit header data */
	bool can_stream;           /* large sections may become fetch_streams */
	struct fetch_stream *streams;  /* in the scratch arena, in text order */
	size_t nstreams, capstreams;
	bool unknown_cte;          /* a BINARY section's encoding is unknown (RFC3516 §4.3) */
};

/* Whether the item needs the message file (not just the index). */
bool fetch_att_needs_message(const struct imap_fetch_att *att);

/* Whether the item sets \Seen (RFC2060 §6.4.5: BODY[...] and RFC822 and
 * RFC822.TEXT do, BODY.PEEK[...] and RFC822.HEADER do not). */
bool fetch_att_sets_seen(const struct imap_fetch_att *att);

void fetch_msg_init(struct fetch_msg *m, struct mailbox *mb, uint32_t seq, struct arena *scratch);

/* Open the message's file (once); false when it is gone (expunged by
 * another session, STORE_ERR_EXPUNGED). */
bool fetch_msg_open(struct fetch_msg *m);

/*
 * Append the item ("ENVELOPE (...)", "BODY[TEXT]<0> {12}\r\n...") to
 * out; with m->can_stream, a large body section only up to its literal
 * header, its octets left to a new entry of m->streams.  Returns false
 * when the message's file is gone (expunged by another session), or a
 * BINARY section has an encoding we cannot undo (m->unknown_cte): the
 * caller must not send a FETCH response for it.
 */
bool fetch_mime_item(struct fetch_msg *m, const struct imap_fetch_att *att, struct sbuf *out);

/* Release the message (unmap, reset the scratch arena). */
void fetch_msg_done(struct fetch_msg *m);

#endif
