// porta's browser tests, over every page of a built site:
//   axe-core (WCAG 2.0/2.1/2.2 A and AA rules), reflow at 320 CSS px,
//   the skip link, visible focus indicators, the language switch,
//   no Content-Security-Policy violation, the Nu Html Checker on every
//   HTML, CSS and SVG file, and the contrast of the theme's chart colours.
// Usage: node tests/browser/suite.mjs SITE_DIR [--theme DIR]
// Prints each failure with the page and the rule, a summary line per
// check, and "N passed, N failed" last. Exit status 0 only if none failed.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { walk, pageUrlPath, fileFor, serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { pageFacts, activeInfo, focusIndicators, overflow } from './lib/inpage.mjs';
import { rootProperties, resolve, parseColour, contrast } from './lib/contrast.mjs';
import { linkFacts, checkLinks } from './lib/links.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const REFLOW_WIDTH = 320;
const CHART_COLOURS = ['--done', '--started', '--planned', '--cancelled', '--unknown'];
const CHART_BACKGROUNDS = ['--paper', '--wash'];

const args = process.argv.slice(2);
let siteDir = null;
let themeDir = path.join(repo, 'themes/default');
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--theme') themeDir = path.resolve(args[++i]);
	else if (!siteDir) siteDir = path.resolve(args[i]);
}
if (!siteDir) {
	console.error('usage: node tests/browser/suite.mjs SITE_DIR [--theme DIR]');
	process.exit(2);
}

// Every check counts a pass or a failure per page (or per file, per pair).
const checks = new Map();
function check(name) {
	if (!checks.has(name)) checks.set(name, { passed: 0, failed: 0, notes: [] });
	return checks.get(name);
}
function pass(name) {
	check(name).passed++;
}
function report(name, where, message) {
	console.log(`FAIL ${name} ${where}: ${message}`);
}
function fail(name, where, message) {
	check(name).failed++;
	report(name, where, message);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

// --- The site on disk -----------------------------------------------------
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
	console.log(`FAIL site ${siteDir}: no index.html; build the site first (make site)`);
	console.log('0 passed, 1 failed');
	process.exit(1);
}
const files = walk(siteDir);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const cssFiles = files.filter((f) => f.endsWith('.css'));
const svgFiles = files.filter((f) => f.endsWith('.svg'));
// The site's own paths ("/fi/") are served under its base_url's path
// ("/mini/fi/"); sitePath maps a served path back (null if outside).
const base = basePath(siteDir);
const sitePath = (p) => (p.startsWith(base) ? '/' + p.slice(base.length) : null);
// The language of every page, read from its <html lang>.
const pageLang = new Map();
for (const f of htmlFiles) {
	const m = fs.readFileSync(path.join(siteDir, f), 'utf8').match(/<html[^>]*\slang="([^"]*)"/i);
	pageLang.set(pageUrlPath(f), m ? m[1] : null);
}

// --- Nu Html Checker: started first, it runs beside the browser ----------
function runVnu() {
	const jar = path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
	const targets = [...htmlFiles, ...cssFiles, ...svgFiles].map((f) => path.join(siteDir, f));
	return new Promise((done) => {
		if (!fs.existsSync(jar)) {
			done({ error: `${jar} not found: run ./setup` });
			return;
		}
		const java = process.env.JAVA || 'java';
		const child = spawn(java, ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json',
			'--also-check-css', '--also-check-svg', ...targets], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', (e) => done({ error: `cannot run ${java}: ${e.message} (run ./setup)` }));
		child.on('close', (code) => {
			const text = (err.trim().startsWith('{') ? err : out).trim();
			try {
				done({ messages: JSON.parse(text).messages || [], code });
			} catch {
				done({ error: `vnu exited ${code} without JSON: ${(err || out).slice(0, 500)}` });
			}
		});
	});
}
const vnuRun = runVnu();

