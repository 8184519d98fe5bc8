// Forced colours and reduced motion (issue 5), in Chromium, on one page of
// each kind in every language (front, programme, theme, actions list, a
// facet's page, an action, indicators list, an indicator with its chart,
// roadmap, follow-up report, search with results, open data) and the
// root page.
// In forced colours (page.emulateMedia({ forcedColors: 'active' }), with
// the light and the dark system palette):
//   - the status bars and legend squares keep a colour per status, the
//     same in bar and legend, each 3:1 against what is behind it; the
//     charts' bars, target line, gaps and axes stand out 3:1, the target
//     and gaps dashed so that they differ from bars by shape;
//   - Tab shows a focus outline that is not none or transparent and
//     stands out 3:1, on the first elements in order and on every
//     focusable element (lib/inpage.mjs's focusIndicators);
//   - text, HTML and SVG, stands out 4.5:1 from what is behind it; search
//     words marked in results still look marked; the link to the current
//     page looks different from the others of its navigation;
//   - nothing is hidden: the page shows the same text and as many boxes
//     as without forced colours;
//   - a chart's SVG file (linked for embedding) keeps its marks and text
//     visible with its own styles.
// With reducedMotion 'reduce': no element or ::before/::after has a
// transition or animation longer than 0.01 s, none scrolls smoothly, and
// the stylesheet stops motion it does not know of yet (an element given
// a transition, an animation and smooth scrolling of its own); scripts
// that scroll or animate ask for the preference.
// Usage: node tests/browser/test-forced-colors.mjs SITE_DIR
// Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { focusIndicators } from './lib/inpage.mjs';
import { representativePages } from './lib/pages.mjs';
import { describe, pass, fail, expect, run, watchdog } from './lib/tally.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = path.resolve(process.argv[2] || 'build/site');
const themeDir = path.resolve(here, '../../themes/default');
const PALETTES = ['light', 'dark'];
const TABS = 12; // Tab presses from the top of each page

describe('pages', 'a page of each kind in every language');
describe('forced', 'forced colours really apply (an author colour becomes a system colour)');
describe('status-marks', 'status bars and legend squares: visible 3:1, a colour per status, bar and legend alike');
describe('chart-marks', 'chart bars, target, gaps and axes visible 3:1; target and gaps dashed');
describe('focus-tab', `the first ${TABS} Tab stops show an outline (not none, not transparent, 3:1)`);
describe('focus-all', 'every focusable element shows a focus indicator 3:1');
describe('text', 'text stands out 4.5:1 from its background');
describe('current', 'the link to the current page looks different from the others in its list');
describe('highlight', 'words marked in search results still look marked');
describe('nothing-hidden', 'the same text and as many boxes as without forced colours');
describe('motion', 'reduced motion: no transition or animation over 0.01 s, no smooth scrolling');
describe('motion-guard', 'reduced motion: the stylesheet also stops motion added later');
describe('scripts', 'scripts that scroll smoothly or animate ask for prefers-reduced-motion');

let server = null;
let browser = null;
const cleanup = async () => {
	if (browser) await browser.close();
	if (server) await server.close();
};
watchdog(280, cleanup);

// --- In the page ------------------------------------------------------------
// These run inside the page (page.evaluate) and refer to nothing outside.

// Whether forced colours are on: the media query, and an element given a
// made-up background and text colour ending up with system colours.
function probeForced() {
	const d = document.createElement('div');
	d.style.cssText = 'position:absolute;width:1px;height:1px;background-color:rgb(1, 2, 3);color:rgb(4, 5, 6)';
	document.body.appendChild(d);
	const s = getComputedStyle(d);
	const r = {
		media: matchMedia('(forced-colors: active)').matches,
		applied: s.backgroundColor !== 'rgb(1, 2, 3)' && s.color !== 'rgb(4, 5, 6)',
		canvas: s.backgroundColor,
		canvasText: s.color,
	};
	d.remove();
	return r;
}

