// The action filters (issue 3), in Chromium, on every action list page
// with a filter form (#filter-form, shown by static/filter.js):
//   - checking only one box shows exactly the actions of the page
//     generated for that value (linked from the list of facets at the
//     bottom of the page, nav.facets), for every facet value;
//   - two boxes of different facets show the intersection of their
//     generated pages (every theme with every status, and one pair for
//     each other two facets); two boxes of one facet show the union;
//   - the number shown is announced in the role=status live region;
//   - the choice is kept in the address, and loading such an address
//     (?status=started&theme=a) restores the boxes and the result;
//   - every box is reached with Tab, in order, and Space toggles it;
//   - the reset button shows every action again.
// Usage: node tests/browser/test-filters.mjs SITE_DIR
// Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { walk, pageUrlPath, serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { describe, pass, fail, expect, run, watchdog } from './lib/tally.mjs';

const siteDir = path.resolve(process.argv[2] || 'build/site');
const base = basePath(siteDir);
const listPages = walk(siteDir)
	.filter((f) => f.endsWith('/index.html') && /<form[^>]*\bid="filter-form"/.test(fs.readFileSync(path.join(siteDir, f), 'utf8')))
	.map(pageUrlPath);

describe('lists', 'action list pages with a filter form');
describe('no-js', 'without JavaScript the form is hidden and the facet pages are linked');
describe('form-shown', 'filter.js shows the form');
describe('facet-links', 'every box has its generated page in the facet list, and every page its box');
describe('label-count', 'the count beside a box is the number of actions on its page');
describe('one-value', 'one box checked = the actions of its generated page');
describe('two-facets', 'two facets checked = the intersection of their pages');
describe('one-facet-two-values', 'two values of one facet = the union of their pages');
describe('announced', 'the role=status region says how many are shown, after every change');
describe('address', 'the choice in the address, and restored from it on load');
describe('keyboard', 'Tab reaches every box in order, Space toggles it');
describe('reset', 'the reset button shows every action again');

let server = null;
let browser = null;
const cleanup = async () => {
	if (browser) await browser.close();
	if (server) await server.close();
};
watchdog(240, cleanup);

// --- In the page ------------------------------------------------------------

// The form's facets and boxes, the facet list's pages, and the live region.
function formFacts() {
	const norm = (s) => s.replace(/\s+/g, ' ').trim();
	const countOf = (e) => {
		const c = e && e.querySelector('.count');
		const m = c && c.textContent.match(/\d+/);
		return m ? Number(m[0]) : null;
	};
	const textWithoutCount = (e) => {
		const copy = e.cloneNode(true);
		for (const x of copy.querySelectorAll('.count, input')) x.remove();
		return norm(copy.textContent);
	};
	const form = document.getElementById('filter-form');
	const result = document.getElementById('filter-result');
	const facets = [...form.querySelectorAll('fieldset')].map((fs) => ({
		legend: norm(fs.querySelector('legend')?.textContent || ''),
		boxes: [...fs.querySelectorAll('input[type=checkbox]')].map((b) => ({
			name: b.name,
			value: b.value,
			label: textWithoutCount(b.closest('label') || b.parentElement),
			count: countOf(b.closest('label')),
		})),
	}));
	const nav = [...document.querySelectorAll('nav.facets details, nav.facets section')].map((d) => ({
		summary: norm(d.querySelector('summary, h3')?.textContent || ''),
		links: [...d.querySelectorAll('a[href]')].map((a) => ({
			text: textWithoutCount(a),
			path: a.pathname,
			count: countOf(a.parentElement),
		})),
	}));
	return {
		shown: !form.hidden && form.getClientRects().length > 0,
		facets,
		nav,
		items: document.querySelectorAll('#filterable li[data-facets]').length,
		result: result && {
			role: result.getAttribute('role'),
			live: result.getAttribute('aria-live'),
			pattern: result.getAttribute('data-pattern'),
			none: result.getAttribute('data-none'),
		},
	};
}

// What the list shows now: the action links that can be seen, sections
// shown without a visible action, the live region's text, the address.
function shownNow() {
	const visible = (e) => e.getClientRects().length > 0;
	const items = [...document.querySelectorAll('#filterable li[data-facets]')];
	const links = items.filter(visible).map((li) => li.querySelector('a.item-title, a[href]')?.pathname);
	const emptySections = [...document.querySelectorAll('#filterable section')]
		.filter((s) => visible(s) && !items.some((li) => s.contains(li) && visible(li)))
		.map((s) => s.querySelector('h2, h3')?.textContent.replace(/\s+/g, ' ').trim());
	const checked = [...document.querySelectorAll('#filter-form input[type=checkbox]:checked')]
		.map((b) => `${b.name}=${b.value}`);
	return {
		links,
		emptySections,
		status: document.getElementById('filter-result')?.textContent.trim() ?? null,
		search: location.search,
		checked,
	};
}

