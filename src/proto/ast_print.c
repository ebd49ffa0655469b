/*
 * ast_print.c - AST to canonical IMAP (see ast_print.h).
 */
#include "proto/ast_print.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* An astring written as an atom when every octet is an ATOM-CHAR, as a
 * quoted string or literal otherwise.  RFC3501 allows "]" in an astring,
 * but not inside a FETCH section's header list, so "]" is quoted
 * everywhere: always valid, and one rule. */
static void print_astring(struct sbuf *out, const struct imap_string *s)
{
	bool atom = s->len > 0 && s->form != IMAP_STR_LITERAL;
	for (size_t i = 0; atom && i < s->len; i++) {
		unsigned char c = (unsigned char)s->data[i];
		if (c <= 0x20 || c >= 0x7f || strchr("(){%*\"\\]", c) != NULL)
			atom = false;
	}
	if (atom) {
		sbuf_add(out, s->data, s->len);
	} else if (s->form == IMAP_STR_LITERAL) {
		sbuf_printf(out, "{%zu}\r\n", s->len);
		sbuf_add(out, s->data, s->len);
	} else {
		sbuf_add_imap_string(out, s->data, s->len);
	}
}

/* A list-mailbox keeps its wildcards bare (RFC2060 §9 list_mailbox). */
static void print_list_mailbox(struct sbuf *out, const struct imap_string *s)
{
	bool bare = s->len > 0 && s->form != IMAP_STR_LITERAL;
	for (size_t i = 0; bare && i < s->len; i++) {
		unsigned char c = (unsigned char)s->data[i];
		if (c <= 0x20 || c >= 0x7f || strchr("(){\"\\", c) != NULL)
			bare = false;
	}
	if (bare)
		sbuf_add(out, s->data, s->len);
	else
		print_astring(out, s);
}

void ast_print_seqset(struct sbuf *out, const struct imap_seq_set *set)
{
	if (set->saved) {
		sbuf_addc(out, '$');  /* RFC5182 */
		return;
	}
	for (size_t i = 0; i < set->n; i++) {
		const struct imap_seq_range *r = &set->ranges[i];
		if (i > 0)
			sbuf_addc(out, ',');
		if (r->lo == IMAP_SEQ_STAR)
			sbuf_addc(out, '*');
		else
			sbuf_printf(out, "%u", r->lo);
		if (r->hi != r->lo) {
			if (r->hi == IMAP_SEQ_STAR)
				sbuf_adds(out, ":*");
			else
				sbuf_printf(out, ":%u", r->hi);
		}
	}
}

static void print_flags(struct sbuf *out, const struct imap_flags *f)
{
	static const struct { unsigned bit; const char *name; } sys[] = {
		{ IMAP_FLAG_ANSWERED, "\\Answered" }, { IMAP_FLAG_FLAGGED, "\\Flagged" },
		{ IMAP_FLAG_DELETED, "\\Deleted" },   { IMAP_FLAG_SEEN, "\\Seen" },
		{ IMAP_FLAG_DRAFT, "\\Draft" },       { IMAP_FLAG_RECENT, "\\Recent" },
	};
	bool first = true;
	sbuf_addc(out, '(');
	for (size_t i = 0; i < sizeof(sys) / sizeof(sys[0]); i++) {
		if (f->sys & sys[i].bit) {
			if (!first)
				sbuf_addc(out, ' ');
			sbuf_adds(out, sys[i].name);
			first = false;
		}
	}
	for (size_t i = 0; i < f->nextensions; i++) {
		if (!first)
			sbuf_addc(out, ' ');
		sbuf_adds(out, f->extensions[i]);
		first = false;
	}
	for (size_t i = 0; i < f->nkeywords; i++) {
		if (!first)
			sbuf_addc(out, ' ');
		sbuf_adds(out, f->keywords[i]);
		first = false;
	}
	sbuf_addc(out, ')');
}

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static void print_date(struct sbuf *out, const struct imap_date *d)
{
	sbuf_printf(out, "%d-%s-%04d", d->day, months[d->month - 1], d->year);
}

