/* The site in memory: everything load read, linked up by check. No I/O.
 * Facts live in the entities; the words of each language in text_t, one
 * per language (texts[i] is in site->langs[i]). Everything is allocated
 * from the site's arena and freed with model_free. */
#ifndef PORTA_MODEL_H
#define PORTA_MODEL_H

#include <stdbool.h>

#include "../core/map.h"
#include "../core/value.h"
#include "enums.h"

typedef struct site site_t;
typedef struct programme programme_t;
typedef struct theme theme_t;
typedef struct action action_t;
typedef struct indicator indicator_t;
typedef struct view_cache view_cache_t;

/* An enumerated value as written (v, for its text and position) and, once
 * check has run, its index in the enumeration (-1 when absent). */
typedef struct {
	const value_t *v;
	int id;
} enum_ref_t;

typedef struct {
	const char *date; /* YYYY-MM-DD */
	const char *text;
	pos_t pos;
} update_t;

/* One language file: front matter and Markdown body. A field added here
 * is compared by model_same_words too. */
typedef struct {
	const char *path;      /* e.g. "content/fi/x/actions/a1.md" */
	const char *lang;      /* the language the words are in */
	bool borrowed;         /* a --draft stand-in from another language */
	bool unreadable;       /* the file had errors; nothing else is set */
	const value_t *front;  /* the front matter map */
	const char *title, *slug, *summary;
	const char *problem, *impact; /* actions */
	const char *target;           /* indicators: the target in words */
	update_t *updates;            /* actions, newest first */
	size_t nupdates;
	double weight;                /* pages */
	bool show_contact;            /* pages */
	bool show_assessed;           /* pages: the date of the content's last
	                                 change, as that of the last assessment */
	const value_t *translation_of; /* {lang, <field>: hash} or NULL */
	const char *body;      /* Markdown */
	int body_line;         /* file line the body starts on */
	const char *html;      /* the body rendered, set by the markdown stage */
} text_t;

typedef struct {
	const char *id;
	const char *contact;
	const value_t *raw;    /* its entry in data/units.yaml */
	const char **names;    /* per language */
} unit_t;

struct theme {
	const char *id, *code;
	enum_ref_t kind;
	const value_t *raw;
	programme_t *programme;
	text_t **texts;
	const char **urls;     /* per language, set by urls_assign */
};

typedef struct {
	int year;
	pos_t pos;             /* of the year */
	enum_ref_t status;
} status_entry_t;

struct action {
	const char *id, *code;
	const value_t *raw;    /* its entry in actions.yaml */
	programme_t *programme;
	const value_t *theme_ref;
	theme_t *theme;
	int *years;
	size_t nyears;
	status_entry_t *statuses; /* sorted by year */
	size_t nstatuses;
	const value_t *responsible_refs; /* list, or NULL */
	unit_t **responsible;
	size_t nresponsible;
	enum_ref_t level, model, cost_class, impact_class;
	int statutory;         /* -1 unknown, 0 no, 1 yes */
	int state_funding;     /* the same: received state funding */
	enum_ref_t *need, *benefits, *beneficiaries;
	size_t nneed, nbenefits, nbeneficiaries;
	bool has_cost;
	double cost_eur;
	enum_ref_t cost_kind, funding;
	const value_t *related_refs;
	action_t **related;
	size_t nrelated;
	const value_t *continues_ref;
	action_t *continues;
	/* The actions that continue this one, linked through next_continuer,
	 * in programme and entry order. */
	action_t *first_continuer, *next_continuer;
	text_t **texts;
	const char **urls;
};

typedef struct {
	int year;
	pos_t pos;             /* of the year */
	bool is_number;
	double number;
	enum_ref_t state;      /* when !is_number */
} indicator_value_t;

struct indicator {
	const char *id;
	const value_t *raw;
	programme_t *programme;
	const value_t *theme_ref;
	theme_t *theme;
	enum_ref_t unit, direction;
	bool has_scale, has_target;
	double scale_min, scale_max, target;
	indicator_value_t *values; /* sorted by year */
	size_t nvalues;
	text_t **texts;
	const char **urls, **chart_urls;
};