// The action links of generated facet pages, fetched and parsed by the
// browser: { path: [action paths] }.
async function generatedLinks(paths) {
	const out = {};
	await Promise.all(paths.map(async (p) => {
		const response = await fetch(p);
		const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
		out[p] = response.ok ? [...doc.querySelectorAll('main li[data-facets]')]
			.map((li) => new URL(li.querySelector('a.item-title, a[href]')?.getAttribute('href'), location.href).pathname) : null;
	}));
	return out;
}

function focused() {
	const e = document.activeElement;
	if (!e || e === document.body) return null;
	return {
		tag: e.tagName.toLowerCase(),
		type: e.getAttribute('type'),
		name: e.getAttribute('name'),
		value: e.getAttribute('value'),
		inForm: !!e.closest('#filter-form'),
		checked: !!e.checked,
	};
}

// --- Helpers ------------------------------------------------------------------

const key = (b) => `${b.name}=${b.value}`;
const sorted = (list) => [...list].sort();
const sameSet = (a, b) => a.length === b.length && sorted(a).every((x, i) => x === sorted(b)[i]);
function difference(got, want) {
	const g = new Set(got);
	const w = new Set(want);
	const missing = want.filter((x) => !g.has(x));
	const extra = got.filter((x) => !w.has(x));
	const dups = got.filter((x, i) => got.indexOf(x) !== i);
	const short = (l) => l.map((p) => p.replace(/\/$/, '').split('/').pop()).join(' ');
	return [missing.length ? `missing ${short(missing)}` : '', extra.length ? `extra ${short(extra)}` : '',
		dups.length ? `twice ${short(dups)}` : ''].filter(Boolean).join('; ');
}
const expectedStatus = (facts, n) => (n ? facts.result.pattern.replace('{n}', n) : facts.result.none);

// Sets the boxes to exactly the wanted ones (keys "name=value") by clicking.
// A click waits for the box to be visible, still and not covered, unless
// quick (then it only clicks where the box is).
async function choose(page, wanted, quick = true) {
	const now = (await page.evaluate(shownNow)).checked;
	for (const k of now) if (!wanted.includes(k)) await box(page, k).setChecked(false, { force: quick });
	for (const k of wanted) if (!now.includes(k)) await box(page, k).setChecked(true, { force: quick });
	return page.evaluate(shownNow);
}
function box(page, k) {
	const [name, value] = k.split('=');
	return page.locator(`#filter-form input[type=checkbox][name="${name}"][value="${value}"]`);
}

// --- One list page ------------------------------------------------------------

