// Search (issue 8), on every search page of a built site (the page with
// #search-form: /fi/haku/, /sv/sok/), in Chromium:
//   - queries typed into the search box find the page a resident expects
//     among the first three results (inflected and compound words, codes
//     such as A1 first, and everyday queries per language: QUERIES below);
//   - the number of results is announced in the role=status region;
//   - the results are links reached with Tab from the search box;
//   - without JavaScript the page shows the A–Ö index (.az-list) with
//     every action and indicator of every programme (from /data/*.json);
//   - the search function in Node gives the same first results as the
//     page (the index and the script are the site's own).
// Prints the index sizes (raw, gzip, brotli) and the search latency: the
// search function over the queries in Node and in the browser, and the
// time from the last keystroke to the results on screen.
// Usage: node tests/browser/test-search.mjs SITE_DIR
// Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { walk, pageUrlPath, serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { describe, pass, fail, expect, run, watchdog } from './lib/tally.mjs';

const TOP = 3;
const REPEAT = 50; // timing runs of each query

// What a resident types, and what must be among the first TOP results:
//   title: a result whose title matches; page: a result at that path
//   (under the site's base); code: the first result has this code.
const QUERIES = {
	fi: [
		// Inflected and compound forms (issue 8).
		{ q: 'palvelu', title: /palveluiden/i },
		{ q: 'palvelu', title: /asiakaspalvelu/i },
		{ q: 'sähköinen', title: /sähköisen|sähköiset/i },
		{ q: 'A1', code: 'A1' },
		{ q: 'K13', code: 'K13' },
		// Everyday queries with one clearly right page.
		{ q: 'kirjasto', page: '/fi/digiohjelma-2020-2023/toimenpiteet/t2-11/' },
		{ q: 'ruokahävikki', page: '/fi/digiohjelma-2024-2026/toimenpiteet/b6/' },
		{ q: 'vieraslajit', page: '/fi/digiohjelma-2024-2026/toimenpiteet/p8/' },
		{ q: 'allekirjoitus', page: '/fi/digiohjelma-2020-2023/toimenpiteet/t2-17/' },
		{ q: 'verkkokauppa', page: '/fi/digiohjelma-2020-2023/toimenpiteet/t3-04/' },
		{ q: 'kyberturvallisuus', page: '/fi/digiohjelma-2024-2026/toimenpiteet/p6/' },
		{ q: 'ajanvaraus', page: '/fi/digiohjelma-2024-2026/toimenpiteet/p17/' },
		{ q: 'hiilijalanjälki', page: '/fi/digiohjelma-2024-2026/toimenpiteet/b9/' },
		{ q: 'kameravalvonta', page: '/fi/digiohjelma-2024-2026/toimenpiteet/k26/' },
		{ q: 'etävastaanotto', page: '/fi/digiohjelma-2020-2023/toimenpiteet/t3-10/' },
		// A compound typed whole finds it, not the pages with its first
		// part only (tekoäly); a compound's last part finds it (mittari).
		{ q: 'tekoälyrekisteri', page: '/fi/digiohjelma-2024-2026/toimenpiteet/k21/' },
		{ q: 'vesimittari', code: 'C24' },
		// With or without the hyphen (eKuitteja).
		{ q: 'e-kuitti', page: '/fi/digiohjelma-2024-2026/toimenpiteet/p19/' },
		{ q: 'ekuitti', page: '/fi/digiohjelma-2024-2026/toimenpiteet/p19/' },
	],
	sv: [
		{ q: 'tjänst', title: /tjänster/i },
		{ q: 'tjänst', title: /e-tjänst/i },
		{ q: 'A1', code: 'A1' },
		{ q: 'K13', code: 'K13' },
		{ q: 'bibliotek', page: '/sv/digiprogrammet-2020-2023/atgarder/t2-11/' },
		{ q: 'matsvinn', page: '/sv/digiprogrammet-2024-2026/atgarder/b6/' },
		{ q: 'främmande arter', page: '/sv/digiprogrammet-2024-2026/atgarder/p8/' },
		{ q: 'underskrift', page: '/sv/digiprogrammet-2020-2023/atgarder/t2-17/' },
		{ q: 'webbutik', page: '/sv/digiprogrammet-2024-2026/matare/kopen-i-webbutiken-euro/' },
		{ q: 'cybersäkerhet', page: '/sv/digiprogrammet-2024-2026/atgarder/p6/' },
		{ q: 'tidsbokning', page: '/sv/digiprogrammet-2024-2026/atgarder/p17/' },
		{ q: 'koldioxidavtryck', page: '/sv/digiprogrammet-2024-2026/atgarder/b9/' },
		{ q: 'kameraövervakning', page: '/sv/digiprogrammet-2024-2026/atgarder/k26/' },
		{ q: 'distansmottagning', page: '/sv/digiprogrammet-2020-2023/atgarder/t3-10/' },
		{ q: 'vattenmätare', code: 'C24' },
		// The word itself first, not a page with a word that merely
		// begins alike (dagliga).
		{ q: 'daghemsplats', code: '2.3' },
		{ q: 'intranät', code: 'C5' },
		{ q: 'bygglov', page: '/sv/digiprogrammet-2024-2026/atgarder/c26/' },
		// With or without the hyphen (e-fakturering).
		{ q: 'e-faktura', page: '/sv/digiprogrammet-2024-2026/atgarder/b10/' },
		{ q: 'efaktura', page: '/sv/digiprogrammet-2024-2026/atgarder/b10/' },
	],
};
const NOTHING = 'qxzqxzqxz';

