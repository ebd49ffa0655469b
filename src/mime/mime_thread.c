/*
 * mime_thread.c - THREAD=ORDEREDSUBJECT and THREAD=REFERENCES (RFC5256
 * §3), and the Message-IDs they read.
 *
 * The threads are built as a tree of nodes (mime.h, struct mime_thread):
 * node 0 is the root, every other node a message or a dummy (a Message-ID
 * some message refers to, or a parent made to hold two threads of one
 * subject).  Nothing here recurses and nothing walks a chain of parents
 * per message: a sender controls References, so a chain may be 100,000
 * messages deep and may try to loop.  The loop test of step (1) asks a
 * link-cut forest (util/lctree.h) for the root of a node's tree in
 * O(log n); Message-IDs and subjects are found through tables keyed with
 * SipHash (util/siphash.h), so no set of IDs collides on purpose.
 */
#include "mime/mime_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/lctree.h"
#include "util/siphash.h"

#define NONE MIME_THREAD_NONE
#define DUMMY MIME_THREAD_DUMMY

/* ---- Message-IDs (RFC5256 §3 REFERENCES) ----------------------------------- */

/*
 * A msg-id is "<" id-left "@" id-right ">" (RFC2822 §3.6.4).  RFC5256 §3
 * asks that it be normalised, so that <"a"@b> and <a@b> are the same:
 * quotes, backslash escapes, comments and white space go.  An id without
 * "@", with nothing before or after it, or longer than a header line may
 * be (998 octets, RFC2822 §2.1.1) is not valid.
 */
#define MSGID_MAX 998

bool mime_msgid_next(struct arena *a, const char *v, size_t len, size_t *pos,
		     struct mime_str *id_r)
{
	id_r->data = NULL;
	id_r->len = 0;
	size_t i = *pos;
	while (i < len) {
		const char *lt = memchr(v + i, '<', len - i);
		if (lt == NULL)
			break;
		i = (size_t)(lt - v) + 1;
		char buf[MSGID_MAX + 1];
		size_t n = 0, at = 0;
		bool ok = true, restart = false, closed = false;
		while (i < len && !closed && !restart) {
			char c = v[i];
			if (c == '>') {
				closed = true;
				i++;
			} else if (c == '<') {
				restart = true;  /* this one never closed: the next starts here */
			} else if (c == '"') {
				for (i++; i < len && v[i] != '"'; i++) {
					if (v[i] == '\\' && i + 1 < len)
						i++;
					if (n < MSGID_MAX)
						buf[n++] = v[i];
					else
						ok = false;
				}
				i++;
			} else if (c == '(') {
				unsigned depth = 0;
				for (; i < len; i++) {
					if (v[i] == '\\' && i + 1 < len)
						i++;
					else if (v[i] == '(')
						depth++;
					else if (v[i] == ')' && --depth == 0)
						break;
				}
				i++;
			} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
				i++;
			} else {
				if (c == '\\' && i + 1 < len)
					c = v[++i];
				if (c == '@' && at == 0)
					at = n + 1;
				if (n < MSGID_MAX)
					buf[n++] = c;
				else
					ok = false;
				i++;
			}
		}
		if (!closed || restart)
			continue;
		if (ok && at > 1 && at < n) {
			char *id = arena_strndup(a, buf, n);
			if (id == NULL)
				return false;
			id_r->data = id;
			id_r->len = n;
			*pos = i;
			return true;
		}
	}
	*pos = len;
	return true;
}

bool mime_thread_refs(struct arena *a, const struct mime_str *references,
		      const struct mime_str *in_reply_to, struct mime_str **refs_r, size_t *n_r)
{
	*refs_r = NULL;
	*n_r = 0;
	size_t cap = 0, n = 0;
	struct mime_str *v = NULL;
	if (references != NULL && references->data != NULL) {
		size_t pos = 0;
		struct mime_str id;
		for (;;) {
			if (!mime_msgid_next(a, references->data, references->len, &pos, &id))
				return false;
			if (id.data == NULL)
				break;
			if (n == cap) {
				size_t nc = cap == 0 ? 8 : cap * 2;
				struct mime_str *nv = ARENA_NEWN(a, struct mime_str, nc);
				if (nv == NULL)
					return false;
				if (n > 0)
					memcpy(nv, v, n * sizeof(*v));
				v = nv;
				cap = nc;
			}
			v[n++] = id;
		}
	}
	/* No References, or none valid in it: the first valid ID of
	 * In-Reply-To is the only reference. */
	if (n == 0 && in_reply_to != NULL && in_reply_to->data != NULL) {
		size_t pos = 0;
		struct mime_str id;
		if (!mime_msgid_next(a, in_reply_to->data, in_reply_to->len, &pos, &id))
			return false;
		if (id.data != NULL) {
			v = ARENA_NEW(a, struct mime_str);
			if (v == NULL)
				return false;
			v[0] = id;
			n = 1;
		}
	}
	/* Keep the last ones when there are absurdly many: the last is the
	 * parent, and a chain that long is linked by its own messages. */
	if (n > MIME_THREAD_MAX_REFS) {
		v += n - MIME_THREAD_MAX_REFS;
		n = MIME_THREAD_MAX_REFS;
	}
	*refs_r = v;
	*n_r = n;
	return true;
}