// --- The browser checks -------------------------------------------------
// Pages are checked by JOBS tabs (BROWSER_JOBS, default 3) of one browser
// at once: much of the time goes on waiting, not computing. Each page's
// results are printed in file order when all are done.
const JOBS = Math.max(1, Number(process.env.BROWSER_JOBS) || 3);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const external = new Map(); // url -> first page that asked for it
const pagePath = new Map(); // tab -> the page it is checking
const server = await serve(siteDir, base);
const browser = await launch({
	onExternal: (url, request) => {
		if (external.has(url)) return;
		let from = '(unknown page)';
		try {
			from = pagePath.get(request.frame().page()) || from;
		} catch {
			/* a request of no page */
		}
		external.set(url, from);
	},
});
const { context } = browser;
await context.addInitScript({ content: axeSource });
// Every Content-Security-Policy violation of a page, from its first byte
// on (Chromium also logs each one to the console; both are read).
await context.addInitScript(() => {
	window.__cspViolations = [];
	document.addEventListener('securitypolicyviolation', (e) =>
		window.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}` +
			`${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}`));
});

// One page's results: passes and failures per check, and its lines.
function pageResults(urlPath) {
	// A check counts once per page, passed or failed; every failure is
	// printed.
	const res = { lines: [], passes: [], fails: [] };
	res.pass = (name) => res.passes.push(name);
	res.fail = (name, message) => {
		if (!res.fails.includes(name)) res.fails.push(name);
		res.lines.push(`FAIL ${name} ${urlPath}: ${message}`);
	};
	res.note = (line) => res.lines.push(line);
	return res;
}

async function checkPage(page, badResponses, cspMessages, file) {
	const urlPath = pageUrlPath(file);
	const r = pageResults(urlPath);
	const url = server.origin + base + urlPath.slice(1);
	pagePath.set(page, urlPath);
	badResponses.length = 0;
	cspMessages.length = 0;
	await page.setViewportSize({ width: 1280, height: 800 });
	const response = await page.goto(url, { waitUntil: 'load' });
	if (!response || response.status() !== 200) {
		r.fail('load', `status ${response ? response.status() : 'none'}`);
		return r;
	}
	const facts = await page.evaluate(pageFacts);
	r.linkFacts = await page.evaluate(linkFacts);

	// Skip link: the first Tab reaches it; Enter moves focus to <main>;
	// the Tab after that goes on inside or after <main>.
	await page.keyboard.press('Tab');
	if (facts.focusableBeforeMain === 0) {
		r.noSkipNeeded = true;
	} else {
		const first = await page.evaluate(activeInfo);
		if (first.tag !== 'a' || !first.href || !first.href.startsWith('#') || first.href.length < 2) {
			r.fail('skip-link', `the first Tab reaches ${first.tag}${first.href ? ` href="${first.href}"` : ''} "${first.text || ''}", not a skip link to the main content`);
		} else if (!first.visible) {
			r.fail('skip-link', `the skip link "${first.text}" is focused but not visible on screen`);
		} else {
			await page.keyboard.press('Enter');
			const target = await page.evaluate(activeInfo);
			if (!(target.isMain || target.inMain || target.containsMain) || target.id !== first.href.slice(1)) {
				r.fail('skip-link', `activating "${first.text}" (${first.href}) leaves focus on ${target.tag}${target.id ? '#' + target.id : ''}, not the main content`);
			} else {
				await page.keyboard.press('Tab');
				const next = await page.evaluate(activeInfo);
				if (next.tag && next.tag !== 'body' && !next.afterMainStart)
					r.fail('skip-link', `after the skip link, Tab goes back to ${next.tag} "${next.text}" before the main content`);
				else r.pass('skip-link');
			}
		}
	}

	// Focus indicators: keyboard focus counts as :focus-visible from the
	// Tab presses above on.
	const focus = await page.evaluate(focusIndicators);
	r.focusChecked = focus.checked;
	if (focus.problems.length) {
		for (const p of focus.problems.slice(0, 5)) r.fail('focus-visible', p);
		if (focus.problems.length > 5) {
			r.note(`  ... and ${focus.problems.length - 5} more on ${urlPath}`);
		}
	} else r.pass('focus-visible');

	// Language switch: in each other language the page has, a link in
	// that language goes to its hreflang alternate, a page that exists
	// and is written in that language, and whose own alternate for this
	// language comes back here. A page whose alternates are all other
	// pages (the root's language choice) must link to every one of them.
	const own = facts.alternates[facts.lang];
	const chooser = Object.keys(facts.alternates).length > 0 && (!own || sitePath(new URL(own).pathname) !== urlPath);
	const others = Object.keys(facts.alternates).filter((l) => l !== 'x-default' && (chooser || l !== facts.lang));
	if (others.length === 0) {
		r.noOtherLanguage = true;
	} else {
		const problems = [];
		for (const lang of others) {
			const alt = new URL(facts.alternates[lang]);
			const altPath = sitePath(alt.pathname);
			const links = facts.links.filter((l) => l.lang === lang || l.hreflang === lang);
			const link = links.find((l) => new URL(l.href).pathname === alt.pathname);
			if (!link) {
				const sw = facts.links.filter((l) => l.inLangSwitch);
				problems.push(`no link in language ${lang} to its hreflang alternate ${alt.pathname}` +
					(sw.length ? ` (the switch has ${sw.map((l) => `${l.rawHref} lang=${l.lang}`).join(', ')})` : ' (no language switch)'));
				continue;
			}
			if (link.hreflang !== null && link.hreflang !== lang)
				problems.push(`the link to ${alt.pathname} says hreflang="${link.hreflang}", expected ${lang}`);
			if (!altPath || !fileFor(siteDir, altPath)) {
				problems.push(`the ${lang} page ${alt.pathname} does not exist${altPath ? '' : ` (outside the site's ${base})`}`);
				continue;
			}
			const targetLang = pageLang.get(altPath);
			if (targetLang !== lang) problems.push(`the ${lang} page ${alt.pathname} has <html lang="${targetLang}">`);
			if (chooser) continue;
			const back = fs.readFileSync(fileFor(siteDir, altPath), 'utf8')
				.match(new RegExp(`<link rel="alternate" hreflang="${facts.lang}" href="([^"]*)"`));
			if (!back) problems.push(`the ${lang} page ${alt.pathname} has no hreflang="${facts.lang}" alternate back`);
			else if (sitePath(new URL(back[1]).pathname) !== urlPath)
				problems.push(`the ${lang} page ${alt.pathname} leads back to ${new URL(back[1]).pathname}, not here`);
		}
		r.chooser = chooser;
		if (problems.length) for (const p of problems) r.fail('language-switch', p);
		else r.pass('language-switch');
	}

	// axe-core, at the desktop width.
	const axe = await page.evaluate(
		(tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
		AXE_TAGS,
	);
	r.axeIncomplete = axe.incomplete.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	if (axe.violations.length) {
		for (const v of axe.violations) {
			const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
			const more = v.nodes.length > 3 ? ` (and ${v.nodes.length - 3} more)` : '';
			const detail = v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join(' ').trim();
			r.fail('axe', `${v.id} (${v.impact}): ${v.help} — ${where}${more}${detail ? ` — ${detail}` : ''}`);
		}
	} else r.pass('axe');

	// Reflow: nothing scrolls sideways at 320 CSS px (WCAG 1.4.10).
	await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 });
	const flow = await page.evaluate(overflow);
	if (flow.scrollWidth > REFLOW_WIDTH)
		r.fail('reflow-320', `scrolls sideways: scrollWidth ${flow.scrollWidth} > ${REFLOW_WIDTH}` +
			(flow.offenders.length ? `; sticking out: ${flow.offenders.join(', ')}` : ''));
	else r.pass('reflow-320');

	if (badResponses.length) for (const b of badResponses) r.fail('resources', b);
	else r.pass('resources');

	// Content-Security-Policy: nothing the page's own policy refuses
	// (inline scripts, styles or handlers, files from elsewhere) after
	// everything above has run its scripts.
	const csp = await page.evaluate(() => ({
		policy: !!document.querySelector('meta[http-equiv="Content-Security-Policy" i]'),
		violations: window.__cspViolations || [],
	}));
	r.hasPolicy = csp.policy;
	const violations = [...new Set([...csp.violations, ...cspMessages])];
	if (violations.length) for (const v of violations.slice(0, 5)) r.fail('csp', v);
	else r.pass('csp');
	return r;
}