void ast_print_section(struct sbuf *out, const struct imap_section *sec)
{
	sbuf_addc(out, '[');
	for (size_t i = 0; i < sec->nparts; i++)
		sbuf_printf(out, i == 0 ? "%u" : ".%u", sec->parts[i]);
	const char *text = NULL;
	switch (sec->text) {
	case IMAP_SECTION_NONE: break;
	case IMAP_SECTION_HEADER: text = "HEADER"; break;
	case IMAP_SECTION_HEADER_FIELDS: text = "HEADER.FIELDS"; break;
	case IMAP_SECTION_HEADER_FIELDS_NOT: text = "HEADER.FIELDS.NOT"; break;
	case IMAP_SECTION_TEXT: text = "TEXT"; break;
	case IMAP_SECTION_MIME: text = "MIME"; break;
	}
	if (text != NULL) {
		if (sec->nparts > 0)
			sbuf_addc(out, '.');
		sbuf_adds(out, text);
	}
	if (sec->text == IMAP_SECTION_HEADER_FIELDS || sec->text == IMAP_SECTION_HEADER_FIELDS_NOT) {
		sbuf_adds(out, " (");
		for (size_t i = 0; i < sec->nfields; i++) {
			if (i > 0)
				sbuf_addc(out, ' ');
			print_astring(out, &sec->fields[i]);
		}
		sbuf_addc(out, ')');
	}
	sbuf_addc(out, ']');
}

void ast_print_fetch_att(struct sbuf *out, const struct imap_fetch_att *att)
{
	static const char *const names[] = {
		[IMAP_FETCH_ENVELOPE] = "ENVELOPE", [IMAP_FETCH_FLAGS] = "FLAGS",
		[IMAP_FETCH_INTERNALDATE] = "INTERNALDATE", [IMAP_FETCH_RFC822] = "RFC822",
		[IMAP_FETCH_RFC822_HEADER] = "RFC822.HEADER", [IMAP_FETCH_RFC822_SIZE] = "RFC822.SIZE",
		[IMAP_FETCH_RFC822_TEXT] = "RFC822.TEXT", [IMAP_FETCH_BODY] = "BODY",
		[IMAP_FETCH_BODYSTRUCTURE] = "BODYSTRUCTURE", [IMAP_FETCH_UID] = "UID",
	};
	if (att->type == IMAP_FETCH_BINARY || att->type == IMAP_FETCH_BINARY_SIZE) {
		/* RFC3516 §7 */
		sbuf_adds(out, att->type == IMAP_FETCH_BINARY_SIZE ? "BINARY.SIZE"
			  : att->peek ? "BINARY.PEEK" : "BINARY");
		ast_print_section(out, &att->section);
		if (att->partial)
			sbuf_printf(out, "<%u.%u>", att->partial_start, att->partial_len);
		return;
	}
	if (att->type != IMAP_FETCH_BODY_SECTION) {
		sbuf_adds(out, names[att->type]);
		return;
	}
	sbuf_adds(out, att->peek ? "BODY.PEEK" : "BODY");
	ast_print_section(out, &att->section);
	if (att->partial)
		sbuf_printf(out, "<%u.%u>", att->partial_start, att->partial_len);
}