const siteDir = path.resolve(process.argv[2] || 'build/site');
const base = basePath(siteDir);
const read = (f) => fs.readFileSync(path.join(siteDir, f), 'utf8');
const searchPages = walk(siteDir)
	.filter((f) => f.endsWith('/index.html') && /<form[^>]*\bid="search-form"/.test(read(f)))
	.map((f) => {
		const html = read(f);
		return {
			path: pageUrlPath(f),
			lang: (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1],
			index: (html.match(/<form[^>]*\bid="search-form"[^>]*\sdata-index="([^"]+)"/) || [])[1],
		};
	});

describe('pages', 'search pages, each with its index');
describe('top-3', `the expected page among the first ${TOP} results, typed in the browser`);
describe('node-agrees', 'the search function in Node ranks the same first results as the page');
describe('announced', 'the role=status region gives the number of results');
describe('keyboard', 'Tab from the search box reaches the result links in order; Enter follows one');
describe('no-js', 'without JavaScript: no search form, the A–Ö index of every action and indicator');
describe('words', "a query's words as the index's (the cases of check_core's test_words_each)");

let server = null;
let browser = null;
const cleanup = async () => {
	if (browser) await browser.close();
	if (server) await server.close();
};
watchdog(240, cleanup);

// The site's search.js as a function library (as in Node: no document).
function loadSearch(source) {
	const module = { exports: {} };
	new Function('module', 'document', source)(module, undefined);
	return module.exports;
}
const searchSource = read('static/search.js');
const lib = loadSearch(searchSource);

// Queries are split and lowercased as porta's words.c does for the index:
// the same text gives the same words there (tests/unit/check_core.c).
{
	const text = 'ÄÖÅ äöå Straße ÿ x×y a÷b ÀÞ e-TJÄNST Őz Łł Žž Ÿ ĸſ İstanbul-İzmir STRAẞE 5\u212a-\u212b';
	const want = 'äöå äöå straße ÿ x y a b àþ etjänst őz łł žž ÿ ĸſ i stanbuli zmir straße 5kå';
	const got = lib.words(text).join(' ');
	expect('words', got === want, 'static/search.js', `words() gives "${got}", the index "${want}"`);
}

// A site path under the base ("/fi/x/" -> "/mini/fi/x/").
const served = (p) => base + p.slice(1);
const short = (r) => `${r.code ? r.code + ' ' : ''}${r.title.slice(0, 60)} (${r.path})`;

// Does a case hold for these results (best first)? Returns the problem.
function judge(c, results) {
	const top = results.slice(0, TOP);
	if (c.code) {
		if (!results.length) return 'no results';
		return results[0].code === c.code ? '' : `the first result is ${short(results[0])}`;
	}
	if (c.page) return top.some((r) => r.path === served(c.page)) ? '' : (() => {
		const at = results.findIndex((r) => r.path === served(c.page));
		return `${c.page} is ${at < 0 ? 'not found at all' : `result ${at + 1} of ${results.length}`}`;
	})();
	if (top.some((r) => c.title.test(r.title))) return '';
	const at = results.findIndex((r) => c.title.test(r.title));
	return `no title matching ${c.title} in the first ${TOP}; the first is at ${at < 0 ? 'none' : `${at + 1}: ${short(results[at])}`}`;
}
const what = (c) => (c.code ? `code ${c.code} first` : c.page ? c.page : `a title matching ${c.title}`);