async function checkList(page, listPath) {
	const url = server.origin + base + listPath.slice(1);
	const html = fs.readFileSync(path.join(siteDir, listPath, 'index.html'), 'utf8');
	const formTag = html.match(/<form[^>]*\bid="filter-form"[^>]*>/)[0];
	expect('no-js', /\shidden(\s|>|=)/.test(formTag) && /<nav class="facets"/.test(html), listPath,
		`without JavaScript the form should be hidden and nav.facets present (form: ${formTag})`);

	await page.goto(url, { waitUntil: 'load' });
	await page.waitForFunction(() => !document.getElementById('filter-form').hidden, null, { timeout: 5000 }).catch(() => {});
	const facts = await page.evaluate(formFacts);
	if (!expect('form-shown', facts.shown, listPath, 'the filter form is still hidden after load')) return;
	expect('announced', facts.result && (facts.result.role === 'status' || facts.result.live === 'polite'), listPath,
		`#filter-result is not a live region (role=${facts.result?.role}, aria-live=${facts.result?.live})`);
	const initial = await page.evaluate(shownNow);
	expect('announced', initial.status === '', listPath, `before any choice the live region already says "${initial.status}"`);
	const all = initial.links;

	// Boxes and facet pages, matched by the facet's name and the value's
	// words; the pages are fetched and parsed in the list page.
	const generated = new Map(); // key -> links of its page
	const boxes = [];
	const pairs = [];
	for (const facet of facts.facets) {
		const group = facts.nav.find((n) => n.summary === facet.legend);
		if (!expect('facet-links', !!group, listPath, `no facet list group "${facet.legend}" (the list has: ${facts.nav.map((n) => n.summary).join(', ')})`)) continue;
		for (const b of facet.boxes) {
			const link = group.links.find((l) => l.text === b.label);
			if (expect('facet-links', !!link, listPath, `box ${key(b)} "${b.label}" has no page in "${facet.legend}" (pages: ${group.links.map((l) => l.text).join(', ')})`))
				pairs.push([b, link, facet]);
		}
		for (const l of group.links)
			expect('facet-links', facet.boxes.some((b) => b.label === l.text), listPath, `the page ${l.path} "${l.text}" has no box in "${facet.legend}"`);
	}
	for (const n of facts.nav)
		if (!facts.facets.some((f) => f.legend === n.summary)) fail('facet-links', listPath, `facet list group "${n.summary}" has no fieldset in the form`);
	const pages = await page.evaluate(generatedLinks, pairs.map(([, link]) => link.path));
	for (const [b, link, facet] of pairs) {
		const links = pages[link.path];
		if (!expect('facet-links', Array.isArray(links), listPath, `the page ${link.path} does not load`)) continue;
		generated.set(key(b), links);
		boxes.push({ ...b, facet: facet.legend, page: link.path });
		expect('label-count', b.count === links.length && (link.count === null || link.count === links.length), listPath,
			`${key(b)}: the box says (${b.count}), the facet list (${link.count}), its page ${link.path} lists ${links.length}`);
	}

	// Checks the list after a choice against the expected links.
	const verify = async (name, wanted, want, what, quick = true) => {
		const now = await choose(page, wanted, quick);
		const diff = difference(now.links, want);
		expect(name, diff === '' && now.emptySections.length === 0, listPath,
			`${what}: ${diff || `sections shown with nothing in them: ${now.emptySections.join(', ')}`}`);
		const status = expectedStatus(facts, want.length);
		expect('announced', now.status === status, listPath, `${what}: the live region says "${now.status}", expected "${status}"`);
		const params = [...new URLSearchParams(now.search)].map(([k, v]) => `${k}=${v}`);
		expect('address', sameSet(params, wanted), listPath, `${what}: the address has "${now.search}"`);
		return now;
	};

	// Every value alone (the first facet's boxes clicked as a person would:
	// visible, not covered).
	for (const b of boxes)
		await verify('one-value', [key(b)], generated.get(key(b)), `only ${key(b)} (page ${b.page})`, b.name !== boxes[0].name);

	// Pairs of facets: every theme with every status when the programme has
	// both, else the first two facets; one pair (the largest values) for
	// each other two facets.
	const facetNames = [...new Set(boxes.map((b) => b.name))];
	const valuesOf = (name) => boxes.filter((b) => b.name === name);
	const largest = (name) => [...valuesOf(name)].sort((a, b) => b.count - a.count)[0];
	const [fa, fb] = facetNames.includes('theme') && facetNames.includes('status') ? ['theme', 'status'] : facetNames;
	const combos = [];
	if (fa && fb) for (const a of valuesOf(fa)) for (const b of valuesOf(fb)) combos.push([a, b]);
	for (let i = 0; i < facetNames.length; i++)
		for (let j = i + 1; j < facetNames.length; j++) {
			const pair = [facetNames[i], facetNames[j]];
			if (pair.includes(fa) && pair.includes(fb)) continue;
			combos.push([largest(pair[0]), largest(pair[1])]);
		}
	for (const [a, b] of combos) {
		const inB = new Set(generated.get(key(b)));
		const want = generated.get(key(a)).filter((x) => inB.has(x));
		await verify('two-facets', [key(a), key(b)], want, `${key(a)} + ${key(b)}`);
	}

	// Two values of one facet.
	const several = facetNames.find((n) => valuesOf(n).length >= 2);
	if (several) {
		const [a, b] = valuesOf(several);
		const want = [...new Set([...generated.get(key(a)), ...generated.get(key(b))])];
		await verify('one-facet-two-values', [key(a), key(b)], want, `${key(a)} or ${key(b)}`);
	}

	// Reset: everything again, the address without a query.
	await choose(page, combos.length ? [key(combos[0][0]), key(combos[0][1])] : []);
	await page.locator('#filter-form button[type=reset]').click();
	await page.waitForFunction(() => !location.search, null, { timeout: 2000 }).catch(() => {});
	const afterReset = await page.evaluate(shownNow);
	expect('reset', afterReset.checked.length === 0 && sameSet(afterReset.links, all) && afterReset.search === '', listPath,
		`after reset: checked ${afterReset.checked.join(' ') || 'none'}, ${afterReset.links.length} of ${all.length} shown, address "${afterReset.search}"`);
	expect('announced', afterReset.status === expectedStatus(facts, all.length), listPath,
		`after reset the live region says "${afterReset.status}"`);

	// The address: status first, as someone might type or share it.
	const pick = (name, value) => boxes.find((b) => b.name === name && (value === undefined || b.value === value));
	let pair = pick('theme') && pick('status', 'started') ? [pick('status', 'started'), pick('theme')] : combos[0];
	if (pair) {
		const query = pair.map((b) => `${encodeURIComponent(b.name)}=${encodeURIComponent(b.value)}`).join('&');
		await page.goto(`${url}?${query}`, { waitUntil: 'load' });
		await page.waitForFunction(() => !document.getElementById('filter-form').hidden, null, { timeout: 5000 }).catch(() => {});
		const now = await page.evaluate(shownNow);
		const inB = new Set(generated.get(key(pair[1])));
		const want = generated.get(key(pair[0])).filter((x) => inB.has(x));
		const diff = difference(now.links, want);
		expect('address', sameSet(now.checked, pair.map(key)) && diff === '', listPath,
			`loading ?${query}: checked ${now.checked.join(' ') || 'none'}${diff ? `; list: ${diff}` : ''}`);
		expect('announced', now.status === expectedStatus(facts, want.length), listPath,
			`loading ?${query}: the live region says "${now.status}", expected "${expectedStatus(facts, want.length)}"`);
		// The page's own reload keeps it too.
		await page.reload({ waitUntil: 'load' });
		const again = await page.evaluate(shownNow);
		expect('address', sameSet(again.checked, pair.map(key)) && difference(again.links, want) === '', listPath,
			`after reloading ?${query}: checked ${again.checked.join(' ') || 'none'}, ${again.links.length} shown, ${want.length} expected`);
	}

	// Keyboard: Tab from the top until the first box, then on through
	// every box in order; Space checks and unchecks.
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForFunction(() => !document.getElementById('filter-form').hidden, null, { timeout: 5000 }).catch(() => {});
	let f = null;
	let presses = 0;
	for (; presses < 150; presses++) {
		await page.keyboard.press('Tab');
		f = await page.evaluate(focused);
		if (f && f.inForm) break;
	}
	const order = [];
	while (f && f.inForm && f.type === 'checkbox' && order.length <= boxes.length) {
		order.push(`${f.name}=${f.value}`);
		await page.keyboard.press('Tab');
		f = await page.evaluate(focused);
	}
	const want = facts.facets.flatMap((x) => x.boxes.map(key));
	expect('keyboard', order.join(' ') === want.join(' '), listPath,
		`Tab visits ${order.length ? order.join(' ') : 'no box'} (after ${presses} presses); expected ${want.join(' ')}`);
	expect('keyboard', f && f.inForm && f.tag === 'button', listPath, `after the last box Tab goes to ${f ? f.tag : 'nothing'}, not the reset button`);
	// Back to the first box, Space twice.
	if (order.length) {
		await page.keyboard.press('Shift+Tab');
		for (let i = 0; i < 150; i++) {
			const g = await page.evaluate(focused);
			if (g && `${g.name}=${g.value}` === order[0]) break;
			await page.keyboard.press('Shift+Tab');
		}
		await page.keyboard.press('Space');
		const on = await page.evaluate(shownNow);
		const first = order[0];
		expect('keyboard', sameSet(on.checked, [first]) && difference(on.links, generated.get(first) || []) === '', listPath,
			`Space on ${first}: checked ${on.checked.join(' ') || 'none'}, ${on.links.length} shown, ${(generated.get(first) || []).length} expected`);
		expect('announced', on.status === expectedStatus(facts, (generated.get(first) || []).length), listPath,
			`Space on ${first}: the live region says "${on.status}"`);
		await page.keyboard.press('Space');
		const off = await page.evaluate(shownNow);
		expect('keyboard', off.checked.length === 0 && sameSet(off.links, all), listPath,
			`Space again on ${first}: checked ${off.checked.join(' ') || 'none'}, ${off.links.length} of ${all.length} shown`);
	}
	return { boxes: boxes.length, combos: combos.length, actions: facts.items };
}

await run(async () => {
	if (!listPages.length) {
		fail('lists', siteDir, 'no page has a filter form (#filter-form)');
		return;
	}
	server = await serve(siteDir, base);
	browser = await launch();
	const page = await browser.context.newPage();
	page.setDefaultTimeout(10000);
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	for (const listPath of listPages) {
		errors.length = 0;
		const t = Date.now();
		const r = await checkList(page, listPath);
		pass('lists');
		if (errors.length) fail('lists', listPath, `script errors: ${errors.join(' | ')}`);
		if (r) console.log(`${listPath}: ${r.actions} actions, ${r.boxes} facet values, ${r.combos} pairs, ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}
}, cleanup);