// Marks, text, highlights and what is shown, with the colours they are
// drawn in and the colour behind them.
function inspect() {
	const rgba = (s) => {
		const m = s && s.match(/rgba?\(([^)]*)\)/);
		if (!m) return null;
		const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
	};
	const lum = ([r, g, b]) => {
		const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
	const ratio = (a, b) => {
		if (!a || !b || a.a === 0) return 1;
		const [x, y] = [lum(a.rgb), lum(b.rgb)].sort((p, q) => q - p);
		return (x + 0.05) / (y + 0.05);
	};
	const name = (c) => (c ? `rgb(${c.rgb.join(', ')}${c.a < 1 ? ` / ${c.a}` : ''})` : 'none');
	// The colour something is seen against: the first opaque background
	// of it or its ancestors (SVG shapes have none of their own); in a
	// chart's SVG file, its background rectangle.
	const root = document.body || document.documentElement;
	const chartBack = document.body ? null : document.querySelector('.chart-background');
	const canvas = (chartBack && rgba(getComputedStyle(chartBack).fill)) ||
		rgba(getComputedStyle(document.documentElement).backgroundColor);
	const behind = (e, self = true) => {
		for (let p = self ? e : e.parentElement; p; p = p.parentElement) {
			const c = rgba(getComputedStyle(p).backgroundColor);
			if (c && c.a > 0.5) return c;
		}
		return canvas && canvas.a > 0.5 ? canvas : { rgb: [255, 255, 255], a: 1 };
	};
	const shown = (e) => {
		if (!e.getClientRects().length) return false;
		const s = getComputedStyle(e);
		return s.visibility !== 'hidden' && s.display !== 'none';
	};
	const describe = (e) => {
		const cls = typeof e.className === 'string' ? e.className : e.className?.baseVal || '';
		const text = e.textContent.trim().replace(/\s+/g, ' ').slice(0, 30);
		return `${e.tagName.toLowerCase()}${cls ? '.' + cls.trim().split(/\s+/).join('.') : ''}${text ? ` "${text}"` : ''}`;
	};

	// Status marks: the parts of each bar and the legend's squares.
	const status = [];
	const containers = [...document.querySelectorAll('.status-bar, .status-legend')];
	for (const e of document.querySelectorAll('.status-bar rect, .swatch')) {
		if (!shown(e)) continue;
		const s = getComputedStyle(e);
		const svg = e instanceof SVGElement;
		const paint = rgba(svg ? s.fill : s.backgroundColor);
		const edge = svg ? (s.stroke !== 'none' ? rgba(s.stroke) : null)
			: (parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none' ? rgba(s.borderTopColor) : null);
		const back = behind(e, false);
		status.push({
			what: describe(svg ? e.closest('svg') : e.parentElement),
			kind: svg ? 'bar' : 'legend',
			status: (e.getAttribute('class') || '').match(/status-([a-z-]+)/)?.[1] || '?',
			container: containers.indexOf(e.closest('.status-bar, .status-legend')),
			paint: name(paint),
			edge: name(edge),
			back: name(back),
			paintRatio: ratio(paint, back),
			edgeRatio: ratio(edge, back),
			adjust: s.forcedColorAdjust,
		});
	}

	// Chart marks: bars, target lines, gaps and axes of charts and
	// sparklines.
	const chart = [];
	for (const e of document.querySelectorAll('svg .chart-bar, svg .chart-target, svg .chart-gap, svg .chart-axis')) {
		if (!shown(e)) continue;
		const s = getComputedStyle(e);
		const kind = [...e.classList].find((c) => c.startsWith('chart-')).slice(6);
		const fill = s.fill !== 'none' ? rgba(s.fill) : null;
		const stroke = s.stroke !== 'none' && parseFloat(s.strokeWidth) > 0 ? rgba(s.stroke) : null;
		const back = behind(e.closest('svg'));
		chart.push({
			what: `${e.closest('svg').getAttribute('class')} ${kind}`,
			kind,
			fill: name(fill),
			stroke: name(stroke),
			back: name(back),
			fillRatio: fill && fill.a > 0 ? ratio(fill, back) : 0,
			strokeRatio: stroke && stroke.a > 0 ? ratio(stroke, back) : 0,
			dashed: s.strokeDasharray !== 'none' && s.strokeDasharray !== '',
		});
	}

	// Text: every element with words of its own that is shown on the
	// page (not moved off screen, as the skip link is until focused, nor
	// clipped to a pixel, as text for screen readers is).
	const texts = [];
	let textsChecked = 0;
	for (const e of root.querySelectorAll('*')) {
		if (!e.childNodes.length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
		if (e.closest('script, style, noscript, title, desc')) continue;
		if (!shown(e)) continue;
		const r = e.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1 || r.bottom + scrollY < 0 || r.right + scrollX < 0) continue;
		let opacity = 1;
		for (let p = e; p; p = p.parentElement) opacity *= Number(getComputedStyle(p).opacity);
		const s = getComputedStyle(e);
		const colour = rgba(e instanceof SVGElement ? s.fill : s.color);
		const back = behind(e);
		const k = ratio(colour, back);
		textsChecked++;
		if (k < 4.5 || opacity < 0.5)
			texts.push(`${describe(e)}: ${name(colour)} on ${name(back)}, ${k.toFixed(2)}:1${opacity < 0.5 ? `, opacity ${opacity}` : ''}`);
	}

	// Search words marked in results: a background of their own, or a
	// different text colour, and still readable.
	const marks = [...document.querySelectorAll('mark')].filter(shown).map((m) => {
		const s = getComputedStyle(m);
		const ps = getComputedStyle(m.parentElement);
		const bg = rgba(s.backgroundColor);
		const back = behind(m.parentElement);
		const own = bg && bg.a > 0.5 ? bg : back;
		const differs = name(own) !== name(back) || s.color !== ps.color ||
			s.fontWeight !== ps.fontWeight || s.textDecorationLine !== ps.textDecorationLine;
		return { text: m.textContent, differs, ratio: ratio(rgba(s.color), own), bg: name(own), color: s.color };
	});

	// The link to the current page in a list of links (the main
	// navigation, the years, the facets): drawn differently from the
	// others, by a border that shows, weight, decoration or background.
	const look = (a) => {
		const s = getComputedStyle(a);
		const back = behind(a, false);
		const side = (w, style, colour) => parseFloat(w) > 0 && style !== 'none' && ratio(rgba(colour), back) >= 3;
		const bg = rgba(s.backgroundColor);
		return [
			side(s.borderBottomWidth, s.borderBottomStyle, s.borderBottomColor) ? 'border' : '',
			Number(s.fontWeight) >= 600 ? 'bold' : '',
			s.textDecorationLine,
			bg && bg.a > 0.5 && ratio(bg, back) >= 1.5 ? 'background' : '',
		].join(' ');
	};
	const current = [];
	for (const a of document.querySelectorAll('nav a[aria-current="page"], nav a.in-section')) {
		if (!shown(a)) continue;
		const other = [...a.closest('nav').querySelectorAll('a')].find((b) => b !== a && shown(b) &&
			!b.matches('[aria-current="page"], .in-section'));
		if (other) current.push({ what: describe(a), look: look(a), other: look(other), otherWhat: describe(other) });
	}

	const boxes = [...root.querySelectorAll('*')].filter(shown).length;
	return { status, chart, texts, textsChecked, marks, current, boxes, innerText: root.innerText ?? root.textContent };
}

// The focused element's outline and shadow, after a Tab press.
function focusedLook() {
	const e = document.activeElement;
	if (!e || e === document.body) return null;
	const rgba = (s) => {
		const m = s && s.match(/rgba?\(([^)]*)\)/);
		if (!m) return null;
		const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
	};
	const lum = ([r, g, b]) => {
		const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
	const s = getComputedStyle(e);
	let back = [255, 255, 255];
	for (let p = e.parentElement; p; p = p.parentElement) {
		const c = rgba(getComputedStyle(p).backgroundColor);
		if (c && c.a > 0.5) {
			back = c.rgb;
			break;
		}
	}
	const colour = rgba(s.outlineColor);
	const outline = s.outlineStyle !== 'none' && s.outlineStyle !== 'hidden' && parseFloat(s.outlineWidth) >= 1 &&
		colour && colour.a > 0;
	const shadow = s.boxShadow !== 'none' && [...s.boxShadow.matchAll(/rgba?\([^)]*\)/g)].some((m) => rgba(m[0]).a > 0);
	const [x, y] = [lum(back), colour ? lum(colour.rgb) : lum(back)].sort((p, q) => q - p);
	const text = e.textContent.trim().replace(/\s+/g, ' ').slice(0, 30);
	return {
		what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${text ? ` "${text}"` : ''}`,
		outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
		boxShadow: s.boxShadow,
		visible: outline || shadow,
		ratio: outline ? (x + 0.05) / (y + 0.05) : null,
	};
}

// Every element and generated ::before/::after with a transition or
// animation longer than 0.01 s, and every one that scrolls smoothly.
function motion() {
	const seconds = (v) => Math.max(0, ...String(v).split(',').map((t) => {
		t = t.trim();
		if (t === 'auto' || t === '') return 0;
		return t.endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t);
	}).filter((n) => !Number.isNaN(n)));
	const describe = (e, pseudo) => {
		const cls = typeof e.className === 'string' ? e.className : e.className?.baseVal || '';
		return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls ? '.' + cls.trim().split(/\s+/).join('.') : ''}${pseudo || ''}`;
	};
	const moving = [];
	const smooth = [];
	let checked = 0;
	for (const e of document.querySelectorAll('*')) {
		for (const pseudo of [null, '::before', '::after']) {
			const s = getComputedStyle(e, pseudo);
			if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
			checked++;
			const t = seconds(s.transitionDuration);
			const a = seconds(s.animationDuration);
			if (t > 0.01) moving.push(`${describe(e, pseudo)}: transition ${s.transitionDuration} (${s.transitionProperty})`);
			if (a > 0.01) moving.push(`${describe(e, pseudo)}: animation ${s.animationDuration} (${s.animationName})`);
			if (!pseudo && s.scrollBehavior === 'smooth') smooth.push(describe(e));
		}
	}
	return { checked, moving, smooth };
}

