/*
 * sort.c - SORT and UID SORT (RFC5256 §3 BASE.6.4.SORT), with the RETURN
 * options of ESORT (RFC5267 §3.1) and the DISPLAYFROM / DISPLAYTO keys
 * of RFC5957.
 *
 * SORT is SEARCH (cmd/search.c runs the program) followed by ordering
 * the matches by the criteria in priority order, REVERSE turning one
 * criterion around, and the sequence number as the last, never reversed
 * tie-break.  Strings compare by i;ascii-casemap (the keys are already
 * folded, src/mime/), the empty string first; an absent header field is
 * the empty string.  The keys are read once per message before sorting
 * (cmd/msgfields.c), so the comparisons touch no file.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/msgfields.h"
#include "cmd/searchrun.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* The keys of the matches: one column per criterion. */
struct sortrows {
	size_t ncrit;
	const struct imap_sort_crit *crit;
	const uint32_t *seq;             /* per match */
	int64_t **num;                   /* ARRIVAL DATE SIZE: num[c][i] */
	struct mime_str **str;           /* the others: str[c][i] */
};

static bool numeric(enum imap_sort_key k)
{
	return k == IMAP_SORT_ARRIVAL || k == IMAP_SORT_DATE || k == IMAP_SORT_SIZE;
}

/* i;ascii-casemap on folded keys: bytes, a shorter prefix first (so the
 * empty string collates before every other). */
static int str_cmp(const struct mime_str *a, const struct mime_str *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n > 0 ? memcmp(a->data, b->data, n) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int row_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct sortrows *r = ctx;
	size_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	for (size_t c = 0; c < r->ncrit; c++) {
		int d;
		if (numeric(r->crit[c].key))
			d = r->num[c][a] < r->num[c][b] ? -1 : r->num[c][a] > r->num[c][b];
		else
			d = str_cmp(&r->str[c][a], &r->str[c][b]);
		if (d != 0)
			return r->crit[c].reverse ? -d : d;
	}
	/* RFC5256: "an implicit sort criterion of sequence number". */
	return r->seq[a] < r->seq[b] ? -1 : r->seq[a] > r->seq[b];
}

/* Which header fields the criteria need. */
static unsigned fields_for(const struct imap_sort_crit *crit, size_t n)
{
	unsigned want = 0;
	for (size_t c = 0; c < n; c++) {
		switch (crit[c].key) {
		case IMAP_SORT_CC: want |= MSGFIELD_BIT(MSGFIELD_CC); break;
		case IMAP_SORT_DATE: want |= MSGFIELD_BIT(MSGFIELD_DATE); break;
		case IMAP_SORT_FROM: case IMAP_SORT_DISPLAYFROM:
			want |= MSGFIELD_BIT(MSGFIELD_FROM); break;
		case IMAP_SORT_TO: case IMAP_SORT_DISPLAYTO:
			want |= MSGFIELD_BIT(MSGFIELD_TO); break;
		case IMAP_SORT_SUBJECT: want |= MSGFIELD_BIT(MSGFIELD_SUBJECT); break;
		default: break;
		}
	}
	return want;
}

/* The keys of match i (message seq) into the rows. */
static bool row_fill(struct sortrows *r, struct mailbox *mb, size_t i, uint32_t seq,
		     unsigned want, struct arena *data, struct arena *scratch)
{
	struct msgfields f;
	if (want != 0 && !msgfields_get(mb, seq, want, scratch, &f))
		return false;
	for (size_t c = 0; c < r->ncrit; c++) {
		struct mime_str s = { "", 0 }, other;
		bool reply;
		int zone;
		switch (r->crit[c].key) {
		case IMAP_SORT_ARRIVAL:
			r->num[c][i] = (int64_t)mbox_msg_internaldate(mb, seq, &zone);
			continue;
		case IMAP_SORT_DATE:
			r->num[c][i] = msgfields_sent_date(mb, seq, &f);
			continue;
		case IMAP_SORT_SIZE:
			r->num[c][i] = (int64_t)mbox_msg_size(mb, seq);
			continue;
		case IMAP_SORT_SUBJECT:
			if (!mime_base_subject(scratch, f.v[MSGFIELD_SUBJECT].data,
					       f.v[MSGFIELD_SUBJECT].len, &s, &reply))
				return false;
			break;
		case IMAP_SORT_FROM: case IMAP_SORT_DISPLAYFROM:
		case IMAP_SORT_TO: case IMAP_SORT_DISPLAYTO:
		case IMAP_SORT_CC: {
			enum msgfield fld = r->crit[c].key == IMAP_SORT_CC ? MSGFIELD_CC
				: r->crit[c].key == IMAP_SORT_FROM ||
				  r->crit[c].key == IMAP_SORT_DISPLAYFROM ? MSGFIELD_FROM : MSGFIELD_TO;
			struct mime_str mailbox, display;
			if (!mime_address_first(scratch, f.v[fld].data, f.v[fld].len, &mailbox, &display))
				return false;
			s = r->crit[c].key == IMAP_SORT_DISPLAYFROM ||
			    r->crit[c].key == IMAP_SORT_DISPLAYTO ? display : mailbox;
			break;
		}
		default:
			continue;
		}
		/* Only the key outlives the message. */
		other.data = s.len > 0 ? arena_strndup(data, s.data, s.len) : "";
		other.len = s.len;
		if (other.data == NULL)
			return false;
		r->str[c][i] = other;
	}
	return true;
}