/* ---- the tree ------------------------------------------------------------------ */

/* What building needs beside the nodes: O(1) unlinking. */
struct build {
	struct mime_thread *t;
	uint32_t *prev, *last;
	const struct mime_thread_msg *msgs;
	size_t cap;
};

static uint32_t node_new(struct build *b, uint32_t msg)
{
	struct mime_thread *t = b->t;
	uint32_t x = (uint32_t)t->n++;
	t->nodes[x] = (struct mime_thread_node){ msg, NONE, NONE, NONE, 0 };
	b->prev[x] = b->last[x] = NONE;
	return x;
}

static bool is_dummy(const struct build *b, uint32_t x)
{
	return b->t->nodes[x].msg == DUMMY;
}

static void child_append(struct build *b, uint32_t p, uint32_t x)
{
	struct mime_thread_node *nd = b->t->nodes;
	nd[x].parent = p;
	nd[x].next = NONE;
	b->prev[x] = b->last[p];
	if (b->last[p] != NONE)
		nd[b->last[p]].next = x;
	else
		nd[p].first = x;
	b->last[p] = x;
	nd[p].nchildren++;
}

static void child_remove(struct build *b, uint32_t x)
{
	struct mime_thread_node *nd = b->t->nodes;
	uint32_t p = nd[x].parent;
	if (p == NONE)
		return;
	if (b->prev[x] != NONE)
		nd[b->prev[x]].next = nd[x].next;
	else
		nd[p].first = nd[x].next;
	if (nd[x].next != NONE)
		b->prev[nd[x].next] = b->prev[x];
	else
		b->last[p] = b->prev[x];
	nd[p].nchildren--;
	nd[x].parent = nd[x].next = b->prev[x] = NONE;
}

/* Put x into p's list right before sibling `before`. */
static void child_insert_before(struct build *b, uint32_t before, uint32_t x)
{
	struct mime_thread_node *nd = b->t->nodes;
	uint32_t p = nd[before].parent;
	nd[x].parent = p;
	nd[x].next = before;
	b->prev[x] = b->prev[before];
	if (b->prev[before] != NONE)
		nd[b->prev[before]].next = x;
	else
		nd[p].first = x;
	b->prev[before] = x;
	nd[p].nchildren++;
}

/* Replace x in its parent's list by x's children, in order; x is left
 * unlinked and childless. */
static void splice_children(struct build *b, uint32_t x)
{
	struct mime_thread_node *nd = b->t->nodes;
	while (nd[x].first != NONE) {
		uint32_t c = nd[x].first;
		child_remove(b, c);
		child_insert_before(b, x, c);
	}
	child_remove(b, x);
}

/* The sort key of RFC5256 §2.2: the sent date, then the sequence number;
 * a dummy sorts as its first child. */
struct key {
	int64_t date;
	uint32_t seq;
	uint32_t node;
};

static struct key key_of(const struct build *b, uint32_t x)
{
	uint32_t y = x;
	while (is_dummy(b, y) && b->t->nodes[y].first != NONE)
		y = b->t->nodes[y].first;
	struct key k = { INT64_MIN, 0, x };
	if (!is_dummy(b, y)) {
		const struct mime_thread_msg *m = &b->msgs[b->t->nodes[y].msg];
		k.date = m->date;
		k.seq = m->seq;
	}
	return k;
}