async function worker(queue, results) {
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	const badResponses = [];
	page.on('response', (resp) => {
		if (resp.status() >= 400 && resp.request().resourceType() !== 'document')
			badResponses.push(`${resp.status()} ${resp.url()}`);
	});
	page.on('pageerror', (e) => badResponses.push(`script error: ${e.message}`));
	const cspMessages = [];
	page.on('console', (m) => {
		if (/Content[ -]Security[ -]Policy/i.test(m.text())) cspMessages.push(m.text().split('\n')[0]);
	});
	for (let i = queue.next++; i < htmlFiles.length; i = queue.next++) {
		try {
			results[i] = await checkPage(page, badResponses, cspMessages, htmlFiles[i]);
		} catch (e) {
			results[i] = pageResults(pageUrlPath(htmlFiles[i]));
			results[i].fail('browser', e.message.split('\n')[0]);
		}
	}
	await page.close();
}

const results = [];
const queue = { next: 0 };
await Promise.all(Array.from({ length: JOBS }, () => worker(queue, results)));
const noSkipNeeded = [];
const noOtherLanguage = [];
const choosers = [];
let focusChecked = 0;
let withPolicy = 0;
const axeIncomplete = new Map(); // rule -> pages
results.forEach((r, i) => {
	const urlPath = pageUrlPath(htmlFiles[i]);
	for (const line of r.lines) console.log(line);
	for (const name of r.passes) check(name).passed++;
	for (const name of r.fails) check(name).failed++;
	if (r.noSkipNeeded) noSkipNeeded.push(urlPath);
	if (r.noOtherLanguage) noOtherLanguage.push(urlPath);
	if (r.chooser) choosers.push(urlPath);
	focusChecked += r.focusChecked || 0;
	if (r.hasPolicy) withPolicy++;
	for (const item of r.axeIncomplete || []) {
		const rule = item.split(':')[0];
		axeIncomplete.set(rule, (axeIncomplete.get(rule) || 0) + 1);
		if (process.env.AXE_REVIEW) console.log(`review axe ${urlPath}: ${item}`);
	}
});
await browser.close();
await server.close();
for (const [url, from] of external) fail('no-external-requests', from, `asked for ${url}`);
// Links between pages, once every page's ids are known: a check counts
// once per page, and every problem is printed.
const linkPages = results.map((r, i) => ({ urlPath: pageUrlPath(htmlFiles[i]), facts: r.linkFacts }));
for (const p of checkLinks(linkPages, { siteDir, origin: server.origin, base, sitePath })) {
	for (const [name, problems] of [['link-target', p.broken], ['link-fragment', p.missing]]) {
		if (problems.length === 0) pass(name);
		else check(name).failed++;
		for (const m of problems) report(name, p.urlPath, m);
	}
}
if (external.size === 0) pass('no-external-requests');
const browserSeconds = seconds();

