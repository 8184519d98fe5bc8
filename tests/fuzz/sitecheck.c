/* Fuzz target: the HTML checker of porta check --site. The input is the
 * index.html of a site of one page: parsed by libxml2, its hreflang
 * alternates read for the base path, and its ids, headings, images,
 * names, lang and links checked as on a built site. */
#include "fuzz.h"

#include "sitecheck/sitecheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diags_t d;
	diags_init(&d);
	sitecheck_opts_t opts = {"fuzz", NULL};
	sitecheck_page(&opts, "index.html", (const char *)data, size, &d);
	fuzz_report(&d);
	return 0;
}
