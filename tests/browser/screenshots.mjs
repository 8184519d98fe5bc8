// Full-page screenshots of a built site, for a person to look at: the
// front page, an action, an indicator and (when the site has one) the
// latest follow-up report, in every language, 320 and 1280 CSS px wide.
// With --forced-colors, each also in forced colours (Windows' high
// contrast modes), with the light and the dark system palette.
// Usage: node tests/browser/screenshots.mjs [SITE_DIR [OUT_DIR]] [--theme DIR] [--forced-colors]
//        (defaults: build/site, build/screenshots, themes/default)
// Writes OUT_DIR/<lang>-<page>-<width>.png (and
// <lang>-<page>-<width>-forced-light.png, -forced-dark.png) and lists
// what it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { representativePages } from './lib/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const WIDTHS = [320, 1280];

const args = process.argv.slice(2);
const positional = [];
let themeDir = path.join(repo, 'themes/default');
let forced = false;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--theme') themeDir = path.resolve(args[++i]);
	else if (args[i] === '--forced-colors') forced = true;
	else positional.push(path.resolve(args[i]));
}
const siteDir = positional[0] || path.join(repo, 'build/site');
const outDir = positional[1] || path.join(repo, 'build/screenshots');
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
	console.error(`screenshots: ${siteDir} has no index.html; build the site first (make site)`);
	process.exit(1);
}

const { base, pages, skipped } = representativePages(siteDir, themeDir);
for (const s of skipped) console.log(`screenshots: ${s} (skipped)`);
const shots = pages;

fs.mkdirSync(outDir, { recursive: true });
const server = await serve(siteDir, base);
const browser = await launch();
const page = browser.context.pages()[0] || (await browser.context.newPage());
try {
	// Forced colours as Chromium emulates them; asked for again after each
	// page has loaded, since a full-page screenshot makes Chromium forget
	// them for the documents that follow.
	const modes = [['', { forcedColors: 'none', colorScheme: 'light' }]];
	if (forced)
		for (const palette of ['light', 'dark'])
			modes.push([`-forced-${palette}`, { forcedColors: 'active', colorScheme: palette }]);
	for (const s of shots) {
		const urlPath = s.file.replace(/index\.html$/, '');
		for (const width of WIDTHS) {
			for (const [suffix, media] of modes) {
				await page.setViewportSize({ width, height: 800 });
				await page.emulateMedia(media);
				await page.goto(server.origin + base + urlPath.slice(1), { waitUntil: 'load' });
				await page.emulateMedia(media);
				const out = path.join(outDir, `${s.lang}-${s.name}-${width}${suffix}.png`);
				await page.screenshot({ path: out, fullPage: true });
				console.log(`${path.relative(process.cwd(), out)}  ${urlPath}`);
			}
		}
	}
} finally {
	await browser.close();
	await server.close();
}