// --- Chart colours against the backgrounds, 3:1 ---------------------------
{
	const cssPath = path.join(themeDir, 'static/style.css');
	let props = null;
	try {
		props = rootProperties(fs.readFileSync(cssPath, 'utf8'));
	} catch (e) {
		fail('chart-contrast', cssPath, e.message);
	}
	if (props) {
		for (const fg of CHART_COLOURS) {
			for (const bg of CHART_BACKGROUNDS) {
				try {
					const a = parseColour(resolve(props, fg));
					const b = parseColour(resolve(props, bg));
					const r = contrast(a, b);
					if (r < 3) fail('chart-contrast', path.relative(repo, cssPath), `${fg} (${resolve(props, fg)}) on ${bg} (${resolve(props, bg)}) is ${r.toFixed(2)}:1, needs 3:1`);
					else {
						pass('chart-contrast');
						check('chart-contrast').notes.push(`${fg}/${bg} ${r.toFixed(2)}`);
					}
				} catch (e) {
					fail('chart-contrast', path.relative(repo, cssPath), `${fg} on ${bg}: ${e.message}`);
				}
			}
		}
	}
}

// --- Nu Html Checker results --------------------------------------------
const vnu = await vnuRun;
if (vnu.error) {
	fail('vnu', siteDir, vnu.error);
} else {
	const errors = new Map();
	for (const m of vnu.messages) {
		if (m.type !== 'error' && m.type !== 'non-document-error' && m.subType !== 'fatal') continue;
		let f = m.url ? decodeURIComponent(m.url.replace(/^file:(\/\/)?/, '')) : '(vnu)';
		f = f.startsWith(siteDir) ? f.slice(siteDir.length) : f;
		if (!errors.has(f)) errors.set(f, []);
		errors.get(f).push(m);
	}
	for (const f of [...htmlFiles, ...cssFiles, ...svgFiles]) {
		const list = errors.get(f);
		if (!list) {
			pass('vnu');
			continue;
		}
		check('vnu').failed++;
		for (const m of list.slice(0, 5))
			report('vnu', f, `${m.lastLine ? `line ${m.lastLine}: ` : ''}${m.message}${m.extract ? ` — ${JSON.stringify(m.extract.trim().slice(0, 80))}` : ''}`);
		if (list.length > 5) console.log(`  ... and ${list.length - 5} more in ${f}`);
		errors.delete(f);
	}
	for (const [f, list] of errors) for (const m of list) fail('vnu', f, m.message);
}