void ast_print_search_key(struct sbuf *out, const struct imap_search_key *k)
{
	static const char *const names[] = {
		[IMAP_SK_ALL] = "ALL", [IMAP_SK_ANSWERED] = "ANSWERED", [IMAP_SK_DELETED] = "DELETED",
		[IMAP_SK_DRAFT] = "DRAFT", [IMAP_SK_FLAGGED] = "FLAGGED", [IMAP_SK_NEW] = "NEW",
		[IMAP_SK_OLD] = "OLD", [IMAP_SK_RECENT] = "RECENT", [IMAP_SK_SEEN] = "SEEN",
		[IMAP_SK_UNANSWERED] = "UNANSWERED", [IMAP_SK_UNDELETED] = "UNDELETED",
		[IMAP_SK_UNDRAFT] = "UNDRAFT", [IMAP_SK_UNFLAGGED] = "UNFLAGGED",
		[IMAP_SK_UNSEEN] = "UNSEEN", [IMAP_SK_BCC] = "BCC", [IMAP_SK_BODY] = "BODY",
		[IMAP_SK_CC] = "CC", [IMAP_SK_FROM] = "FROM", [IMAP_SK_SUBJECT] = "SUBJECT",
		[IMAP_SK_TEXT] = "TEXT", [IMAP_SK_TO] = "TO", [IMAP_SK_KEYWORD] = "KEYWORD",
		[IMAP_SK_UNKEYWORD] = "UNKEYWORD", [IMAP_SK_HEADER] = "HEADER",
		[IMAP_SK_BEFORE] = "BEFORE", [IMAP_SK_ON] = "ON", [IMAP_SK_SINCE] = "SINCE",
		[IMAP_SK_SENTBEFORE] = "SENTBEFORE", [IMAP_SK_SENTON] = "SENTON",
		[IMAP_SK_SENTSINCE] = "SENTSINCE", [IMAP_SK_LARGER] = "LARGER",
		[IMAP_SK_SMALLER] = "SMALLER", [IMAP_SK_UID] = "UID", [IMAP_SK_NOT] = "NOT",
		[IMAP_SK_OR] = "OR",
	};
	switch (k->type) {
	case IMAP_SK_BCC: case IMAP_SK_BODY: case IMAP_SK_CC: case IMAP_SK_FROM:
	case IMAP_SK_SUBJECT: case IMAP_SK_TEXT: case IMAP_SK_TO:
	case IMAP_SK_KEYWORD: case IMAP_SK_UNKEYWORD:
		sbuf_adds(out, names[k->type]);
		sbuf_addc(out, ' ');
		print_astring(out, &k->str);
		return;
	case IMAP_SK_HEADER:
		sbuf_adds(out, "HEADER ");
		print_astring(out, &k->field);
		sbuf_addc(out, ' ');
		/* An empty string must stay a string. */
		if (k->str.len == 0)
			sbuf_adds(out, "\"\"");
		else
			print_astring(out, &k->str);
		return;
	case IMAP_SK_BEFORE: case IMAP_SK_ON: case IMAP_SK_SINCE:
	case IMAP_SK_SENTBEFORE: case IMAP_SK_SENTON: case IMAP_SK_SENTSINCE:
		sbuf_adds(out, names[k->type]);
		sbuf_addc(out, ' ');
		print_date(out, &k->date);
		return;
	case IMAP_SK_LARGER: case IMAP_SK_SMALLER:
		sbuf_printf(out, "%s %u", names[k->type], k->number);
		return;
	case IMAP_SK_UID:
		sbuf_adds(out, "UID ");
		ast_print_seqset(out, &k->set);
		return;
	case IMAP_SK_SEQSET:
		ast_print_seqset(out, &k->set);
		return;
	case IMAP_SK_NOT:
		sbuf_adds(out, "NOT ");
		ast_print_search_key(out, k->sub[0]);
		return;
	case IMAP_SK_OR:
		sbuf_adds(out, "OR ");
		ast_print_search_key(out, k->sub[0]);
		sbuf_addc(out, ' ');
		ast_print_search_key(out, k->sub[1]);
		return;
	case IMAP_SK_LIST:
		sbuf_addc(out, '(');
		for (size_t i = 0; i < k->nlist; i++) {
			if (i > 0)
				sbuf_addc(out, ' ');
			ast_print_search_key(out, k->list[i]);
		}
		sbuf_addc(out, ')');
		return;
	default:
		sbuf_adds(out, names[k->type]);
		return;
	}
}

