// Full-page screenshots of a built site, for a person to look at: the
// front page, an action, an indicator and (when the site has one) the
// latest follow-up report, in every language, 320 and 1280 CSS px wide.
// Usage: node tests/browser/screenshots.mjs [SITE_DIR [OUT_DIR]] [--theme DIR]
//        (defaults: build/site, build/screenshots, themes/default)
// Writes OUT_DIR/<lang>-<page>-<width>.png and lists what it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { walk, serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const WIDTHS = [320, 1280];

const args = process.argv.slice(2);
const positional = [];
let themeDir = path.join(repo, 'themes/default');
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--theme') themeDir = path.resolve(args[++i]);
	else positional.push(path.resolve(args[i]));
}
const siteDir = positional[0] || path.join(repo, 'build/site');
const outDir = positional[1] || path.join(repo, 'build/screenshots');
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
	console.error(`screenshots: ${siteDir} has no index.html; build the site first (make site)`);
	process.exit(1);
}

// The address words of a language (paths: in the theme's i18n file).
function pathWords(lang) {
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

const base = basePath(siteDir);
const files = walk(siteDir).filter((f) => f.endsWith('/index.html'));
const rootHtml = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
const languages = [...rootHtml.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1])
	.filter((l) => fs.existsSync(path.join(siteDir, l, 'index.html')));
if (languages.length === 0) languages.push(...fs.readdirSync(siteDir).filter((d) => fs.existsSync(path.join(siteDir, d, 'index.html'))));

// The biggest page among some: the one with most to look at.
const biggest = (list) => list
	.map((f) => [f, fs.statSync(path.join(siteDir, f)).size])
	.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];

// The same page in another language, from its hreflang alternate.
function alternate(file, lang) {
	const html = fs.readFileSync(path.join(siteDir, file), 'utf8');
	const m = html.match(new RegExp(`<link rel="alternate" hreflang="${lang}" href="([^"]+)"`));
	if (!m) return null;
	const p = new URL(m[1], 'http://x/').pathname;
	if (!p.startsWith(base)) return null;
	const f = '/' + p.slice(base.length) + (p.endsWith('/') ? 'index.html' : '');
	return fs.existsSync(path.join(siteDir, f)) ? f : null;
}

// The pages of the first language, found by their addresses; the others
// follow their alternates so that the same page is shown in each.
const first = languages[0];
const words = pathWords(first);
const home = fs.readFileSync(path.join(siteDir, first, 'index.html'), 'utf8');
// The current programme is the one the front page links to.
const progMatch = words.actions &&
	home.match(new RegExp(`href="${base}${first}/([^/"]+)/${words.actions}/"`));
const programme = progMatch ? progMatch[1] : null;
const under = (word, depth) => {
	if (!programme || !word) return [];
	const prefix = `/${first}/${programme}/${word}/`;
	return files.filter((f) => f.startsWith(prefix) && f.slice(prefix.length).split('/').length === depth + 1);
};
const wanted = [['front', `/${first}/index.html`]];
const action = biggest(under(words.actions, 1).filter((f) => /<h1[^>]*><span class="code">/.test(fs.readFileSync(path.join(siteDir, f), 'utf8'))));
if (action) wanted.push(['action', action]);
else console.log('screenshots: no action page found');
const indicator = biggest(under(words.indicators, 1));
if (indicator) wanted.push(['indicator', indicator]);
else console.log('screenshots: no indicator page found');
const followUps = under(words.follow_up, 1).filter((f) => /\/\d{4}\/index\.html$/.test(f)).sort();
if (followUps.length) wanted.push(['follow-up', followUps[followUps.length - 1]]);
else console.log('screenshots: no follow-up report page (skipped)');

const shots = [];
for (const [name, file] of wanted) {
	for (const lang of languages) {
		const f = lang === first ? file : alternate(file, lang);
		if (!f) {
			console.log(`screenshots: ${name} ${file} has no ${lang} version (skipped)`);
			continue;
		}
		shots.push({ name, lang, file: f });
	}
}

fs.mkdirSync(outDir, { recursive: true });
const server = await serve(siteDir, base);
const browser = await launch();
const page = browser.context.pages()[0] || (await browser.context.newPage());
try {
	for (const s of shots) {
		const urlPath = s.file.replace(/index\.html$/, '');
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(server.origin + base + urlPath.slice(1), { waitUntil: 'load' });
			const out = path.join(outDir, `${s.lang}-${s.name}-${width}.png`);
			await page.screenshot({ path: out, fullPage: true });
			console.log(`${path.relative(process.cwd(), out)}  ${urlPath}`);
		}
	}
} finally {
	await browser.close();
	await server.close();
}