// Motion the stylesheet does not know of: rules added at the end of the
// theme's stylesheet, not !important, as a later change to the theme
// might add them, giving an element and its ::before a transition, an
// animation and smooth scrolling. (Through the CSSOM: the pages' content
// security policy refuses <style> elements.)
function addMovingProbe() {
	const sheet = [...document.styleSheets].find((s) => s.href && /style\.css/.test(s.href)) || document.styleSheets[0];
	const first = sheet.cssRules.length;
	sheet.insertRule('@keyframes motion-probe { to { opacity: 0.5; } }', first);
	sheet.insertRule('.motion-probe, .motion-probe::before { transition: opacity 2s; animation: motion-probe 3s infinite; scroll-behavior: smooth; }', first + 1);
	sheet.insertRule('.motion-probe::before { content: "x"; }', first + 2);
	const d = document.createElement('div');
	d.className = 'motion-probe';
	d.textContent = 'probe';
	document.body.appendChild(d);
	const s = getComputedStyle(d, '::before');
	return s.content !== 'none';
}
function removeMovingProbe() {
	document.querySelector('.motion-probe')?.remove();
	const sheet = [...document.styleSheets].find((s) => s.href && /style\.css/.test(s.href)) || document.styleSheets[0];
	for (let i = sheet.cssRules.length - 1; i >= 0; i--)
		if (/motion-probe/.test(sheet.cssRules[i].cssText)) sheet.deleteRule(i);
}