static void print_datetime(struct sbuf *out, const struct imap_datetime *dt)
{
	int z = dt->zone_minutes < 0 ? -dt->zone_minutes : dt->zone_minutes;
	sbuf_printf(out, "\"%02d-%s-%04d %02d:%02d:%02d %c%02d%02d\"", dt->date.day,
		    months[dt->date.month - 1], dt->date.year, dt->hour, dt->min, dt->sec,
		    dt->zone_minutes < 0 ? '-' : '+', z / 60, z % 60);
}

const char *imap_status_att_name(enum imap_status_att att)
{
	switch (att) {
	case IMAP_STATUS_MESSAGES: return "MESSAGES";
	case IMAP_STATUS_RECENT: return "RECENT";
	case IMAP_STATUS_UIDNEXT: return "UIDNEXT";
	case IMAP_STATUS_UIDVALIDITY: return "UIDVALIDITY";
	case IMAP_STATUS_UNSEEN: return "UNSEEN";
	case IMAP_STATUS_SIZE: return "SIZE";
	case IMAP_STATUS_APPENDLIMIT: return "APPENDLIMIT";
	}
	return "?";
}

static void print_status_atts(struct sbuf *out, const enum imap_status_att *order, size_t n)
{
	sbuf_addc(out, '(');
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		sbuf_adds(out, imap_status_att_name(order[i]));
	}
	sbuf_addc(out, ')');
}

/* Option names in a fixed order (RFC5258 §3: their order is not significant). */
static void print_options(struct sbuf *out, unsigned bits, const char *const *names, size_t n,
			  bool *first)
{
	for (size_t i = 0; i < n; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (!*first)
			sbuf_addc(out, ' ');
		sbuf_adds(out, names[i]);
		*first = false;
	}
}

/* The extended LIST of RFC5258 §3 (after "LIST"). */
static void print_list_ext(struct sbuf *out, const struct imap_cmd_list *l)
{
	static const char *const sel[] = { "SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE" };
	static const char *const ret[] = { "SUBSCRIBED", "CHILDREN", "SPECIAL-USE" };
	bool first = true;
	if (l->has_select) {
		sbuf_adds(out, " (");
		print_options(out, l->select, sel, 4, &first);
		sbuf_addc(out, ')');
	}
	sbuf_addc(out, ' ');
	if (l->reference.len == 0)
		sbuf_adds(out, "\"\"");
	else
		print_astring(out, &l->reference);
	sbuf_adds(out, l->multi ? " (" : " ");
	for (size_t i = 0; i < l->npatterns; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		if (l->patterns[i].len == 0)
			sbuf_adds(out, "\"\"");
		else
			print_list_mailbox(out, &l->patterns[i]);
	}
	if (l->multi)
		sbuf_addc(out, ')');
	if (l->has_return) {
		sbuf_adds(out, " RETURN (");
		first = true;
		print_options(out, l->ret, ret, 3, &first);
		if (l->ret & IMAP_LIST_RET_STATUS) {
			sbuf_adds(out, first ? "STATUS " : " STATUS ");
			print_status_atts(out, l->status_order, l->nstatus);
		}
		sbuf_addc(out, ')');
	}
}

/* A string (RFC2060 §9): as a literal if it came as one, else quoted. */
static void print_string(struct sbuf *out, const struct imap_string *s)
{
	if (s->form == IMAP_STR_LITERAL) {
		sbuf_printf(out, "{%zu}\r\n", s->len);
		sbuf_add(out, s->data, s->len);
	} else {
		sbuf_add_imap_string(out, s->data, s->len);
	}
}

/* RFC2971 §4: " NIL" or " (" field SP value ... ")". */
static void print_id(struct sbuf *out, const struct imap_cmd_id *id)
{
	if (id->nil) {
		sbuf_adds(out, " NIL");
		return;
	}
	sbuf_adds(out, " (");
	for (size_t i = 0; i < id->nparams; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		print_string(out, &id->params[i].field);
		sbuf_addc(out, ' ');
		if (id->params[i].value.data == NULL)
			sbuf_adds(out, "NIL");
		else
			print_string(out, &id->params[i].value);
	}
	sbuf_addc(out, ')');
}

