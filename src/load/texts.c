/* content/<lang>/: the words of one language, attached to the facts. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/fs.h"

/* translation_of is written by `porta translations --mark`. */
static const char *const front_keys[] = {"title", "summary", "translation_of",
                                         NULL};
static const char *const programme_keys[] = {"title", "slug", "summary",
                                             "translation_of", NULL};
static const char *const action_keys[] = {
	"title", "slug", "problem", "summary", "updates", "impact",
	"translation_of", NULL};
static const char *const indicator_keys[] = {
	"title", "slug", "target", "summary", "translation_of", NULL};
static const char *const page_keys[] = {
	"title", "slug", "summary", "weight", "show_contact", "show_assessed", "translation_of",
	NULL};
static const char *const update_keys[] = {"date", "text", NULL};

static const char *const *keys_for(text_kind_t kind)
{
	switch (kind) {
	case TEXT_FRONT:
		return front_keys;
	case TEXT_PROGRAMME:
	case TEXT_THEME:
		return programme_keys;
	case TEXT_ACTION:
		return action_keys;
	case TEXT_INDICATOR:
		return indicator_keys;
	case TEXT_PAGE:
		return page_keys;
	}
	return front_keys;
}

static void read_updates(reader_t *r, text_t *t)
{
	const value_t *list = field_list(r, t->front, "updates", false,
	                                 "[{ date: 2025-03-14, text: ... }]");
	if (!list)
		return;
	t->updates = arena_alloc(r->arena,
	                         (list->as.list.len + 1) * sizeof(update_t));
	for (size_t i = 0; i < list->as.list.len; i++) {
		const value_t *e = list->as.list.items[i];
		if (!field_is_map(r, e, term(TERM_MAP_UPDATE)))
			continue;
		field_check_keys(r, e, update_keys);
		update_t u = {.pos = e->pos};
		u.date = field_date(r, e, "date", true);
		u.text = field_text(r, e, "text", true);
		if (!u.date || !u.text)
			continue;
		/* Newest first, whatever order they were written in; news of one
		 * day stays in its order. */
		size_t j = t->nupdates++;
		for (; j > 0 && strcmp(t->updates[j - 1].date, u.date) < 0; j--)
			t->updates[j] = t->updates[j - 1];
		t->updates[j] = u;
	}
}

/* A file that cannot be read still yields a text, marked unreadable, so
 * that check does not also call it missing. */
text_t *load_text(reader_t *r, text_kind_t kind, const char *lang,
                  const char *id)
{
	text_t *t = arena_alloc(r->arena, sizeof *t);
	t->path = r->path;
	t->lang = lang;
	markdown_file_t md;
	if (!source_markdown(r, &md)) {
		t->unreadable = true;
		return t;
	}
	t->front = md.front;
	t->body = md.body;
	t->body_line = md.body_line;
	field_check_keys(r, md.front, keys_for(kind));
	t->title = field_text(r, md.front, "title", true);
	t->translation_of = val_get(md.front, "translation_of");
	t->summary = field_text(r, md.front, "summary", false);
	t->slug = id;
	if (kind != TEXT_FRONT && val_get(md.front, "slug")) {
		const value_t *v = val_get(md.front, "slug");
		const char *slug = field_text(r, md.front, "slug", true);
		if (slug && !field_valid_id(slug))
			diag_error(r->diags, r->path, v->pos, MSG_BAD_SLUG, slug);
		else if (slug)
			t->slug = slug;
	}
	if (kind == TEXT_ACTION) {
		t->problem = field_text(r, md.front, "problem", false);
		t->impact = field_text(r, md.front, "impact", false);
		read_updates(r, t);
	} else if (kind == TEXT_INDICATOR) {
		t->target = field_text(r, md.front, "target", false);
	} else if (kind == TEXT_PAGE) {
		field_number(r, md.front, "weight", false, &t->weight);
		t->show_contact = field_bool(r, md.front, "show_contact") == 1;
		t->show_assessed = field_bool(r, md.front, "show_assessed") == 1;
	}
	return t;
}