// --- In Node -------------------------------------------------------------------

// A page once loaded and its scripts done: the filter and search forms
// shown, search results listed.
async function open(page, url, emulate) {
	await page.emulateMedia(emulate);
	await page.goto(url, { waitUntil: 'load' });
	// Chromium forgets forced colours for later documents after some
	// viewport changes; asking again after loading keeps them.
	await page.emulateMedia(emulate);
	await page.waitForFunction(() => !document.querySelector('#filter-form[hidden], #search-form[hidden]'), null, { timeout: 5000 }).catch(() => {});
	if (new URL(url).searchParams.get('q'))
		await page.waitForFunction(() => document.querySelector('#search-results li') || document.getElementById('search-status')?.textContent.trim(), null, { timeout: 5000 }).catch(() => {});
}

function checkStatusMarks(where, status) {
	if (!status.length) return 0;
	for (const m of status) {
		expect('status-marks', m.paintRatio >= 3, where,
			`${m.kind} ${m.status} in ${m.what}: ${m.paint} on ${m.back}, ${m.paintRatio.toFixed(2)}:1 (forced-color-adjust: ${m.adjust})`);
	}
	// A colour per status, in each bar and legend, and across them.
	const byContainer = new Map();
	for (const m of status) {
		if (!byContainer.has(m.container)) byContainer.set(m.container, new Map());
		byContainer.get(m.container).set(m.status, m.paint);
	}
	for (const [, colours] of byContainer) {
		const statuses = [...colours.keys()];
		const distinct = new Set(colours.values()).size;
		expect('status-marks', distinct === statuses.length, where,
			`${statuses.length} statuses drawn in ${distinct} colours: ${[...colours].map(([s, c]) => `${s} ${c}`).join(', ')}`);
	}
	const colourOf = new Map();
	for (const m of status) {
		if (!colourOf.has(m.status)) colourOf.set(m.status, m.paint);
		else if (colourOf.get(m.status) !== m.paint)
			fail('status-marks', where, `${m.status} is ${colourOf.get(m.status)} in one place and ${m.paint} in ${m.kind} ${m.what}`);
	}
	return status.length;
}

