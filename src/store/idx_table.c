/*
 * idx_table.c - the messages of a folder: a mapped snapshot plus a
 * private delta (see idx_table.h and struct idx_table).
 *
 * Positions: the base records that are not hidden come first, in their
 * order, then the tail.  Base index b of position p: with hidden[] the
 * ascending hidden indexes, hidden[k] - k never decreases, and b is p
 * plus the number of k with hidden[k] - k <= p.
 *
 * The snapshot is trusted only as far as its header's checks go (the
 * header CRC, the sizes of its sections): every record field is used
 * bounded (a name offset past the name area gives an empty name, whose
 * file is then not found), so a damaged record gives wrong answers, not
 * a crash; the passes that read every record anyway (a directory scan,
 * writing a snapshot) verify the whole file and rebuild it when bad.
 */
#include "store/idx_table.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "store/idx_format.h"
#include "store/maildir.h"

void idx_table_init(struct idx_table *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->names_arena);
}

void idx_table_free(struct idx_table *t)
{
	if (t->map != NULL)
		munmap(t->map, t->maplen);
	free(t->hidden);
	free(t->ov);
	free(t->ovb);
	free(t->ovhash);
	free(t->tail);
	free(t->recent);
	free(t->exp);
	arena_free(&t->names_arena);
	idx_table_init(t);
}

/* ---- positions ------------------------------------------------------------- */

static inline uint32_t nvis(const struct idx_table *t)
{
	return t->nbase - t->nhidden;
}

uint32_t idx_count(const struct mailbox *mb)
{
	return nvis(&mb->t) + mb->t.ntail;
}

/* Base index of position p (< nvis). */
static uint32_t base_index(const struct idx_table *t, uint32_t p)
{
	if (t->nhidden == 0)
		return p;
	uint32_t lo = 0, hi = t->nhidden;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->hidden[mid] - mid <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return p + lo;
}

