/* Fuzz target: a YAML data file of content/. The input is read as each of
 * them in turn — site.yaml, data/units.yaml and a programme's
 * programme.yaml, actions.yaml and indicators.yaml — by the load stage's
 * readers, from memory, into a site of its own. */
#include "fuzz.h"

#include "load/load_internal.h"

static void site_yaml(reader_t *r, programme_t *p)
{
	(void)p;
	load_site_yaml(r);
}

static void units(reader_t *r, programme_t *p)
{
	(void)p;
	load_units(r);
}

/* The paths are only named in messages; none of them is read. */
static const struct {
	const char *path;
	void (*load)(reader_t *r, programme_t *p);
} files[] = {
	{"fuzz/site.yaml", site_yaml},
	{"fuzz/data/units.yaml", units},
	{"fuzz/data/p/programme.yaml", load_programme_yaml},
	{"fuzz/data/p/actions.yaml", load_actions},
	{"fuzz/data/p/indicators.yaml", load_indicators},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diags_t d;
	diags_init(&d);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		site_t *site = model_new();
		programme_t *p = arena_alloc(site->arena, sizeof *p);
		p->id = "p";
		p->dir = "fuzz/data/p";
		reader_t r = {.site = site, .arena = site->arena, .diags = &d,
		              .path = files[i].path, .bytes = (const char *)data,
		              .nbytes = size};
		files[i].load(&r, p);
		model_free(site);
	}
	fuzz_report(&d);
	return 0;
}