function checkChartMarks(where, chart) {
	for (const m of chart) {
		const filled = m.kind === 'bar';
		const ratio = filled ? m.fillRatio : m.strokeRatio;
		expect('chart-marks', ratio >= 3, where,
			`${m.what}: ${filled ? `fill ${m.fill}` : `stroke ${m.stroke}`} on ${m.back}, ${ratio.toFixed(2)}:1`);
		if (m.kind === 'target' || m.kind === 'gap')
			expect('chart-marks', m.dashed, where, `${m.what}: drawn solid, like a bar or an axis`);
		if (m.kind === 'gap')
			expect('chart-marks', m.fill === 'none' || m.fillRatio < 1.1, where, `${m.what}: filled with ${m.fill}, like a bar`);
	}
	return chart.length;
}

async function checkFocus(page, where) {
	// Tab from the top of the page.
	await page.evaluate(() => {
		document.activeElement?.blur?.();
		scrollTo(0, 0);
	});
	let seen = 0;
	for (let i = 0; i < TABS; i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(focusedLook);
		if (!f) continue;
		seen++;
		expect('focus-tab', f.visible && (f.ratio === null || f.ratio >= 3), where,
			`Tab ${i + 1} to ${f.what}: outline "${f.outline}", box-shadow "${f.boxShadow}"${f.ratio !== null ? `, ${f.ratio.toFixed(2)}:1` : ''}`);
	}
	expect('focus-tab', seen > 0, where, 'Tab focuses nothing');
	// Then every focusable element (after a real Tab, focus counts as
	// keyboard focus).
	const all = await page.evaluate(focusIndicators);
	for (const p of all.problems.slice(0, 10)) fail('focus-all', where, p);
	if (all.problems.length > 10) fail('focus-all', where, `and ${all.problems.length - 10} more`);
	if (!all.problems.length) pass('focus-all');
	return all.checked;
}