void cmd_sort(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_search *c = &cmd->u.search;
	struct mailbox *mb = s->mbox;
	bool save = c->has_return && (c->ret & IMAP_SEARCH_RET_SAVE);
	struct search_result res;
	if (!search_run(s, cmd, &res))
		return;
	size_t n = res.n;
	struct arena data, scratch;
	arena_init(&data);
	data.limit = MSGFIELDS_DATA_LIMIT;
	arena_init(&scratch);
	struct sortrows r = { c->nsort, c->sort, res.seq, NULL, NULL };
	uint32_t *order = malloc((n > 0 ? n : 1) * sizeof(*order));
	r.num = ARENA_NEWN(&data, int64_t *, c->nsort);
	r.str = ARENA_NEWN(&data, struct mime_str *, c->nsort);
	bool ok = order != NULL && r.num != NULL && r.str != NULL;
	for (size_t k = 0; ok && k < c->nsort; k++) {
		if (numeric(c->sort[k].key))
			ok = (r.num[k] = ARENA_NEWN(&data, int64_t, n + 1)) != NULL;
		else
			ok = (r.str[k] = ARENA_NEWN(&data, struct mime_str, n + 1)) != NULL;
	}
	unsigned want = fields_for(c->sort, c->nsort);
	for (size_t i = 0; ok && i < n; i++) {
		ok = row_fill(&r, mb, i, res.seq[i], want, &data, &scratch);
		arena_reset(&scratch);
		order[i] = (uint32_t)i;
	}
	arena_free(&scratch);
	struct sbuf b;
	sbuf_init(&b, NULL);
	if (ok) {
		qsort_r(order, n, sizeof(*order), row_cmp, &r);
		/* order[] becomes the sorted sequence numbers */
		for (size_t i = 0; i < n; i++)
			order[i] = res.seq[order[i]];
		if (c->has_return) {
			search_esearch_write(s, cmd, order, n, &b);
		} else {
			/* RFC5256 §4: sort-data = "SORT" *(SP nz-number) */
			sbuf_adds(&b, "* SORT");
			for (size_t i = 0; i < n; i++)
				sbuf_printf(&b, " %u", cmd->uid ? mbox_msg_uid(mb, order[i]) : order[i]);
			/* RFC7162 §7: sort-data = "SORT" [1*(SP nz-number) SP
			 * search-sort-mod-seq], with a MODSEQ key */
			if (n > 0 && modseq_search_uses(c->keys))
				sbuf_printf(&b, " (MODSEQ %llu)",
					    (unsigned long long)search_found_modseq(mb, order, n, 0));
			sbuf_adds(&b, "\r\n");
		}
		ok = !b.failed;
	}
	arena_free(&data);
	if (!ok) {
		if (save)
			mbox_saved_set(mb, NULL, 0);
		free(order);
		free(res.seq);
		sbuf_free(&b);
		cmd_no(s, "[LIMIT] Too much to sort in memory");
		return;
	}
	resp_write(s, b.data, b.len);
	sbuf_free(&b);
	bool saved = !save || search_save(mb, c->ret, res.seq, n, n ? order[0] : 0,
					  n ? order[n - 1] : 0);
	free(order);
	free(res.seq);
	if (!saved) {
		cmd_no(s, "[NOTSAVED] Out of memory saving the search result");
		return;
	}
	cmd_ok(s, "%sSORT completed", cmd->uid ? "UID " : "");
}