static void add_orphan(reader_t *r, const char *what, const char *id,
                       pos_t pos, const char *data_file)
{
	site_t *site = r->site;
	arena_grow(site->arena, (void **)&site->orphans, site->norphans,
	           &site->orphans_cap, sizeof(orphan_t));
	orphan_t *o = &site->orphans[site->norphans++];
	o->what = what;
	o->id = id;
	o->path = r->path;
	o->pos = pos;
	o->data_file = data_file;
}

static bool is_hidden(const char *name)
{
	return name[0] == '.' || name[strlen(name) - 1] == '~';
}

/* what_belongs is a term saying what the directory holds. */
static void unexpected(reader_t *r, const char *name, const char *what_belongs)
{
	diag_error(r->diags, r->path, POS_NONE, MSG_UNEXPECTED_FILE, name,
	           what_belongs);
}

/* The id of "<id>.md", or NULL after reporting a bad name. */
static const char *md_id(reader_t *r, const char *name)
{
	size_t n = strlen(name);
	if (n > 3 && strcmp(name + n - 3, ".md") == 0) {
		char *id = arena_strndup(r->arena, name, n - 3);
		if (field_valid_id(id))
			return id;
	}
	diag_error(r->diags, r->path, POS_NONE, MSG_BAD_FILE_NAME, name, ".md");
	return NULL;
}

/* The parts of a programme's language tree: which texts each directory
 * holds and which data file has their entries. */
typedef struct {
	const char *dir;
	text_kind_t kind;
	term_id_t what;
	const char *data_file;
} part_t;

static const part_t parts[] = {
	{"themes", TEXT_THEME, TERM_THING_THEME, "programme.yaml"},
	{"actions", TEXT_ACTION, TERM_THING_ACTION, "actions.yaml"},
	{"indicators", TEXT_INDICATOR, TERM_THING_INDICATOR, "indicators.yaml"},
};

/* A text the walk found: read afterwards by one of a few threads, then
 * put where it belongs in the order found, so that the model is the same
 * whichever thread read what. */
typedef struct {
	reader_t r;
	text_kind_t kind;
	size_t lang;
	const char *id;
	programme_t *programme; /* the programme's own text and its parts' */
	const part_t *part;     /* for themes, actions and indicators */
	text_t *text;           /* what was read */
} found_t;

/* The texts found, and the language being walked. */
struct load_texts {
	site_t *site;
	diags_t *diags;
	size_t lang;
	found_t *found;
	size_t nfound, cap;
};

static void find(load_texts_t *tr, reader_t *r, text_kind_t kind,
                 const char *id, programme_t *p, const part_t *part)
{
	if (tr->nfound == tr->cap) {
		tr->cap = tr->cap ? tr->cap * 2 : 256;
		tr->found = xrealloc(tr->found, tr->cap * sizeof *tr->found);
	}
	tr->found[tr->nfound++] = (found_t){*r, kind, tr->lang, id, p, part, NULL};
}

/* Finds every <id>.md in dir as a text of kind. */
static void each_md(load_texts_t *tr, const char *dir, text_kind_t kind,
                    programme_t *p, const part_t *part)
{
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (is_hidden(names[i]))
			continue;
		reader_t r = load_reader(tr->site, tr->diags, dir, names[i]);
		const char *id = md_id(&r, names[i]);
		if (id)
			find(tr, &r, kind, id, p, part);
	}
	fs_list_free(names, n);
}

/* The text slots of an entry, or NULL; *incomplete says whether the data
 * file lost entries (then a missing id is not reported). */