void ast_print(struct sbuf *out, const struct imap_cmd *cmd)
{
	sbuf_adds(out, cmd->tag);
	sbuf_addc(out, ' ');
	if (cmd->uid)
		sbuf_adds(out, "UID ");
	if (cmd->type == IMAP_CMD_X) {
		sbuf_adds(out, cmd->u.x.name);
	} else {
		/* The name as written, upper-cased: the canonical keyword. */
		for (const char *p = cmd->verb != NULL ? cmd->verb : "?"; *p != '\0'; p++)
			sbuf_addc(out, (char)toupper((unsigned char)*p));
	}
	switch (cmd->type) {
	case IMAP_CMD_CAPABILITY: case IMAP_CMD_NOOP: case IMAP_CMD_LOGOUT:
	case IMAP_CMD_STARTTLS: case IMAP_CMD_CHECK: case IMAP_CMD_CLOSE:
	case IMAP_CMD_IDLE: case IMAP_CMD__COUNT:
	case IMAP_CMD_NAMESPACE: case IMAP_CMD_UNSELECT:
		break;
	case IMAP_CMD_ID:
		print_id(out, &cmd->u.id);
		break;
	case IMAP_CMD_ENABLE:
		for (size_t i = 0; i < cmd->u.enable.ncaps; i++) {
			sbuf_addc(out, ' ');
			sbuf_adds(out, cmd->u.enable.caps[i]);
		}
		break;
	case IMAP_CMD_COMPRESS:
		sbuf_addc(out, ' ');
		sbuf_adds(out, cmd->u.compress.algorithm);
		break;
	case IMAP_CMD_EXPUNGE:
		if (cmd->uid) {
			sbuf_addc(out, ' ');
			ast_print_seqset(out, &cmd->u.expunge.set);
		}
		break;
	case IMAP_CMD_X:
		if (cmd->u.x.args[0] != '\0')
			sbuf_adds(out, cmd->u.x.args);
		break;
	case IMAP_CMD_AUTHENTICATE:
		sbuf_addc(out, ' ');
		sbuf_adds(out, cmd->u.authenticate.mechanism);
		if (cmd->u.authenticate.has_initial) {
			sbuf_addc(out, ' ');
			sbuf_add(out, cmd->u.authenticate.initial.data, cmd->u.authenticate.initial.len);
		}
		break;
	case IMAP_CMD_LOGIN:
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.login.userid);
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.login.password);
		break;
	case IMAP_CMD_SELECT: case IMAP_CMD_EXAMINE: case IMAP_CMD_CREATE:
	case IMAP_CMD_DELETE: case IMAP_CMD_SUBSCRIBE: case IMAP_CMD_UNSUBSCRIBE:
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.mailbox.mailbox);
		if (cmd->u.mailbox.has_use) {
			sbuf_adds(out, " (USE (");
			for (size_t i = 0; i < cmd->u.mailbox.nuse; i++)
				sbuf_printf(out, "%s%s", i > 0 ? " " : "", cmd->u.mailbox.use[i]);
			sbuf_adds(out, "))");
		}
		break;
	case IMAP_CMD_RENAME:
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.rename.from);
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.rename.to);
		break;
	case IMAP_CMD_LIST: case IMAP_CMD_LSUB:
		if (cmd->u.list.extended) {
			print_list_ext(out, &cmd->u.list);
			break;
		}
		sbuf_addc(out, ' ');
		if (cmd->u.list.reference.len == 0)
			sbuf_adds(out, "\"\"");
		else
			print_astring(out, &cmd->u.list.reference);
		sbuf_addc(out, ' ');
		if (cmd->u.list.pattern.len == 0)
			sbuf_adds(out, "\"\"");
		else
			print_list_mailbox(out, &cmd->u.list.pattern);
		break;
	case IMAP_CMD_STATUS:
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.status.mailbox);
		sbuf_addc(out, ' ');
		print_status_atts(out, cmd->u.status.order, cmd->u.status.natts);
		break;
	case IMAP_CMD_APPEND:
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.append.mailbox);
		if (cmd->u.append.has_flags) {
			sbuf_addc(out, ' ');
			print_flags(out, &cmd->u.append.flags);
		}
		if (cmd->u.append.has_date) {
			sbuf_addc(out, ' ');
			print_datetime(out, &cmd->u.append.date);
		}
		sbuf_printf(out, " %s{%zu}\r\n", cmd->u.append.binary ? "~" : "",
			    cmd->u.append.message.len);
		sbuf_add(out, cmd->u.append.message.data, cmd->u.append.message.len);
		break;
	case IMAP_CMD_SEARCH:
		if (cmd->u.search.has_return) {
			/* RFC4466 §2.6, in a fixed order */
			static const struct { unsigned bit; const char *name; } opts[] = {
				{ IMAP_SEARCH_RET_MIN, "MIN" }, { IMAP_SEARCH_RET_MAX, "MAX" },
				{ IMAP_SEARCH_RET_ALL, "ALL" }, { IMAP_SEARCH_RET_COUNT, "COUNT" },
				{ IMAP_SEARCH_RET_SAVE, "SAVE" },
			};
			sbuf_adds(out, " RETURN (");
			bool first = true;
			for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
				if (!(cmd->u.search.ret & opts[i].bit))
					continue;
				if (!first)
					sbuf_addc(out, ' ');
				sbuf_adds(out, opts[i].name);
				first = false;
			}
			sbuf_addc(out, ')');
		}
		if (cmd->u.search.has_charset) {
			sbuf_adds(out, " CHARSET ");
			print_astring(out, &cmd->u.search.charset);
		}
		for (size_t i = 0; i < cmd->u.search.keys->nlist; i++) {
			sbuf_addc(out, ' ');
			ast_print_search_key(out, cmd->u.search.keys->list[i]);
		}
		break;
	case IMAP_CMD_FETCH:
		sbuf_addc(out, ' ');
		ast_print_seqset(out, &cmd->u.fetch.set);
		sbuf_addc(out, ' ');
		if (cmd->u.fetch.macro != IMAP_FETCH_MACRO_NONE) {
			sbuf_adds(out, cmd->u.fetch.macro == IMAP_FETCH_MACRO_ALL ? "ALL"
				  : cmd->u.fetch.macro == IMAP_FETCH_MACRO_FAST ? "FAST" : "FULL");
			break;
		}
		if (cmd->u.fetch.parenthesised)
			sbuf_addc(out, '(');
		for (size_t i = 0; i < cmd->u.fetch.natts; i++) {
			if (i > 0)
				sbuf_addc(out, ' ');
			ast_print_fetch_att(out, &cmd->u.fetch.atts[i]);
		}
		if (cmd->u.fetch.parenthesised)
			sbuf_addc(out, ')');
		break;
	case IMAP_CMD_STORE:
		sbuf_addc(out, ' ');
		ast_print_seqset(out, &cmd->u.store.set);
		sbuf_adds(out, cmd->u.store.op == IMAP_STORE_ADD ? " +FLAGS"
			  : cmd->u.store.op == IMAP_STORE_REMOVE ? " -FLAGS" : " FLAGS");
		if (cmd->u.store.silent)
			sbuf_adds(out, ".SILENT");
		sbuf_addc(out, ' ');
		print_flags(out, &cmd->u.store.flags);
		break;
	case IMAP_CMD_COPY:
	case IMAP_CMD_MOVE:
		sbuf_addc(out, ' ');
		ast_print_seqset(out, &cmd->u.copy.set);
		sbuf_addc(out, ' ');
		print_astring(out, &cmd->u.copy.mailbox);
		break;
	}
	sbuf_adds(out, "\r\n");
}