// --- Summary -------------------------------------------------------------
const line = (name, what) => {
	const c = check(name);
	console.log(`${name}: ${what} — ${c.passed} ok, ${c.failed} failed`);
};
console.log(`site ${siteDir} (served under ${base}): ${htmlFiles.length} HTML, ${cssFiles.length} CSS, ${svgFiles.length} SVG files`);
line('axe', `${htmlFiles.length} pages, tags ${AXE_TAGS.join(' ')} (left for review, AXE_REVIEW=1 lists them: ${[...axeIncomplete].map(([k, n]) => `${k} on ${n} pages`).join(', ') || 'none'})`);
line('reflow-320', `${htmlFiles.length} pages at ${REFLOW_WIDTH} CSS px`);
line('skip-link', `${htmlFiles.length - noSkipNeeded.length} pages (not needed, nothing before <main>: ${noSkipNeeded.join(' ') || 'none'})`);
line('focus-visible', `${htmlFiles.length} pages, ${focusChecked} focusable elements`);
line('language-switch', `${htmlFiles.length - noOtherLanguage.length} pages (language choice: ${choosers.join(' ') || 'none'}; no other language: ${noOtherLanguage.join(' ') || 'none'})`);
line('resources', `${htmlFiles.length} pages load their files`);
line('csp', `${htmlFiles.length} pages (${withPolicy} with a Content-Security-Policy): no violation logged`);
line('link-target', `${htmlFiles.length} pages: every link leads to a file of the site`);
line('link-fragment', `${htmlFiles.length} pages: every #fragment to an id of its page`);
line('no-external-requests', 'every request stays on 127.0.0.1');
line('vnu', `${htmlFiles.length} HTML, ${cssFiles.length} CSS, ${svgFiles.length} SVG files, errors only`);
line('chart-contrast', `${CHART_COLOURS.length} chart colours on ${CHART_BACKGROUNDS.join(' and ')} (${check('chart-contrast').notes.join(', ')})`);
console.log(`time: browser ${browserSeconds} s, all ${seconds()} s`);
let passed = 0;
let failed = 0;
for (const c of checks.values()) {
	passed += c.passed;
	failed += c.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
