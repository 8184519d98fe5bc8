// The kinds of page of a built porta site, found by their addresses: one
// page of each kind in the first language, and the same page in the
// others through its hreflang alternate. For tests and screenshots that
// look at a representative set rather than every page.
import fs from 'node:fs';
import path from 'node:path';
import { walk, basePath } from './site.mjs';

// The address words of a language (paths: in the theme's i18n file).
export function pathWords(themeDir, lang) {
	const words = {};
	let text = '';
	try {
		text = fs.readFileSync(path.join(themeDir, 'i18n', `${lang}.yaml`), 'utf8');
	} catch {
		return words;
	}
	const block = text.match(/^paths:[^\n]*\n((?:[ \t]+[^\n]*\n|\s*\n)*)/m);
	if (block)
		for (const m of block[1].matchAll(/^[ \t]+([A-Za-z_]+):\s*["']?([^"'\s#]+)/gm)) words[m[1]] = m[2];
	return words;
}

// The site's languages, in the order of the root page's alternates.
export function siteLanguages(siteDir) {
	const rootHtml = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
	const languages = [...rootHtml.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1])
		.filter((l) => fs.existsSync(path.join(siteDir, l, 'index.html')));
	if (languages.length === 0)
		languages.push(...fs.readdirSync(siteDir).filter((d) => fs.existsSync(path.join(siteDir, d, 'index.html'))).sort());
	return languages;
}

// The same page in another language, from its hreflang alternate: a site
// file ("/sv/index.html"), or null.
export function alternate(siteDir, base, file, lang) {
	const html = fs.readFileSync(path.join(siteDir, file), 'utf8');
	const m = html.match(new RegExp(`<link rel="alternate" hreflang="${lang}" href="([^"]+)"`));
	if (!m) return null;
	const p = new URL(m[1], 'http://x/').pathname;
	if (!p.startsWith(base)) return null;
	const f = '/' + p.slice(base.length) + (p.endsWith('/') ? 'index.html' : '');
	return fs.existsSync(path.join(siteDir, f)) ? f : null;
}

const read = (siteDir, f) => fs.readFileSync(path.join(siteDir, f), 'utf8');
const size = (siteDir, f) => fs.statSync(path.join(siteDir, f)).size;

// The biggest page among some: the one with most to look at.
const biggest = (siteDir, list) => list
	.map((f) => [f, size(siteDir, f)])
	.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];

// The pages of the first language, by kind, as [name, site file]:
//   front, action (the biggest with a code in its heading), indicator
//   (the biggest), follow-up (the latest report) — the screenshots' set;
// with all set, also: programme, theme, actions (the list with the
// filter form), filter (a generated page of one facet value),
// indicators, chart (the indicator whose chart draws most kinds of mark:
// bars, target, gaps; left out when that is the indicator already),
// roadmap (the latest year), search, data. Kinds the site lacks are left
// out and named in missing.
export function pagesByKind(siteDir, themeDir, { all = false } = {}) {
	const base = basePath(siteDir);
	const files = walk(siteDir).filter((f) => f.endsWith('/index.html'));
	const [first] = siteLanguages(siteDir);
	const words = pathWords(themeDir, first);
	const home = read(siteDir, `/${first}/index.html`);
	// The current programme is the one the front page links to.
	const progMatch = words.actions && home.match(new RegExp(`href="${base}${first}/([^/"]+)/${words.actions}/"`));
	const programme = progMatch ? progMatch[1] : null;
	const under = (word, depth) => {
		if (!programme || !word) return [];
		const prefix = `/${first}/${programme}/${word}/`;
		return files.filter((f) => f.startsWith(prefix) && f.slice(prefix.length).split('/').length === depth + 1);
	};
	const exists = (f) => (f && fs.existsSync(path.join(siteDir, f)) ? f : null);
	const latest = (list) => list.filter((f) => /\/\d{4}\/index\.html$/.test(f)).sort().pop();
	const chartKinds = (f) => new Set([...read(siteDir, f).matchAll(/class="(chart-(?:bar|target|gap))"/g)].map((m) => m[1])).size;

	const found = [['front', `/${first}/index.html`]];
	const missing = [];
	const add = (name, file) => (file ? found.push([name, file]) : missing.push(name));
	if (all) {
		add('programme', programme && exists(`/${first}/${programme}/index.html`));
		add('theme', biggest(siteDir, under(words.themes, 1)));
		add('actions', exists(programme && words.actions && `/${first}/${programme}/${words.actions}/index.html`));
		const actionsList = found.find(([n]) => n === 'actions')?.[1];
		const facet = actionsList && read(siteDir, actionsList).match(/<nav class="facets"[\s\S]*?href="([^"]+)"/);
		add('filter', facet && exists(new URL(facet[1], 'http://x/').pathname.slice(base.length - 1) + 'index.html'));
	}
	add('action', biggest(siteDir, under(words.actions, 1).filter((f) => /<h1[^>]*><span class="code">/.test(read(siteDir, f)))));
	if (all) add('indicators', exists(programme && words.indicators && `/${first}/${programme}/${words.indicators}/index.html`));
	add('indicator', biggest(siteDir, under(words.indicators, 1)));
	if (all) {
		const charted = under(words.indicators, 1).filter((f) => /<svg[^>]*class="chart"/.test(read(siteDir, f)));
		const most = Math.max(0, ...charted.map(chartKinds));
		const chart = biggest(siteDir, charted.filter((f) => chartKinds(f) === most));
		if (chart !== found.find(([n]) => n === 'indicator')?.[1]) add('chart', chart);
		add('roadmap', latest(under(words.roadmap, 1)));
	}
	add('follow-up', latest(under(words.follow_up, 1)));
	if (all) {
		add('search', exists(words.search && `/${first}/${words.search}/index.html`));
		add('data', exists(words.data && `/${first}/${words.data}/index.html`));
	}
	return { base, first, found, missing };
}

// Every page of pagesByKind in every language: [{ name, lang, file }],
// and what could not be found.
export function representativePages(siteDir, themeDir, options) {
	const { base, first, found, missing } = pagesByKind(siteDir, themeDir, options);
	const pages = [];
	const skipped = missing.map((name) => `no ${name} page`);
	for (const [name, file] of found) {
		for (const lang of siteLanguages(siteDir)) {
			const f = lang === first ? file : alternate(siteDir, base, file, lang);
			if (f) pages.push({ name, lang, file: f });
			else skipped.push(`${name} ${file} has no ${lang} version`);
		}
	}
	return { base, pages, skipped };
}