static text_t **slots_of(programme_t *p, text_kind_t kind, const char *id,
                         bool *incomplete)
{
	switch (kind) {
	case TEXT_THEME: {
		theme_t *t = model_theme(p, id);
		*incomplete = p->themes_incomplete;
		return t ? t->texts : NULL;
	}
	case TEXT_ACTION: {
		action_t *a = model_action(p, id);
		*incomplete = p->actions_incomplete;
		return a ? a->texts : NULL;
	}
	case TEXT_INDICATOR: {
		indicator_t *i = model_indicator(p, id);
		*incomplete = p->indicators_incomplete;
		return i ? i->texts : NULL;
	}
	default:
		*incomplete = false;
		return NULL;
	}
}

static void part_text(site_t *site, found_t *f)
{
	text_t *t = f->text;
	programme_t *p = f->programme;
	bool incomplete;
	text_t **slots = slots_of(p, f->kind, f->id, &incomplete);
	if (slots)
		slots[f->lang] = t;
	else if (!t->unreadable && !incomplete)
		add_orphan(&f->r, term(f->part->what), f->id, t->front->pos,
		           arena_printf(site->arena, "%s/%s", p->dir,
		                        f->part->data_file));
}

static void page_text(site_t *site, found_t *f)
{
	page_t *page = model_page(site, f->id);
	if (!page) {
		/* Pages have no data entry: the first language to have one makes
		 * it; check reports languages that lack it. */
		page = arena_alloc(site->arena, sizeof *page);
		page->id = f->id;
		page->texts = arena_alloc(site->arena, site->nlangs * sizeof(text_t *));
		map_put(&site->page_index, f->id, page);
	}
	page->texts[f->lang] = f->text;
}

/* Puts a text read where it belongs. */
static void attach(site_t *site, found_t *f)
{
	switch (f->kind) {
	case TEXT_FRONT:
		site->front[f->lang] = f->text;
		break;
	case TEXT_PROGRAMME:
		f->programme->texts[f->lang] = f->text;
		break;
	case TEXT_PAGE:
		page_text(site, f);
		break;
	case TEXT_THEME:
	case TEXT_ACTION:
	case TEXT_INDICATOR:
		part_text(site, f);
		break;
	}
}

static void programme_tree(load_texts_t *tr, reader_t *dir_reader,
                           programme_t *p)
{
	site_t *site = tr->site;
	const char *dir = dir_reader->path;
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (is_hidden(names[i]))
			continue;
		reader_t r = load_reader(site, tr->diags, dir, names[i]);
		const part_t *part = NULL;
		for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
			if (strcmp(names[i], parts[k].dir) == 0 && fs_is_dir(r.path))
				part = &parts[k];
		if (strcmp(names[i], "_index.md") == 0)
			find(tr, &r, TEXT_PROGRAMME, p->id, p, NULL);
		else if (part)
			each_md(tr, r.path, part->kind, p, part);
		else
			unexpected(&r, names[i], term(TERM_BELONGS_PROGRAMME));
	}
	fs_list_free(names, n);
}

static void unit_names(load_texts_t *tr, reader_t *r)
{
	site_t *site = tr->site;
	const value_t *root = source_yaml(r);
	if (!root || (root->kind != VAL_NULL &&
	              !field_is_map(r, root, "units.yaml"))) {
		site->unit_names_unreadable[tr->lang] = true;
		return;
	}
	if (root->kind == VAL_NULL)
		return;
	for (size_t i = 0; i < root->as.map.len; i++) {
		const member_t *m = &root->as.map.items[i];
		unit_t *u = map_get(&site->unit_index, m->key);
		if (!u && !site->units_incomplete) {
			add_orphan(r, term(TERM_THING_UNIT), m->key, m->pos,
			           arena_printf(site->arena, "%s/data/units.yaml",
			                        site->content_dir));
			continue;
		}
		if (u)
			u->names[tr->lang] = field_text(r, root, m->key, true);
	}
}

/* Walks content/<lang>/, reading units.yaml at once and finding the
 * texts for load_languages to read. */
