/*
 * id.c - ID (RFC2971): client and server tell each other what they are,
 * for statistics and problem reports only.
 *
 *   C: a ID ("name" "sodr" "version" "19.34")
 *   S: * ID ("name" "imapd")
 *   S: a OK ID completed
 *
 * What we send is the id_send list of imapd.conf (util/idlist.h; "name *"
 * by default: the program's name and nothing that helps an attacker pick
 * an exploit, RFC2971 §7), or NIL when it is empty.  What the client sent
 * is logged and nothing else: RFC2971 §3 forbids acting on it.  The log
 * line is bounded, since anyone can send ID before logging in (§7: "guard
 * against an attacker sending arbitrary garbage data in order to fill up
 * the ID log"): the parser already refused more than 30 pairs and values
 * over 1024 octets (RFC2971 §3.3); each value is cut to ID_LOG_VALUE
 * octets, quotes and octets outside printable US-ASCII are masked, and only the
 * first ID_LOG_MAX ID commands of a session are logged.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "proto/response.h"
#include "util/idlist.h"
#include "util/log.h"
#include "util/sbuf.h"

/* How much of each client value goes into the log. */
#define ID_LOG_VALUE 64

/* ID commands per session whose parameters are logged. */
#define ID_LOG_MAX 3

/* One pair of our list into the response (RFC2971 §3.2: the format of the
 * client's list; strings quoted, or literals for what quoting cannot
 * carry). */
static void id_send_pair(void *ctx, const char *field, const char *value)
{
	struct sbuf *b = ctx;
	if (b->len > 0)
		sbuf_addc(b, ' ');
	sbuf_add_imap_string(b, field, strlen(field));
	sbuf_addc(b, ' ');
	sbuf_add_imap_nstring(b, value, value != NULL ? strlen(value) : 0);
}

/* A client string as a log word: quoted, at most `max` octets of it, a
 * quote or an octet outside printable US-ASCII masked as "?", so that the
 * pairs cannot be forged (the log escapes backslashes itself). */
static void id_log_string(struct sbuf *b, const struct imap_string *v, size_t max)
{
	if (v->data == NULL) {
		sbuf_adds(b, "NIL");
		return;
	}
	sbuf_addc(b, '"');
	for (size_t i = 0; i < v->len && i < max; i++) {
		unsigned char c = (unsigned char)v->data[i];
		sbuf_addc(b, c >= 0x20 && c < 0x7f && c != '"' ? (char)c : '?');
	}
	if (v->len > max)
		sbuf_adds(b, "...");
	sbuf_addc(b, '"');
}

static void id_log(struct session *s, const struct imap_cmd_id *id)
{
	if (s->ids_logged > ID_LOG_MAX)
		return;
	if (s->ids_logged++ == ID_LOG_MAX) {
		log_info("id: further ID commands of this session are not logged");
		return;
	}
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	if (id->nil || id->nparams == 0)
		sbuf_adds(&b, " NIL");
	for (size_t i = 0; i < id->nparams; i++) {
		sbuf_addc(&b, ' ');
		id_log_string(&b, &id->params[i].field, IMAP_ID_MAX_FIELD);
		sbuf_addc(&b, '=');
		id_log_string(&b, &id->params[i].value, ID_LOG_VALUE);
	}
	log_info("id:%s%s%s", sbuf_str(&b), s->user != NULL ? " user=" : "",
		 s->user != NULL ? s->user : "");
}

void cmd_id(struct session *s, const struct imap_cmd *cmd)
{
	id_log(s, &cmd->u.id);
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	char why[160];
	/* config_load checked the list; a failure here leaves NIL. */
	if (!idlist_parse(s->cfg->id_send, id_send_pair, &b, why, sizeof(why)))
		b.len = 0;
	/* RFC2971 §3.2: "A server MUST send a tagged ID response" (the
	 * untagged one, as the example shows), NIL in place of the list. */
	if (b.len == 0)
		resp_puts(s, "* ID NIL\r\n");
	else
		resp_printf(s, "* ID (%s)\r\n", sbuf_str(&b));
	cmd_ok(s, "ID completed");
}