typedef struct {
	int year;
	const char *date;
	const value_t *raw;
} follow_up_t;

struct programme {
	const char *id;
	const char *dir;       /* content/data/<id> */
	const value_t *raw;    /* programme.yaml */
	const char *code;
	int first_year, last_year;
	enum_ref_t status;
	const char *decision_body, *decision_date, *decision_section,
		*decision_reference;
	const value_t *decision_body_ref;
	theme_t *themes;
	size_t nthemes;
	follow_up_t *follow_ups; /* sorted by year */
	size_t nfollow_ups;
	action_t *actions;
	size_t nactions;
	indicator_t *indicators;
	size_t nindicators;
	map_t theme_index, action_index, indicator_index;
	/* Some entries could not be read (the file, or an entry's id): a
	 * missing id may be one of them, so it is not reported again. */
	bool themes_incomplete, actions_incomplete, indicators_incomplete;
	text_t **texts;
	const char **urls, **action_list_urls, **indicator_list_urls;
	/* Bases of the year pages: roadmap_urls[l] + "2025/". */
	const char **roadmap_urls, **follow_up_urls;
};

typedef struct {
	const char *id;
	double weight;         /* from the first language that has the page */
	text_t **texts;
	const char **urls;
} page_t;

/* A language file whose id has no entry in data/, kept for check. */
typedef struct {
	const char *what;  /* a term (terms.h): "action", "indicator"... */
	const char *id;
	const char *path;
	pos_t pos;
	const char *data_file; /* where the entry should be */
} orphan_t;

struct site {
	arena_t *arena;
	const char *content_dir, *theme_dir;
	const char *content_real; /* content_dir's real path, or NULL */
	int content_fd; /* content_dir, open while it is loaded; else -1 */
	const value_t *raw;    /* site.yaml */
	const char *base_url;
	const char *base_path; /* the path part of base_url: "/" or "/x/" */
	const char **langs;
	size_t nlangs;
	const char **title, **organisation; /* per language */
	const char *theme_name;
	const value_t *current_ref;
	programme_t *current;
	const char *contact_email, *feedback_url;
	bool allow_html;
	bool draft;
	unit_t *units;
	size_t nunits;
	programme_t *programmes; /* sorted by id */
	size_t nprogrammes;
	page_t *pages;           /* sorted by weight, then id (after check) */
	size_t npages;
	text_t **front;          /* the front page text per language */
	bool *lang_missing;      /* per language: content/<lang> is absent */
	bool *unit_names_unreadable; /* per language: units.yaml had errors */
	bool units_incomplete, langs_incomplete; /* as in programme_t */
	orphan_t *orphans;
	size_t norphans, orphans_cap;
	const value_t **i18n;    /* the theme's i18n map per language */
	map_t *i18n_words;       /* per language: each dotted key of i18n
	                            ("words.feedback"), its value */
	const char **i18n_paths; /* their file paths, for messages */
	const char **home_urls;  /* the front page of each language */
	const char **data_urls;  /* the page about the open data */
	const char **search_urls;
	map_t unit_index, programme_index, page_index;
	view_cache_t *view_cache; /* made and read by the view stage */
};

site_t *model_new(void);
void model_free(site_t *site); /* accepts NULL */

/* Index of lang in site->langs, or -1. */
int model_lang_index(const site_t *site, const char *lang);
programme_t *model_programme(const site_t *site, const char *id);
action_t *model_action(const programme_t *p, const char *id);
indicator_t *model_indicator(const programme_t *p, const char *id);
theme_t *model_theme(const programme_t *p, const char *id);
page_t *model_page(const site_t *site, const char *id);
/* Whether two versions of a text say the same but for their bodies. */
bool model_same_words(const text_t *a, const text_t *b);
/* The status at the newest follow-up, or -1 when none is recorded. */
int model_current_status(const action_t *a);
/* The status recorded at the follow-up of year, or -1. */
int model_status_in(const action_t *a, int year);
/* Whether the action is to be carried out in year. */
bool model_action_in_year(const action_t *a, int year);
/* The follow-up of year, or NULL. */
const follow_up_t *model_follow_up(const programme_t *p, int year);

#endif
