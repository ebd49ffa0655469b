/*
 * quota.c - QUOTA (RFC9208): GETQUOTA, GETQUOTAROOT, SETQUOTA, and the
 * check APPEND and COPY make before they store.
 *
 * Every user has one quota root, named "" (Dovecot's model: all of a
 * user's mailboxes share it), with a STORAGE limit in KiB and a MESSAGE
 * limit from imapd.conf (autocreate_quota, autocreate_quota_messages:
 * Cyrus's key names) or from a line of the quota_overrides file:
 *
 *     # user  storage-KiB  messages      ("-" or 0: no limit)
 *     alice   1048576      -
 *
 * The limits are read at login.  A user without any limit has no quota
 * root.  The usage comes from the
 * store (store_usage: kept as messages come and go, store/quota.h).
 * MOVE never changes it (one root), so it is never refused for quota.
 * SETQUOTA is refused: limits are the administrator's, in files a
 * session cannot write (so QUOTASET is not advertised).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "cmd/rev2.h"
#include "proto/response.h"
#include "store/store.h"
#include "util/log.h"

/* The name of every user's one quota root. */
#define QUOTA_ROOT ""

struct limits {
	uint64_t storage_kib;   /* 0: no limit */
	uint64_t messages;      /* 0: no limit */
};

/* A limit field of the overrides file: a number, or "-" for none. */
static bool limit_word(const char *w, uint64_t *v_r)
{
	if (strcmp(w, "-") == 0) {
		*v_r = 0;
		return true;
	}
	char *end;
	unsigned long long v = strtoull(w, &end, 10);
	if (end == w || *end != '\0')
		return false;
	*v_r = v;
	return true;
}

/* The user's limits: imapd.conf's, or the overrides file's line. */
static void limits_read(struct session *s, const char *who, struct limits *l)
{
	l->storage_kib = s->cfg->autocreate_quota;
	l->messages = s->cfg->autocreate_quota_messages;
	const char *path = s->cfg->quota_overrides;
	if (path == NULL || path[0] == '\0' || who == NULL)
		return;
	FILE *f = fopen(path, "re");
	if (f == NULL) {
		log_warn("quota_overrides %s: %s", path, strerror(errno));
		return;
	}
	char line[1024];
	unsigned lineno = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		char user[512], st[64], msgs[64];
		if (line[0] == '#' || sscanf(line, "%511s %63s %63s", user, st, msgs) != 3) {
			if (line[0] != '#' && strspn(line, " \t\r\n") != strlen(line))
				log_warn("%s:%u: expected \"user storage-KiB messages\"", path, lineno);
			continue;
		}
		if (strcmp(user, who) != 0)
			continue;
		struct limits o;
		if (limit_word(st, &o.storage_kib) && limit_word(msgs, &o.messages))
			*l = o;
		else
			log_warn("%s:%u: a limit is a number or -", path, lineno);
		break;
	}
	fclose(f);
}

void cmd_quota_login(struct session *s, const char *user)
{
	struct limits l;
	limits_read(s, user, &l);
	s->quota_storage_kib = l.storage_kib;
	s->quota_messages = l.messages;
}

/* The limits of the logged-in user, as read at login. */
static void limits_of(struct session *s, struct limits *l)
{
	l->storage_kib = s->quota_storage_kib;
	l->messages = s->quota_messages;
}

static bool limited(const struct limits *l)
{
	return l->storage_kib > 0 || l->messages > 0;
}

/* RFC9208 §4.2.1: "* QUOTA" quota-root-name "(" resource usage limit ... ")";
 * STORAGE in units of 1024 octets (§5.1), the usage rounded up. */
static void quota_write(struct session *s, const struct limits *l, const struct store_usage *u)
{
	resp_puts(s, "* QUOTA ");
	resp_astring(s, QUOTA_ROOT, strlen(QUOTA_ROOT));
	resp_puts(s, " (");
	const char *sep = "";
	if (l->storage_kib > 0) {
		resp_printf(s, "STORAGE %llu %llu", (unsigned long long)((u->octets + 1023) / 1024),
			    (unsigned long long)l->storage_kib);
		sep = " ";
	}
	if (l->messages > 0)
		resp_printf(s, "%sMESSAGE %llu %llu", sep, (unsigned long long)u->messages,
			    (unsigned long long)l->messages);
	resp_puts(s, ")\r\n");
}

void cmd_getquota(struct session *s, const struct imap_cmd *cmd)
{
	struct limits l;
	limits_of(s, &l);
	const struct imap_string *root = &cmd->u.quota.root;
	if (!limited(&l) || root->len != strlen(QUOTA_ROOT) ||
	    memcmp(root->data, QUOTA_ROOT, root->len) != 0) {
		cmd_no(s, "[NONEXISTENT] No such quota root");
		return;
	}
	struct store_usage u;
	struct store_err err;
	if (!store_usage(s->store, &u, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	quota_write(s, &l, &u);
	cmd_ok(s, "GETQUOTA completed");
}

void cmd_getquotaroot(struct session *s, const struct imap_cmd *cmd)
{
	const char *name = mboxcmd_name(s, &cmd->u.quota.root, false);
	if (name == NULL)
		return;
	if (!store_exists(s->store, name)) {
		cmd_no(s, "[NONEXISTENT] Mailbox does not exist");
		return;
	}
	struct limits l;
	limits_of(s, &l);
	struct store_usage u;
	struct store_err err;
	if (limited(&l) && !store_usage(s->store, &u, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	/* RFC9208 §4.2.2: "* QUOTAROOT" mailbox *(SP quota-root-name); a
	 * mailbox without a quota root is listed with none. */
	/* RFC9051 §5.1: UTF-8 for IMAP4rev2 (the name was checked, so it
	 * converts). */
	const char *shown = rev2_name_out(s, name);
	if (shown == NULL) {
		cmd_no(s, "Mailbox name cannot be shown");
		return;
	}
	resp_puts(s, "* QUOTAROOT ");
	resp_astring(s, shown, strlen(shown));
	if (limited(&l)) {
		resp_puts(s, " ");
		resp_astring(s, QUOTA_ROOT, strlen(QUOTA_ROOT));
	}
	resp_puts(s, "\r\n");
	if (limited(&l))
		quota_write(s, &l, &u);
	cmd_ok(s, "GETQUOTAROOT completed");
}

void cmd_setquota(struct session *s, const struct imap_cmd *cmd)
{
	/* RFC9208 §4.1.3: "NO - setquota error: can't set that data". */
	cmd_no(s, "[NOPERM] Quotas are set by the administrator (autocreate_quota, quota_overrides)");
}

bool cmd_quota_allows(struct session *s, uint64_t octets, uint64_t messages)
{
	struct limits l;
	limits_of(s, &l);
	if (!limited(&l))
		return true;
	struct store_usage u;
	struct store_err err;
	if (!store_usage(s->store, &u, &err)) {
		mboxcmd_no(s, &err);
		return false;
	}
	if (l.storage_kib > 0 && u.octets + octets > l.storage_kib * 1024) {
		cmd_no(s, "[OVERQUOTA] Quota exceeded: STORAGE would be %llu of %llu KiB",
		       (unsigned long long)((u.octets + octets + 1023) / 1024),
		       (unsigned long long)l.storage_kib);
		return false;
	}
	if (l.messages > 0 && u.messages + messages > l.messages) {
		cmd_no(s, "[OVERQUOTA] Quota exceeded: MESSAGE would be %llu of %llu",
		       (unsigned long long)(u.messages + messages), (unsigned long long)l.messages);
		return false;
	}
	return true;
}