static int key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Sort x's children by key; `keys` has room for every node. */
static void sort_children(struct build *b, uint32_t x, struct key *keys)
{
	struct mime_thread_node *nd = b->t->nodes;
	if (nd[x].nchildren < 2)
		return;
	size_t n = 0;
	for (uint32_t c = nd[x].first; c != NONE; c = nd[c].next)
		keys[n++] = key_of(b, c);
	qsort(keys, n, sizeof(*keys), key_cmp);
	uint32_t prev = NONE;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = keys[i].node;
		b->prev[c] = prev;
		if (prev == NONE)
			nd[x].first = c;
		else
			nd[prev].next = c;
		prev = c;
	}
	nd[prev].next = NONE;
	b->last[x] = prev;
}

/* Step (6): every set of siblings sorted, the deepest first.  `order`
 * and `keys` have room for every node. */
static void sort_all(struct build *b, uint32_t *order, struct key *keys)
{
	struct mime_thread_node *nd = b->t->nodes;
	size_t n = 0, head = 0;
	order[n++] = 0;
	while (head < n) {
		uint32_t x = order[head++];
		for (uint32_t c = nd[x].first; c != NONE; c = nd[c].next)
			order[n++] = c;
	}
	for (size_t i = n; i-- > 0;)
		sort_children(b, order[i], keys);
}

/* ---- hash tables over strings ----------------------------------------------------- */

struct strtab {
	struct siphash_key key;
	size_t mask;
	const struct mime_str **k;
	uint32_t *v;
};

static bool strtab_init(struct strtab *h, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n + 16)
		cap *= 2;
	siphash_key_random(&h->key);
	h->mask = cap - 1;
	h->k = calloc(cap, sizeof(*h->k));
	h->v = calloc(cap, sizeof(*h->v));
	return h->k != NULL && h->v != NULL;
}

static void strtab_free(struct strtab *h)
{
	free(h->k);
	free(h->v);
}

/* The slot of s: where it is, or where it would go. */
static size_t strtab_slot(const struct strtab *h, const struct mime_str *s)
{
	size_t i = (size_t)siphash(&h->key, s->data, s->len) & h->mask;
	while (h->k[i] != NULL &&
	       (h->k[i]->len != s->len || memcmp(h->k[i]->data, s->data, s->len) != 0))
		i = (i + 1) & h->mask;
	return i;
}

/* ---- REFERENCES -------------------------------------------------------------------- */

static bool build_init(struct build *b, struct mime_thread *t, const struct mime_thread_msg *msgs,
		       size_t cap)
{
	memset(t, 0, sizeof(*t));
	b->t = t;
	b->msgs = msgs;
	b->cap = cap;
	t->nodes = malloc(cap * sizeof(*t->nodes));
	b->prev = malloc(cap * sizeof(uint32_t));
	b->last = malloc(cap * sizeof(uint32_t));
	if (t->nodes == NULL || b->prev == NULL || b->last == NULL)
		return false;
	node_new(b, DUMMY);  /* the root */
	return true;
}

static void build_done(struct build *b)
{
	free(b->prev);
	free(b->last);
}

/* Step (1): the nodes and parent links.  Node x's parent is in
 * nodes[x].parent, mirrored in the forest f for the loop test. */
static bool link_all(struct build *b, size_t n, struct strtab *ids, struct lctree *f)
{
	struct mime_thread_node *nd = b->t->nodes;
	for (size_t i = 0; i < n; i++) {
		const struct mime_thread_msg *m = &b->msgs[i];
		/* The message's own node: its ID's, unless that ID is missing
		 * or an earlier message has it (then a unique one). */
		uint32_t self = NONE;
		if (m->msgid.data != NULL) {
			size_t s = strtab_slot(ids, &m->msgid);
			if (ids->k[s] == NULL) {
				ids->k[s] = &m->msgid;
				ids->v[s] = self = node_new(b, (uint32_t)i);
			} else if (nd[ids->v[s]].msg == DUMMY) {
				self = ids->v[s];
				nd[self].msg = (uint32_t)i;
			}
		}
		if (self == NONE)
			self = node_new(b, (uint32_t)i);
		/* (A) the references linked in a chain, first to last. */
		uint32_t prev = NONE;
		for (size_t r = 0; r < m->nrefs; r++) {
			size_t s = strtab_slot(ids, &m->refs[r]);
			if (ids->k[s] == NULL) {
				ids->k[s] = &m->refs[r];
				ids->v[s] = node_new(b, DUMMY);
			}
			uint32_t x = ids->v[s];
			if (prev != NONE && x != prev && nd[x].parent == NONE &&
			    lctree_root(f, prev) != x) {
				nd[x].parent = prev;
				lctree_link(f, x, prev);
			}
			prev = x;
		}
		/* (B) the last reference is the parent, replacing a parent an
		 * earlier (truncated) References gave; no link into a loop. */
		if (nd[self].parent != NONE) {
			nd[self].parent = NONE;
			lctree_cut(f, self);
		}
		if (prev != NONE && prev != self && lctree_root(f, prev) != self) {
			nd[self].parent = prev;
			lctree_link(f, self, prev);
		}
	}
	return true;
}