// One page: reduced motion and what it shows without forced colours,
// then each forced palette.
async function checkPage(page, p, url) {
	const where = `${p.lang} ${p.name} ${url.slice(server.origin.length)}`;

	await open(page, url, { forcedColors: 'none', reducedMotion: 'reduce', colorScheme: 'light' });
	const plain = await page.evaluate(inspect);
	const m = await page.evaluate(motion);
	for (const x of m.moving.slice(0, 5)) fail('motion', where, x);
	for (const x of m.smooth.slice(0, 5)) fail('motion', where, `scroll-behavior: smooth on ${x}`);
	if (!m.moving.length && !m.smooth.length) pass('motion');
	const added = await page.evaluate(addMovingProbe);
	const probe = await page.evaluate(motion);
	await page.evaluate(removeMovingProbe);
	expect('motion-guard', added, where, 'the rules with motion could not be added to the stylesheet');
	expect('motion-guard', !probe.moving.length && !probe.smooth.length, where,
		`an element of the page's own with motion keeps it: ${[...probe.moving, ...probe.smooth.map((x) => `smooth scrolling on ${x}`)].join('; ')}`);
	const summary = { marks: 0, chart: 0, texts: 0, focusable: 0 };

	for (const palette of PALETTES) {
		const here = `${where} [${palette}]`;
		await open(page, url, { forcedColors: 'active', reducedMotion: 'reduce', colorScheme: palette });
		const f = await page.evaluate(probeForced);
		if (!expect('forced', f.media && f.applied, here,
			`forced colours are not in effect (media query ${f.media}, a made-up colour became ${f.canvas})`)) continue;
		const forced = await page.evaluate(inspect);
		summary.marks = checkStatusMarks(here, forced.status);
		summary.chart = checkChartMarks(here, forced.chart);
		for (const t of forced.texts.slice(0, 10)) fail('text', here, t);
		if (forced.texts.length > 10) fail('text', here, `and ${forced.texts.length - 10} more`);
		if (!forced.texts.length) pass('text');
		summary.texts = forced.textsChecked;
		for (const mk of forced.marks)
			expect('highlight', mk.differs && mk.ratio >= 4.5, here,
				`<mark>${mk.text}</mark>: ${mk.differs ? '' : 'looks like the text around it, '}${mk.color} on ${mk.bg}, ${mk.ratio.toFixed(2)}:1`);
		for (const c of forced.current)
			expect('current', c.look !== c.other, here,
				`${c.what} looks like ${c.otherWhat} (${c.look.trim() || 'plain'})`);
		expect('nothing-hidden', forced.innerText === plain.innerText, here, () => {
			const a = plain.innerText.split('\n');
			const b = forced.innerText.split('\n');
			const i = a.findIndex((line, k) => line !== b[k]);
			return `the text differs from line ${i + 1}: "${a[i]}" without forced colours, "${b[i]}" with them`;
		});
		expect('nothing-hidden', forced.boxes === plain.boxes, here,
			`${forced.boxes} elements shown, ${plain.boxes} without forced colours`);
		summary.focusable = await checkFocus(page, here);

		// The chart as a file of its own (linked for embedding): its own
		// styles must follow forced colours too.
		const file = await page.evaluate(() => document.querySelector('main a[href$=".svg"]')?.href);
		if (file) {
			await open(page, file, { forcedColors: 'active', reducedMotion: 'reduce', colorScheme: palette });
			const svg = await page.evaluate(inspect);
			const there = `${here} ${new URL(file).pathname}`;
			summary.chartFile = checkChartMarks(there, svg.chart);
			for (const t of svg.texts.slice(0, 10)) fail('text', there, t);
			if (!svg.texts.length) pass('text');
		}
	}
	if (p.name === 'search')
		expect('highlight', plain.marks.length > 0, where, 'the search shows no marked words to check');
	console.log(`${where}: ${summary.marks} status marks, ${summary.chart} chart marks, ${summary.texts} texts, ` +
		`${summary.focusable} focusable, ${m.checked} styles for motion` +
		`${summary.chartFile ? `; ${summary.chartFile} marks in the chart's SVG file` : ''}`);
}

// Scripts of the theme that scroll smoothly or animate must look at the
// reader's preference.
function checkScripts() {
	const dir = path.join(siteDir, 'static');
	let files = [];
	try {
		files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
	} catch {
		return;
	}
	for (const f of files) {
		const js = fs.readFileSync(path.join(dir, f), 'utf8');
		const moves = /behavior\s*:\s*["']smooth|\.animate\s*\(|requestAnimationFrame/.test(js);
		expect('scripts', !moves || /prefers-reduced-motion/.test(js), `static/${f}`,
			'scrolls smoothly or animates without asking for prefers-reduced-motion');
	}
}

await run(async () => {
	const { base, pages, skipped } = representativePages(siteDir, themeDir, { all: true });
	for (const s of skipped) fail('pages', siteDir, s);
	const kinds = new Set(pages.map((p) => p.name));
	expect('pages', kinds.size >= 10, siteDir, `only ${kinds.size} kinds of page found: ${[...kinds].join(', ')}`);
	checkScripts();
	server = await serve(siteDir, base);
	browser = await launch();
	const page = await browser.context.newPage();
	page.setDefaultTimeout(10000);
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const list = [{ name: 'root', lang: '-', file: '/index.html' }, ...pages];
	for (const p of list) {
		let url = server.origin + base + p.file.replace(/index\.html$/, '').slice(1);
		// The search page with results: the first long word of its A–Ö
		// index, searched for.
		if (p.name === 'search') {
			const html = fs.readFileSync(path.join(siteDir, p.file), 'utf8');
			const az = html.match(/<ul class="az-list">[\s\S]*?<a [^>]*>([\s\S]*?)<\/a>/);
			const word = az && az[1].replace(/<[^>]*>/g, ' ').split(/[\s,.:;()–-]+/).find((w) => w.length >= 6);
			if (word) url += `?q=${encodeURIComponent(word.toLowerCase())}`;
		}
		errors.length = 0;
		await checkPage(page, p, url);
		pass('pages');
		if (errors.length) fail('pages', p.file, `script errors: ${errors.join(' | ')}`);
	}
}, cleanup);
