/*
 * append.c - APPEND (RFC2060 §6.3.11): add a message to a mailbox, with
 * flags and an internal date if given.  A missing mailbox is
 * NO [TRYCREATE].  Large messages arrive already spooled into the
 * store's spool directory (s->spool); the store renames them into place.
 *
 * A message sent as a literal8 (RFC3516 §4.4) may hold octets that no
 * literal could give back (NUL, lone CR or LF, parts in the binary
 * encoding): those parts are re-encoded as base64 first (the RFC lets the
 * server change the encoding, never lose data), so the stored message is
 * one every FETCH can send, and BINARY[] gives back the octets sent.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "mime/mime.h"
#include "proto/response.h"
#include "util/fd.h"
#include "util/spool.h"

/* Where the re-encoded message goes: memory, or a spool file. */
struct rewrite {
	struct sbuf mem;
	int fd;
	bool failed;
};

static void rewrite_out(void *ctx, const char *data, size_t len)
{
	struct rewrite *w = ctx;
	if (w->fd >= 0) {
		if (!w->failed && !fd_write_all(w->fd, data, len))
			w->failed = true;
	} else {
		sbuf_add(&w->mem, data, len);
	}
}

/*
 * RFC3516 §4.4: re-encode what a literal8 message needs (see the top).
 * *msg is updated to the message to store; false after answering NO.
 */
static bool binary_rewrite(struct session *s, struct store_new_msg *msg, int *new_fd_r)
{
	*new_fd_r = -1;
	const char *data = msg->data;
	size_t len = msg->len;
	void *map = NULL;
	size_t maplen = 0;
	if (data == NULL && msg->spool_fd >= 0) {
		struct stat st;
		if (fstat(msg->spool_fd, &st) != 0) {
			cmd_no(s, "[SERVERBUG] Cannot read the message");
			return false;
		}
		maplen = (size_t)st.st_size;
		if (maplen > 0) {
			map = mmap(NULL, maplen, PROT_READ, MAP_PRIVATE, msg->spool_fd, 0);
			if (map == MAP_FAILED) {
				cmd_no(s, "[SERVERBUG] Cannot read the message");
				return false;
			}
		}
		data = map != NULL ? map : "";
		len = maplen;
	}
	struct rewrite w = { .fd = -1 };
	sbuf_init(&w.mem, &s->arena);
	if (msg->spool_fd >= 0 && s->spool != NULL) {
		w.fd = spool_create(s->spool);
		if (w.fd < 0)
			w.failed = true;
	}
	bool changed = false;
	struct arena scratch;
	arena_init(&scratch);
	bool ok = !w.failed && mime_binary_encode(&scratch, data, len, rewrite_out, &w, &changed);
	arena_free(&scratch);
	if (map != NULL)
		munmap(map, maplen);
	if (!ok || w.failed || w.mem.failed) {
		if (w.fd >= 0)
			close(w.fd);
		cmd_no(s, "[SERVERBUG] Cannot convert the binary message");
		return false;
	}
	if (!changed) {
		if (w.fd >= 0)
			close(w.fd);
		return true;
	}
	if (w.fd >= 0) {
		*new_fd_r = w.fd;
		msg->spool_fd = w.fd;
		msg->spool_path = spool_path(s->spool, w.fd);
		msg->data = NULL;
	} else {
		msg->data = w.mem.data;
		msg->len = w.mem.len;
	}
	return true;
}

void cmd_append(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_append *a = &cmd->u.append;
	int spool_fd = a->message.spool_fd;
	const char *name = mboxcmd_name(s, &a->mailbox, false);
	if (name != NULL && (!a->has_flags || mboxcmd_check_flags(s, &a->flags))) {
		struct store_new_msg msg = {
			.data = spool_fd >= 0 ? NULL : a->message.data,
			.len = a->message.len,
			.spool_fd = spool_fd,
			.spool_path = spool_fd >= 0 ? spool_path(s->spool, spool_fd) : NULL,
			.sysflags = a->has_flags ? a->flags.sys : 0,
			.nkeywords = a->has_flags ? a->flags.nkeywords : 0,
			.keywords = a->has_flags ? a->flags.keywords : NULL,
			.has_date = a->has_date,
			.date = a->has_date ? a->date.t : 0,
			.zone_minutes = a->has_date ? a->date.zone_minutes : 0,
		};
		struct store_err err;
		uint32_t uidvalidity, uid;
		int new_fd = -1;
		if (a->binary && !binary_rewrite(s, &msg, &new_fd))
			;  /* answered */
		else if (store_append(s->store, name, &msg, &uidvalidity, &uid, &err))
			/* RFC4315 §3 (UIDPLUS): the new message's UID. */
			cmd_ok(s, "[APPENDUID %u %u] APPEND completed", uidvalidity, uid);
		else
			mboxcmd_no(s, &err);
		if (new_fd >= 0)
			close(new_fd);
	}
	if (spool_fd >= 0)
		close(spool_fd);
	spool_cleanup(s->spool);
}