/* Hidden indexes below b. */
static uint32_t hidden_below(const struct idx_table *t, uint32_t b)
{
	uint32_t lo = 0, hi = t->nhidden;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->hidden[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool idx_base_hidden(const struct idx_table *t, uint32_t b)
{
	uint32_t k = hidden_below(t, b);
	return k < t->nhidden && t->hidden[k] == b;
}

uint32_t idx_base_pos(const struct idx_table *t, uint32_t b)
{
	return b - hidden_below(t, b);
}

/* ---- overrides --------------------------------------------------------------- */

static inline uint32_t hash_index(uint32_t b)
{
	return b * 2654435761u;
}

/* k + 1 of base index b's override, 0 if none. */
static uint32_t ov_find(const struct idx_table *t, uint32_t b)
{
	if (t->nov == 0)
		return 0;
	uint32_t h = hash_index(b) & t->ovmask;
	while (t->ovhash[h] != 0) {
		uint32_t k = t->ovhash[h] - 1;
		if (t->ovb[k] == b)
			return k + 1;
		h = (h + 1) & t->ovmask;
	}
	return 0;
}

bool idx_base_overridden(const struct idx_table *t, uint32_t b)
{
	return ov_find(t, b) != 0;
}

static bool ov_rehash(struct idx_table *t, uint32_t size)
{
	uint32_t *h = calloc(size, sizeof(*h));
	if (h == NULL)
		return false;
	for (uint32_t k = 0; k < t->nov; k++) {
		uint32_t s = hash_index(t->ovb[k]) & (size - 1);
		while (h[s] != 0)
			s = (s + 1) & (size - 1);
		h[s] = k + 1;
	}
	free(t->ovhash);
	t->ovhash = h;
	t->ovmask = size - 1;
	return true;
}

static void decode(const struct idx_table *t, uint32_t b, struct mbox_msg *m)
{
	const struct idx_file_record *r = &t->base[b];
	*m = (struct mbox_msg){
		.uid = r->uid, .upper = r->upper, .lower = r->lower,
		.state = (uint16_t)(r->state & MSG_SHARED), .tzoff = r->tzoff,
		.date = r->date, .size = r->size, .modseq = r->modseq, .cache_off = r->cache_off,
		/* The name area ends in a NUL (checked when mapped). */
		.name = r->name_off < t->names_size ? t->names + r->name_off : "",
	};
}

/* A new override of base index b; NULL when out of memory. */
static struct mbox_msg *ov_add(struct idx_table *t, uint32_t b)
{
	if (t->nov == t->capov) {
		uint32_t cap = t->capov < 16 ? 16 : t->capov * 2;
		struct mbox_msg *ov = realloc(t->ov, cap * sizeof(*ov));
		if (ov == NULL)
			return NULL;
		t->ov = ov;
		uint32_t *ovb = realloc(t->ovb, cap * sizeof(*ovb));
		if (ovb == NULL)
			return NULL;
		t->ovb = ovb;
		t->capov = cap;
	}
	if ((t->nov + 1) * 2 > t->ovmask + 1 || t->ovhash == NULL) {
		uint32_t size = t->ovhash == NULL ? 64 : (t->ovmask + 1) * 2;
		if (!ov_rehash(t, size))
			return NULL;
	}
	uint32_t k = t->nov++;
	decode(t, b, &t->ov[k]);
	t->ovb[k] = b;
	uint32_t h = hash_index(b) & t->ovmask;
	while (t->ovhash[h] != 0)
		h = (h + 1) & t->ovmask;
	t->ovhash[h] = k + 1;
	return &t->ov[k];
}

/* ---- reading ---------------------------------------------------------------- */

struct mbox_msg idx_at(const struct mailbox *mb, uint32_t pos)
{
	const struct idx_table *t = &mb->t;
	struct mbox_msg m;
	uint32_t nv = nvis(t);
	if (pos < nv) {
		uint32_t b = base_index(t, pos);
		uint32_t k = ov_find(t, b);
		if (k != 0)
			m = t->ov[k - 1];
		else
			decode(t, b, &m);
	} else {
		m = t->tail[pos - nv];
	}
	if (t->nrecent > 0 && idx_recent_has(t, m.uid))
		m.state |= MSG_RECENT;
	return m;
}

uint32_t idx_uid_at(const struct mailbox *mb, uint32_t pos)
{
	const struct idx_table *t = &mb->t;
	uint32_t nv = nvis(t);
	if (pos >= nv)
		return t->tail[pos - nv].uid;
	uint32_t b = base_index(t, pos);
	/* An override never changes a UID. */
	return t->base[b].uid;
}

uint32_t idx_last_uid(const struct mailbox *mb)
{
	uint32_t n = idx_count(mb);
	return n > 0 ? idx_uid_at(mb, n - 1) : 0;
}

uint32_t idx_lower_bound(const struct mailbox *mb, uint32_t uid, uint32_t limit)
{
	uint32_t lo = 0, hi = limit;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (idx_uid_at(mb, mid) < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long idx_find(const struct mailbox *mb, uint32_t uid)
{
	const struct idx_table *t = &mb->t;
	if (t->ntail > 0 && uid >= t->tail[0].uid) {
		uint32_t lo = 0, hi = t->ntail;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (t->tail[mid].uid < uid)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo < t->ntail && t->tail[lo].uid == uid ? (long)(nvis(t) + lo) : -1;
	}
	uint32_t lo = 0, hi = t->nbase;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->base[mid].uid < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == t->nbase || t->base[lo].uid != uid)
		return -1;
	uint32_t k = hidden_below(t, lo);
	if (k < t->nhidden && t->hidden[k] == lo)
		return -1;
	return (long)(lo - k);
}

/* ---- changing ------------------------------------------------------------------ */

struct mbox_msg *idx_edit(struct mailbox *mb, uint32_t pos)
{
	struct idx_table *t = &mb->t;
	uint32_t nv = nvis(t);
	if (pos >= nv)
		return &t->tail[pos - nv];
	uint32_t b = base_index(t, pos);
	uint32_t k = ov_find(t, b);
	return k != 0 ? &t->ov[k - 1] : ov_add(t, b);
}

bool idx_set_name(struct mailbox *mb, struct mbox_msg *m, const char *name, size_t len)
{
	char *n = arena_strndup(&mb->t.names_arena, name, len);
	if (n == NULL)
		return false;
	m->name = n;
	return true;
}

struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m)
{
	struct idx_table *t = &mb->t;
	if (idx_count(mb) > 0 && m->uid <= idx_last_uid(mb))
		return NULL;
	if (t->ntail == t->captail) {
		uint32_t cap = t->captail < 64 ? 64 : t->captail * 2;
		struct mbox_msg *n = realloc(t->tail, sizeof(*n) * cap);
		if (n == NULL)
			return NULL;
		t->tail = n;
		t->captail = cap;
	}
	const char *name = arena_strdup(&t->names_arena, m->name != NULL ? m->name : "");
	if (name == NULL)
		return NULL;
	struct mbox_msg *d = &t->tail[t->ntail++];
	*d = *m;
	d->name = name;
	d->state &= (uint16_t)~MSG_RECENT;
	if (m->uid >= mb->uidnext)
		mb->uidnext = m->uid + 1;
	return d;
}

void idx_mark_changed(struct mailbox *mb, struct mbox_msg *m)
{
	if (!(m->state & MSG_CHANGED)) {
		m->told_upper = m->upper;
		m->told_lower = m->lower;
		m->state |= MSG_CHANGED;
	}
	mb->any_changed = true;
}

void idx_expunged(struct mailbox *mb, uint32_t pos)
{
	struct mbox_msg *m = idx_edit(mb, pos);
	if (m == NULL || (m->state & MSG_GHOST))
		return;
	m->state |= MSG_GHOST;
	m->state &= (uint16_t)~MSG_CHANGED;
	mb->ghosts++;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

size_t idx_marked(const struct mailbox *mb, uint16_t bits, uint32_t limit, uint32_t **pos_r)
{
	const struct idx_table *t = &mb->t;
	*pos_r = NULL;
	size_t n = 0;
	for (uint32_t k = 0; k < t->nov; k++)
		if (t->ov[k].uid != 0 && (t->ov[k].state & bits))
			n++;
	for (uint32_t i = 0; i < t->ntail; i++)
		if (t->tail[i].state & bits)
			n++;
	if (n == 0)
		return 0;
	uint32_t *pos = malloc(n * sizeof(*pos));
	if (pos == NULL)
		return SIZE_MAX;
	size_t w = 0;
	for (uint32_t k = 0; k < t->nov; k++) {
		if (t->ov[k].uid == 0 || !(t->ov[k].state & bits))
			continue;
		uint32_t p = idx_base_pos(t, t->ovb[k]);
		if (p < limit)
			pos[w++] = p;
	}
	uint32_t nv = nvis(t);
	for (uint32_t i = 0; i < t->ntail; i++)
		if ((t->tail[i].state & bits) && nv + i < limit)
			pos[w++] = nv + i;
	if (w == 0) {
		free(pos);
		return 0;
	}
	qsort(pos, w, sizeof(*pos), cmp_u32);
	*pos_r = pos;
	return w;
}

void idx_drop_ghosts(struct mailbox *mb, uint32_t from)
{
	struct idx_table *t = &mb->t;
	if (mb->ghosts == 0)
		return;
	uint32_t *pos;
	size_t n = idx_marked(mb, MSG_GHOST, UINT32_MAX, &pos);
	if (n == SIZE_MAX || n == 0)
		return;
	/* Base indexes first, while positions still mean what they did. */
	uint32_t nv = nvis(t);
	size_t nb = 0;
	for (size_t i = 0; i < n; i++)
		if (pos[i] >= from && pos[i] < nv)
			pos[nb++] = base_index(t, pos[i]);
	if (nb > 0) {
		uint32_t need = t->nhidden + (uint32_t)nb;
		if (need > t->caphidden) {
			uint32_t cap = t->caphidden < 64 ? 64 : t->caphidden;
			while (cap < need)
				cap *= 2;
			uint32_t *h = realloc(t->hidden, cap * sizeof(*h));
			if (h == NULL) {
				free(pos);
				return;
			}
			t->hidden = h;
			t->caphidden = cap;
		}
		/* Merge the two ascending lists, from the back. */
		size_t i = t->nhidden, j = nb, w = need;
		while (j > 0) {
			if (i > 0 && t->hidden[i - 1] > pos[j - 1])
				t->hidden[--w] = t->hidden[--i];
			else
				t->hidden[--w] = pos[--j];
		}
		t->nhidden = need;
		for (size_t k = 0; k < nb; k++) {
			uint32_t kk = ov_find(t, pos[k]);
			if (kk != 0)
				t->ov[kk - 1].uid = 0;  /* dead: its base index is hidden */
		}
		mb->ghosts -= (uint32_t)nb;
	}
	free(pos);
	/* The tail's ghosts (tail indexes shifted by the hidden ones). */
	uint32_t w = 0, dropped = 0;
	for (uint32_t r = 0; r < t->ntail; r++) {
		if ((t->tail[r].state & MSG_GHOST) && nv + r >= from) {
			dropped++;
			continue;
		}
		t->tail[w++] = t->tail[r];
	}
	t->ntail = w;
	mb->ghosts -= dropped;
	t->claim_tail = 0;
	if (mb->announced > idx_count(mb))
		mb->announced = idx_count(mb);
}

void idx_truncate(struct mailbox *mb, uint32_t count)
{
	struct idx_table *t = &mb->t;
	uint32_t nv = nvis(t);
	uint32_t keep = count > nv ? count - nv : 0;
	if (keep >= t->ntail)
		return;
	for (uint32_t i = keep; i < t->ntail; i++)
		if (t->tail[i].state & MSG_GHOST)
			mb->ghosts--;
	t->ntail = keep;
	if (t->claim_tail > keep)
		t->claim_tail = keep;
	if (mb->announced > idx_count(mb))
		mb->announced = idx_count(mb);
}

/* ---- \Recent ---------------------------------------------------------------------- */

/* Index of the first range whose hi >= uid. */
static uint32_t range_at(const struct idx_table *t, uint32_t uid)
{
	uint32_t lo = 0, hi = t->nrecent;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->recent[mid].hi < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool idx_recent_has(const struct idx_table *t, uint32_t uid)
{
	uint32_t i = range_at(t, uid);
	return i < t->nrecent && t->recent[i].lo <= uid;
}

bool idx_recent_add(struct mailbox *mb, uint32_t uid)
{
	struct idx_table *t = &mb->t;
	uint32_t i = range_at(t, uid);
	if (i < t->nrecent && t->recent[i].lo <= uid)
		return true;
	/* Joins the range before it (the usual case: UIDs come in order)? */
	if (i > 0 && t->recent[i - 1].hi + 1 == uid) {
		t->recent[i - 1].hi = uid;
		if (i < t->nrecent && t->recent[i].lo == uid + 1) {
			t->recent[i - 1].hi = t->recent[i].hi;
			memmove(&t->recent[i], &t->recent[i + 1],
				(t->nrecent - i - 1) * sizeof(t->recent[0]));
			t->nrecent--;
		}
		return true;
	}
	if (i < t->nrecent && t->recent[i].lo == uid + 1) {
		t->recent[i].lo = uid;
		return true;
	}
	if (t->nrecent == t->caprecent) {
		uint32_t cap = t->caprecent < 8 ? 8 : t->caprecent * 2;
		struct uid_range *r = realloc(t->recent, cap * sizeof(*r));
		if (r == NULL)
			return false;
		t->recent = r;
		t->caprecent = cap;
	}
	memmove(&t->recent[i + 1], &t->recent[i], (t->nrecent - i) * sizeof(t->recent[0]));
	t->recent[i] = (struct uid_range){ uid, uid };
	t->nrecent++;
	return true;
}

uint32_t idx_recent_count(const struct mailbox *mb, uint32_t limit)
{
	const struct idx_table *t = &mb->t;
	uint32_t n = 0;
	for (uint32_t i = 0; i < t->nrecent; i++) {
		uint32_t a = idx_lower_bound(mb, t->recent[i].lo, limit);
		uint32_t b = t->recent[i].hi == UINT32_MAX ? limit
			: idx_lower_bound(mb, t->recent[i].hi + 1, limit);
		n += b - a;
	}
	if (n > 0 && mb->ghosts > 0) {
		uint32_t *pos;
		size_t g = idx_marked(mb, MSG_GHOST, limit, &pos);
		if (g != SIZE_MAX) {
			for (size_t k = 0; k < g; k++)
				if (idx_recent_has(t, idx_uid_at(mb, pos[k])))
					n--;
			free(pos);
		}
	}
	return n;
}

/* ---- counts ----------------------------------------------------------------------------- */

static inline bool unseen(uint32_t upper)
{
	return !(upper & MDIR_UPPER('S'));
}

uint32_t idx_first_unseen(const struct mailbox *mb, uint32_t limit)
{
	const struct idx_table *t = &mb->t;
	uint32_t best = limit;
	/* Changed base records and the tail. */
	for (uint32_t k = 0; k < t->nov; k++) {
		if (t->ov[k].uid == 0 || !unseen(t->ov[k].upper))
			continue;
		uint32_t p = idx_base_pos(t, t->ovb[k]);
		if (p < best)
			best = p;
	}
	uint32_t nv = nvis(t);
	for (uint32_t i = 0; i < t->ntail && nv + i < best; i++) {
		if (unseen(t->tail[i].upper)) {
			best = nv + i;
			break;
		}
	}
	/* The base's own list, as it was when written: the first entry that
	 * is still in the view and not overridden (those were seen above). */
	for (uint32_t i = 0; i < t->base_unseen; i++) {
		uint32_t b = t->unseen_list[i];
		if (b >= t->nbase)
			break;  /* a damaged list: stop trusting it */
		if (idx_base_hidden(t, b) || ov_find(t, b) != 0)
			continue;
		uint32_t p = idx_base_pos(t, b);
		if (p < best)
			best = p;
		break;
	}
	return best < limit ? best + 1 : 0;
}

void idx_counts(const struct mailbox *mb, uint32_t *messages_r, uint32_t *unseen_r,
		uint32_t *unclaimed_r)
{
	const struct idx_table *t = &mb->t;
	int64_t msgs = (int64_t)nvis(t), uns = t->base_unseen, unc = t->base_unclaimed;
	for (uint32_t i = 0; i < t->nhidden; i++) {
		const struct idx_file_record *r = &t->base[t->hidden[i]];
		uns -= unseen(r->upper);
		unc -= (r->state & MSG_UNCLAIMED) != 0;
	}
	for (uint32_t k = 0; k < t->nov; k++) {
		const struct mbox_msg *m = &t->ov[k];
		if (m->uid == 0)
			continue;
		const struct idx_file_record *r = &t->base[t->ovb[k]];
		uns -= unseen(r->upper);
		unc -= (r->state & MSG_UNCLAIMED) != 0;
		if (m->state & MSG_GHOST) {
			msgs--;
			continue;
		}
		uns += unseen(m->upper);
		unc += (m->state & MSG_UNCLAIMED) != 0;
	}
	for (uint32_t i = 0; i < t->ntail; i++) {
		const struct mbox_msg *m = &t->tail[i];
		if (m->state & MSG_GHOST)
			continue;
		msgs++;
		uns += unseen(m->upper);
		unc += (m->state & MSG_UNCLAIMED) != 0;
	}
	/* A damaged header could make these negative: clamp. */
	*messages_r = msgs > 0 ? (uint32_t)msgs : 0;
	*unseen_r = uns > 0 ? (uint32_t)uns : 0;
	*unclaimed_r = unc > 0 ? (uint32_t)unc : 0;
}

bool idx_note_expunge(struct mailbox *mb, uint32_t uid, uint64_t modseq)
{
	struct idx_table *t = &mb->t;
	if (t->nexp == t->capexp) {
		uint32_t cap = t->capexp < 16 ? 16 : t->capexp * 2;
		struct idx_expunge_note *e = realloc(t->exp, cap * sizeof(*e));
		if (e == NULL)
			return false;
		t->exp = e;
		t->capexp = cap;
	}
	t->exp[t->nexp++] = (struct idx_expunge_note){ uid, modseq };
	return true;
}