static void walk_language(load_texts_t *tr)
{
	site_t *site = tr->site;
	size_t lang = tr->lang;
	reader_t root = load_reader(site, tr->diags, site->content_dir,
	                            site->langs[lang]);
	char **names;
	size_t n;
	if (fs_list(root.path, &names, &n) < 0) {
		site->lang_missing[lang] = true;
		diag_error(tr->diags, root.path, POS_NONE, MSG_MISSING_FILE,
		           root.path);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (is_hidden(names[i]))
			continue;
		reader_t r = load_reader(site, tr->diags, root.path, names[i]);
		programme_t *p = model_programme(site, names[i]);
		if (strcmp(names[i], "_index.md") == 0)
			find(tr, &r, TEXT_FRONT, "", NULL, NULL);
		else if (strcmp(names[i], "units.yaml") == 0)
			unit_names(tr, &r);
		else if (strcmp(names[i], "pages") == 0 && fs_is_dir(r.path))
			each_md(tr, r.path, TEXT_PAGE, NULL, NULL);
		else if (p && fs_is_dir(r.path))
			programme_tree(tr, &r, p);
		else if (fs_is_dir(r.path) && field_valid_id(names[i]))
			add_orphan(&r, term(TERM_THING_PROGRAMME),
			           arena_strdup(site->arena, names[i]), POS_NONE,
			           arena_printf(site->arena, "%s/data/%s/programme.yaml",
			                        site->content_dir, names[i]));
		else
			unexpected(&r, names[i], term(TERM_BELONGS_LANGUAGE));
	}
	fs_list_free(names, n);
}

load_texts_t *load_texts_find(site_t *site, diags_t *diags)
{
	load_texts_t *tr = xcalloc(1, sizeof *tr);
	tr->site = site;
	tr->diags = diags;
	for (tr->lang = 0; tr->lang < site->nlangs; tr->lang++)
		walk_language(tr);
	return tr;
}

size_t load_texts_count(const load_texts_t *tr)
{
	return tr->nfound;
}

void load_texts_read(load_texts_t *tr, size_t i, arena_t *arena,
                     diags_t *diags)
{
	found_t *f = &tr->found[i];
	f->r.arena = arena;
	f->r.diags = diags;
	f->text = load_text(&f->r, f->kind, f->r.site->langs[f->lang], f->id);
}

void load_texts_attach(load_texts_t *tr)
{
	for (size_t i = 0; i < tr->nfound; i++) {
		tr->found[i].r.diags = tr->diags;
		attach(tr->site, &tr->found[i]);
	}
	free(tr->found);
	free(tr);
}

/* Where the text read from path is in the model, if it is an action's or
 * an indicator's. */
static bool find_slot(site_t *site, const char *path, text_slot_t *slot,
                      text_kind_t *kind)
{
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		for (size_t l = 0; l < site->nlangs; l++) {
			for (size_t k = 0; k < p->nactions; k++) {
				const text_t *t = p->actions[k].texts[l];
				if (t && !t->borrowed && strcmp(t->path, path) == 0) {
					*slot = (text_slot_t){p->actions[k].texts, l, p};
					*kind = TEXT_ACTION;
					return true;
				}
			}
			for (size_t k = 0; k < p->nindicators; k++) {
				const text_t *t = p->indicators[k].texts[l];
				if (t && !t->borrowed && strcmp(t->path, path) == 0) {
					*slot = (text_slot_t){p->indicators[k].texts, l, p};
					*kind = TEXT_INDICATOR;
					return true;
				}
			}
		}
	}
	return false;
}

text_t *load_text_again(site_t *site, const char *path, text_slot_t *slot,
                        diags_t *diags)
{
	text_kind_t kind;
	if (!find_slot(site, path, slot, &kind))
		return NULL;
	const text_t *old = slot->texts[slot->lang];
	reader_t r = {.site = site, .arena = site->arena, .diags = diags,
	              .path = old->path};
	/* The id is the file's name, as before: a renamed file is not
	 * found again. */
	const char *name = strrchr(old->path, '/');
	name = name ? name + 1 : old->path;
	const char *id = arena_strndup(site->arena, name, strlen(name) - 3);
	return load_text(&r, kind, site->langs[slot->lang], id);
}