/* Step (3): dummies pruned, top-down and without recursion. */
static void prune(struct build *b)
{
	struct mime_thread_node *nd = b->t->nodes;
	uint32_t cur = nd[0].first;
	while (cur != NONE) {
		uint32_t p = nd[cur].parent;
		if (is_dummy(b, cur)) {
			if (nd[cur].nchildren == 0) {
				/* Delete it, going on where the traversal would. */
				uint32_t nxt = cur;
				while (nxt != 0 && nd[nxt].next == NONE)
					nxt = nd[nxt].parent;
				nxt = nxt == 0 ? NONE : nd[nxt].next;
				child_remove(b, cur);
				cur = nxt;
				continue;
			}
			/* Promote its children, but not to the root unless
			 * there is only one. */
			if (p != 0 || nd[cur].nchildren == 1) {
				uint32_t first = nd[cur].first;
				splice_children(b, cur);
				cur = first;
				continue;
			}
		}
		if (nd[cur].first != NONE) {
			cur = nd[cur].first;
			continue;
		}
		while (cur != 0 && nd[cur].next == NONE)
			cur = nd[cur].parent;
		cur = cur == 0 ? NONE : nd[cur].next;
	}
}

/* The thread subject of a child of the root (step 5.B.i). */
static const struct mime_thread_msg *thread_msg(const struct build *b, uint32_t x)
{
	while (is_dummy(b, x) && b->t->nodes[x].first != NONE)
		x = b->t->nodes[x].first;
	return is_dummy(b, x) ? NULL : &b->msgs[b->t->nodes[x].msg];
}

static bool is_reply(const struct build *b, uint32_t x)
{
	return !is_dummy(b, x) && b->msgs[b->t->nodes[x].msg].reply;
}

/* Step (5): threads of one base subject gathered. */
static bool gather_subjects(struct build *b)
{
	struct mime_thread_node *nd = b->t->nodes;
	size_t n = nd[0].nchildren;
	uint32_t *roots = malloc((n > 0 ? n : 1) * sizeof(*roots));
	struct strtab subj;
	bool ok = roots != NULL && strtab_init(&subj, n);
	if (!ok)
		goto out;
	n = 0;
	for (uint32_t c = nd[0].first; c != NONE; c = nd[c].next)
		roots[n++] = c;
	/* (B) one message per subject: a dummy is preferred, then a
	 * message that is not a reply. */
	for (size_t i = 0; i < n; i++) {
		uint32_t c = roots[i];
		const struct mime_thread_msg *m = thread_msg(b, c);
		if (m == NULL || m->subject.len == 0)
			continue;
		size_t s = strtab_slot(&subj, &m->subject);
		if (subj.k[s] == NULL) {
			subj.k[s] = &m->subject;
			subj.v[s] = c;
		} else {
			uint32_t t = subj.v[s];
			if (!is_dummy(b, t) && (is_dummy(b, c) || (is_reply(b, t) && !is_reply(b, c))))
				subj.v[s] = c;
		}
	}
	/* (C) merge each thread into the one of the table. */
	for (size_t i = 0; i < n; i++) {
		uint32_t c = roots[i];
		if (nd[c].parent != 0)
			continue;
		const struct mime_thread_msg *m = thread_msg(b, c);
		if (m == NULL || m->subject.len == 0)
			continue;
		size_t s = strtab_slot(&subj, &m->subject);
		uint32_t t = subj.v[s];
		if (t == c)
			continue;
		if (is_dummy(b, t) && is_dummy(b, c)) {
			while (nd[c].first != NONE) {
				uint32_t g = nd[c].first;
				child_remove(b, g);
				child_append(b, t, g);
			}
			child_remove(b, c);
		} else if (is_dummy(b, t) || (is_reply(b, c) && !is_reply(b, t))) {
			child_remove(b, c);
			child_append(b, t, c);
		} else {
			uint32_t d = node_new(b, DUMMY);
			child_insert_before(b, t, d);
			child_remove(b, t);
			child_append(b, d, t);
			child_remove(b, c);
			child_append(b, d, c);
			subj.v[s] = d;
		}
	}
out:
	if (roots != NULL)
		strtab_free(&subj);
	free(roots);
	return ok;
}

