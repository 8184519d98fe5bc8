// Links between the pages of a site: every address a page links to (a,
// area, link, form) must lead to a file of the site, and its fragment to
// an id, or the name of an <a>, on the page it leads to. A browser only
// finds out when someone follows the link, so the suite looks itself.
// porta check --site checks the same without a browser.
import path from 'node:path';
import { fileFor, pageUrlPath } from './site.mjs';

// Runs inside the page (page.evaluate): the ids and names fragments can
// lead to, and every link as written and as the browser resolved it.
export function linkFacts() {
	const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
	for (const a of document.querySelectorAll('a[name]')) ids.push(a.getAttribute('name'));
	const links = [...document.querySelectorAll('a[href], area[href], link[href]')]
		.map((e) => ({ url: e.href, raw: e.getAttribute('href') }));
	for (const f of document.querySelectorAll('form[action]'))
		links.push({ url: f.action, raw: f.getAttribute('action') });
	return { ids, links };
}

// pages: [{ urlPath, facts }] with facts from linkFacts (undefined when
// the page could not be checked). site: { siteDir, origin, base,
// sitePath } as the suite serves it. Returns, per page, the links that
// lead nowhere (broken) and those whose fragment is missing (missing).
export function checkLinks(pages, { siteDir, origin, base, sitePath }) {
	const ids = new Map();
	for (const p of pages) if (p.facts) ids.set(p.urlPath, new Set(p.facts.ids));
	const out = [];
	for (const p of pages) {
		if (!p.facts) continue;
		const broken = [];
		const missing = [];
		for (const l of p.facts.links) {
			let u;
			try {
				u = new URL(l.url);
			} catch {
				continue;
			}
			if (u.origin !== origin) continue; // another site: never fetched
			const sp = sitePath(u.pathname);
			if (sp === null) {
				broken.push(`"${l.raw}" leads outside the site, which is served under ${base}`);
				continue;
			}
			// A directory without its slash is redirected to it, as hosts do.
			const file = fileFor(siteDir, sp) || (!sp.endsWith('/') && fileFor(siteDir, sp + '/'));
			if (!file) {
				broken.push(`"${l.raw}" leads to ${u.pathname}, which the site does not have`);
				continue;
			}
			let frag = u.hash.slice(1);
			try {
				frag = decodeURIComponent(frag);
			} catch {
				/* kept as written */
			}
			// "#top" is the top of any page; ":~:" starts a text fragment.
			if (!frag || frag.toLowerCase() === 'top' || frag.startsWith(':~:')) continue;
			const target = pageUrlPath('/' + path.relative(siteDir, file).split(path.sep).join('/'));
			const known = ids.get(target);
			if (known && !known.has(frag))
				missing.push(`"${l.raw}" leads to #${frag}, but ${target} has no element with that id`);
		}
		out.push({ urlPath: p.urlPath, broken, missing });
	}
	return out;
}