// --- In the page ------------------------------------------------------------

function resultsNow() {
	const status = document.getElementById('search-status');
	return {
		query: new URLSearchParams(location.search).get('q'),
		status: status ? status.textContent.trim() : null,
		results: [...document.querySelectorAll('#search-results li')].map((li) => {
			const a = li.querySelector('a');
			const code = a && a.querySelector('.code');
			return {
				path: a ? a.pathname : null,
				code: code ? code.textContent.trim() : '',
				title: a ? [...a.childNodes].filter((n) => !(n.classList && n.classList.contains('code'))).map((n) => n.textContent).join('').trim() : '',
			};
		}),
	};
}

function focused() {
	const e = document.activeElement;
	if (!e || e === document.body) return null;
	return { tag: e.tagName.toLowerCase(), id: e.id, path: e.pathname || null, inResults: !!e.closest('#search-results') };
}

// The search function timed in the page over the queries, and the time
// from an input event to the results shown (debounce included).
async function timeInPage({ source, index, queries, repeat }) {
	const module = { exports: {} };
	new Function('module', 'document', source)(module, undefined);
	const { search } = module.exports;
	const data = await (await fetch(index)).json();
	let t = performance.now();
	search(data, queries[0]);
	const first = performance.now() - t;
	for (let i = 0; i < 10; i++) for (const q of queries) search(data, q); // warm up
	const per = [];
	for (const q of queries) {
		t = performance.now();
		for (let i = 0; i < repeat; i++) search(data, q);
		per.push((performance.now() - t) / repeat);
	}
	// Keystroke to screen: the page's own handler, timed by the status
	// region's change.
	const input = document.getElementById('search-input');
	const status = document.getElementById('search-status');
	const shown = [];
	for (const q of queries) {
		input.value = '';
		input.dispatchEvent(new Event('input'));
		await new Promise((r) => setTimeout(r, 200));
		const done = new Promise((resolve) => {
			const mo = new MutationObserver(() => {
				if (status.textContent) {
					mo.disconnect();
					resolve(performance.now());
				}
			});
			mo.observe(status, { childList: true, characterData: true, subtree: true });
		});
		input.value = q;
		const start = performance.now();
		input.dispatchEvent(new Event('input'));
		shown.push((await done) - start);
	}
	return { first, per, shown };
}

// --- Helpers ------------------------------------------------------------------

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const ms = (x) => `${x < 1 ? x.toFixed(3) : x.toFixed(2)} ms`;
const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];

// Types a query into the search box like a person and waits for its results.
async function typeQuery(page, q) {
	await page.fill('#search-input', '');
	await page.click('#search-input');
	await page.keyboard.type(q);
	await page.waitForFunction((want) => {
		const s = document.getElementById('search-status');
		return new URLSearchParams(location.search).get('q') === want && s && s.textContent.trim() !== '';
	}, q, { timeout: 5000 });
	return page.evaluate(resultsNow);
}

// Every action and indicator page of a language, from the open data.
function dataPages(lang) {
	const out = new Map();
	for (const f of walk(siteDir).filter((x) => /^\/data\/[^/]+\.json$/.test(x) && !x.endsWith('/schema.json'))) {
		let data;
		try {
			data = JSON.parse(read(f));
		} catch {
			continue;
		}
		for (const item of [...(data.actions || []), ...(data.indicators || [])]) {
			const u = item.url && item.url[lang];
			if (u) out.set(new URL(u).pathname, item.title ? item.title[lang] : item.name[lang]);
		}
	}
	return out;
}