bool mime_thread_references(const struct mime_thread_msg *msgs, size_t n, struct mime_thread *t_r)
{
	/* Nodes: the root, one per message and per reference, and at most
	 * one dummy per two root threads made in step (5). */
	size_t refs = 0;
	for (size_t i = 0; i < n; i++)
		refs += msgs[i].nrefs;
	size_t cap = 1 + n + refs + n + 1;
	struct build b;
	struct strtab ids = { 0 };
	struct lctree f = { 0 };
	uint32_t *order = NULL;
	struct key *keys = NULL;
	bool ok = build_init(&b, t_r, msgs, cap) && strtab_init(&ids, n + refs) &&
		  lctree_init(&f, cap);
	if (ok)
		ok = link_all(&b, n, &ids, &f);
	lctree_free(&f);
	strtab_free(&ids);
	struct mime_thread_node *nd = t_r->nodes;
	if (ok) {
		/* (2) every node without a parent under the root; the other
		 * links become child lists. */
		uint32_t *parent = malloc(cap * sizeof(*parent));
		ok = parent != NULL;
		for (size_t x = 1; ok && x < t_r->n; x++) {
			parent[x] = nd[x].parent == NONE ? 0 : nd[x].parent;
			nd[x].parent = NONE;
		}
		for (size_t x = 1; ok && x < t_r->n; x++)
			child_append(&b, parent[x], (uint32_t)x);
		free(parent);
	}
	if (ok) {
		prune(&b);
		order = malloc(cap * sizeof(*order));
		keys = malloc(cap * sizeof(*keys));
		ok = order != NULL && keys != NULL;
	}
	if (ok) {
		/* (4) the threads by date, a dummy's children first. */
		for (uint32_t c = nd[0].first; c != NONE; c = nd[c].next)
			if (is_dummy(&b, c))
				sort_children(&b, c, keys);
		sort_children(&b, 0, keys);
		ok = gather_subjects(&b);
	}
	if (ok)
		sort_all(&b, order, keys);
	free(order);
	free(keys);
	build_done(&b);
	if (!ok)
		mime_thread_free(t_r);
	return ok;
}

/* ---- ORDEREDSUBJECT ----------------------------------------------------------------- */

static int subject_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct mime_thread_msg *msgs = ctx;
	const struct mime_thread_msg *a = &msgs[*(const uint32_t *)pa];
	const struct mime_thread_msg *b = &msgs[*(const uint32_t *)pb];
	size_t n = a->subject.len < b->subject.len ? a->subject.len : b->subject.len;
	int c = n > 0 ? memcmp(a->subject.data, b->subject.data, n) : 0;
	if (c != 0)
		return c;
	if (a->subject.len != b->subject.len)
		return a->subject.len < b->subject.len ? -1 : 1;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

bool mime_thread_orderedsubject(const struct mime_thread_msg *msgs, size_t n,
				struct mime_thread *t_r)
{
	struct build b;
	uint32_t *idx = malloc((n > 0 ? n : 1) * sizeof(*idx));
	struct key *keys = malloc((n + 1) * sizeof(*keys));
	bool ok = build_init(&b, t_r, msgs, n + 1) && idx != NULL && keys != NULL;
	if (ok) {
		/* Sorted by base subject, then sent date; each run of one
		 * subject is a thread: its first message the root's child,
		 * the others that one's children (no grandchildren). */
		for (size_t i = 0; i < n; i++)
			idx[i] = (uint32_t)i;
		qsort_r(idx, n, sizeof(*idx), subject_cmp, (void *)msgs);
		uint32_t head = NONE;
		for (size_t i = 0; i < n; i++) {
			uint32_t x = node_new(&b, idx[i]);
			const struct mime_str *s = &msgs[idx[i]].subject;
			const struct mime_str *hs = head == NONE ? NULL
				: &msgs[t_r->nodes[head].msg].subject;
			if (hs != NULL && hs->len == s->len && memcmp(hs->data, s->data, s->len) == 0) {
				child_append(&b, head, x);
			} else {
				child_append(&b, 0, x);
				head = x;
			}
		}
		/* The threads by the sent date of their first message. */
		sort_children(&b, 0, keys);
	}
	free(idx);
	free(keys);
	build_done(&b);
	if (!ok)
		mime_thread_free(t_r);
	return ok;
}

void mime_thread_free(struct mime_thread *t)
{
	free(t->nodes);
	t->nodes = NULL;
	t->n = 0;
}