async function checkSearchPage(context, sp) {
	const cases = QUERIES[sp.lang];
	const where = sp.path;
	if (!cases) {
		fail('pages', where, `no queries for language ${sp.lang}: add them to QUERIES`);
		return;
	}
	const indexFile = sp.index && sp.index.startsWith(base) ? '/' + sp.index.slice(base.length) : sp.index;
	let index = null;
	try {
		index = JSON.parse(read(indexFile));
	} catch (e) {
		fail('pages', where, `the index ${sp.index}: ${e.message}`);
		return;
	}
	expect('pages', index.language === sp.lang && index.docs.length > 0 && Object.keys(index.terms).length > 0, where,
		`the index ${sp.index} is for "${index.language}" with ${index.docs.length} documents`);

	// Sizes.
	const raw = fs.readFileSync(path.join(siteDir, indexFile));
	const gz = zlib.gzipSync(raw, { level: 6 }).length;
	const gz9 = zlib.gzipSync(raw, { level: 9 }).length;
	const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
	console.log(`index ${sp.index}: ${index.docs.length} documents, ${Object.keys(index.terms).length} stems; ` +
		`${raw.length} bytes (${kB(raw.length)}) raw, ${gz} (${kB(gz)}) gzip -6, ${gz9} gzip -9, ${br} (${kB(br)}) brotli 11`);

	// Node: the same function over the same index.
	const nodeResults = new Map();
	const queries = [...new Set(cases.map((c) => c.q))];
	const toResult = (r) => ({ path: r.doc[0], code: r.doc[1], title: r.doc[2] });
	const fresh = JSON.parse(raw.toString('utf8')); // no stem list cached yet
	let t = process.hrtime.bigint();
	lib.search(fresh, queries[0]);
	const nodeFirst = Number(process.hrtime.bigint() - t) / 1e6;
	for (const q of queries) nodeResults.set(q, lib.search(index, q).map(toResult));
	for (let i = 0; i < 10; i++) for (const q of queries) lib.search(index, q); // warm up
	const nodePer = [];
	for (const q of queries) {
		t = process.hrtime.bigint();
		for (let i = 0; i < REPEAT; i++) lib.search(index, q);
		nodePer.push(Number(process.hrtime.bigint() - t) / 1e6 / REPEAT);
	}

	// The browser: type every query.
	const page = await context.newPage();
	page.setDefaultTimeout(10000);
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const url = server.origin + base + sp.path.slice(1);
	const t0 = Date.now();
	await page.goto(url, { waitUntil: 'load' });
	const ready = await page.waitForFunction(() => !document.getElementById('search-form').hidden, null, { timeout: 5000 })
		.then(() => true, () => false);
	const loadMs = Date.now() - t0;
	if (!expect('pages', ready, where, 'the search form is still hidden: the index did not load')) {
		await page.close();
		return;
	}
	const role = await page.evaluate(() => {
		const s = document.getElementById('search-status');
		return s && (s.getAttribute('role') || s.getAttribute('aria-live'));
	});
	expect('announced', role === 'status' || role === 'polite', where, `#search-status is not a live region (${role})`);
	const pattern = await page.evaluate(() => {
		const s = document.getElementById('search-status');
		return { found: s.getAttribute('data-found'), none: s.getAttribute('data-none') };
	});
	const browserResults = new Map();
	for (const q of [...queries, NOTHING]) {
		const r = await typeQuery(page, q);
		browserResults.set(q, r);
		const n = q === NOTHING ? 0 : nodeResults.get(q).length;
		const want = n ? pattern.found.replace('{n}', n) : pattern.none;
		expect('announced', r.status === want, where, `"${q}": the status says "${r.status}", expected "${want}"`);
		if (q === NOTHING) continue;
		const nodeTop = nodeResults.get(q).slice(0, TOP).map((x) => x.path).join(' ');
		const pageTop = r.results.slice(0, TOP).map((x) => x.path).join(' ');
		expect('node-agrees', nodeTop === pageTop, where, `"${q}": Node ranks ${nodeTop}, the page ${pageTop}`);
	}
	for (const c of cases) {
		const r = browserResults.get(c.q);
		const problem = judge(c, r.results);
		expect('top-3', problem === '', where, () => `"${c.q}" should give ${what(c)}: ${problem}; the first ${TOP}: ` +
			r.results.slice(0, TOP).map(short).join(' | '));
	}

	// Keyboard: from the search box, Tab goes to the button, then the
	// results in order; Enter on one opens it.
	const kq = cases.find((c) => c.page) ? cases.find((c) => c.page).q : cases[0].q;
	const kr = await typeQuery(page, kq);
	await page.focus('#search-input');
	const visited = [];
	for (let i = 0; i < 6 && visited.length < Math.min(3, kr.results.length); i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(focused);
		if (f && f.inResults) visited.push(f.path);
		else if (visited.length) break;
	}
	const want = kr.results.slice(0, Math.min(3, kr.results.length)).map((x) => x.path);
	expect('keyboard', want.length > 0 && visited.join(' ') === want.join(' '), where,
		`"${kq}": Tab reaches ${visited.join(' ') || 'no result'}; expected ${want.join(' ')}`);
	if (visited.length) {
		await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
		const at = new URL(page.url()).pathname;
		expect('keyboard', at === visited[visited.length - 1], where, `Enter on ${visited[visited.length - 1]} opens ${at}`);
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForFunction(() => !document.getElementById('search-form').hidden, null, { timeout: 5000 });
	}

	// Latency in the page: the function, and keystroke to screen.
	const timing = await page.evaluate(timeInPage, { source: searchSource, index: sp.index, queries, repeat: REPEAT });
	const sum = (l) => l.reduce((a, b) => a + b, 0);
	console.log(`latency ${sp.lang} (${queries.length} queries, ${REPEAT} runs each): ` +
		`Node first call ${ms(nodeFirst)} (builds the stem list), then mean ${ms(sum(nodePer) / nodePer.length)}, slowest ${ms(Math.max(...nodePer))} ("${queries[nodePer.indexOf(Math.max(...nodePer))]}"); ` +
		`Chromium first call ${ms(timing.first)}, then mean ${ms(sum(timing.per) / timing.per.length)}, slowest ${ms(Math.max(...timing.per))}; ` +
		`keystroke to results on screen median ${ms(median(timing.shown))}, slowest ${ms(Math.max(...timing.shown))} (120 ms of it is search.js waiting for typing to pause); ` +
		`page load to search ready ${loadMs} ms`);
	if (errors.length) fail('pages', where, `script errors: ${errors.join(' | ')}`);
	await page.close();

	// Without JavaScript: the form stays hidden, the A–Ö index lists every
	// action and indicator.
	const nojs = await context.newPage();
	const cdp = await context.newCDPSession(nojs);
	await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
	await nojs.goto(url, { waitUntil: 'load' });
	const az = await nojs.evaluate(() => {
		const visible = (e) => !!e && e.getClientRects().length > 0;
		const links = [...document.querySelectorAll('.az-list a[href]')];
		const notice = [...document.querySelectorAll('main .notice')].filter(visible).map((e) => e.textContent.trim()).join(' ');
		return {
			formShown: visible(document.getElementById('search-form')),
			lists: document.querySelectorAll('.az-list').length,
			links: links.map((a) => a.pathname),
			hidden: links.filter((a) => !visible(a)).length,
			headings: [...document.querySelectorAll('.az-list')].map((l) => l.previousElementSibling?.textContent.trim() || ''),
			notice,
		};
	});
	await cdp.detach().catch(() => {});
	await nojs.close();
	const expected = dataPages(sp.lang);
	const got = new Set(az.links);
	const missing = [...expected.keys()].filter((p) => !got.has(p));
	const extra = az.links.filter((p) => !expected.has(p));
	const dups = az.links.filter((p, i) => az.links.indexOf(p) !== i);
	expect('no-js', !az.formShown, where, 'the search form shows without JavaScript');
	expect('no-js', az.lists > 0 && az.hidden === 0, where, `${az.lists} .az-list, ${az.hidden} of its links not visible`);
	expect('no-js', missing.length === 0, where, `missing from the A–Ö index: ${missing.map((p) => `${p} "${expected.get(p)}"`).join(', ')}`);
	expect('no-js', extra.length === 0 && dups.length === 0, where, `the A–Ö index also has ${[...extra, ...dups.map((d) => d + ' (twice)')].join(', ')}`);
	const collator = new Intl.Collator(sp.lang);
	const order = az.headings.filter(Boolean);
	const sortedOrder = [...order].sort(collator.compare);
	expect('no-js', order.join('') === sortedOrder.join(''), where, `the A–Ö letters are ${order.join(' ')}, in ${sp.lang} order ${sortedOrder.join(' ')}`);
	console.log(`A–Ö ${where} without JavaScript: ${az.links.length} links (${expected.size} actions and indicators in the open data), letters ${order.join(' ')}; notice: "${az.notice}"`);
}

await run(async () => {
	if (!searchPages.length) {
		fail('pages', siteDir, 'no page has a search form (#search-form)');
		return;
	}
	server = await serve(siteDir, base);
	browser = await launch();
	for (const sp of searchPages) await checkSearchPage(browser.context, sp);
}, cleanup);
