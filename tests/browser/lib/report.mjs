// The follow-up reports of a built site printed to A4 PDF by headless
// Chromium (make report-pdf, tests/browser/test-report-pdf.mjs).
// Pages are loaded at the site's public address (its base_url, from the
// root page's hreflang alternates) and answered from the local copy, so
// that the links in the PDF lead to the published site, not to the
// temporary server; nothing leaves the computer.
import fs from 'node:fs';
import path from 'node:path';
import { walk, pageUrlPath } from './site.mjs';

// The report pages: those with the follow-up report's <div class="report">.
export function reportPages(siteDir) {
	return walk(siteDir)
		.filter((f) => f.endsWith('/index.html'))
		.filter((f) => /<div class="report">/.test(fs.readFileSync(path.join(siteDir, f), 'utf8')))
		.map((f) => {
			const html = fs.readFileSync(path.join(siteDir, f), 'utf8');
			const urlPath = pageUrlPath(f);
			return {
				path: urlPath,
				lang: (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1] || '',
				file: urlPath.replace(/^\/|\/$/g, '').replace(/\//g, '-') + '.pdf',
			};
		});
}

// The origin the site is published at ("https://example.org"), or null.
export function publicOrigin(siteDir) {
	let html = '';
	try {
		html = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
	} catch {
		return null;
	}
	const m = html.match(/<link rel="alternate" hreflang="[^"]+" href="(https?:\/\/[^"]+)"/);
	try {
		return m ? new URL(m[1]).origin : null;
	} catch {
		return null;
	}
}

export const PDF_OPTIONS = {
	format: 'A4',
	preferCSSPageSize: true,
	printBackground: true,
	tagged: true,
	outline: true,
};

// Prints one report page to outFile. server: lib/site.mjs serve() of the
// site under base; origin: publicOrigin() or null (then the PDF's links
// go to the local server). Resolves to { bytes, ms, url, page }: the tab
// is left open on the page, for the caller to look at and close.
export async function printReport(context, server, base, origin, report, outFile) {
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	try {
		const at = origin || server.origin;
		if (origin) {
			await page.route(`${origin}/**`, async (route) => {
				const u = new URL(route.request().url());
				const response = await route.fetch({ url: server.origin + u.pathname + u.search, maxRedirects: 0 });
				await route.fulfill({ response });
			});
		}
		const url = at + base + report.path.slice(1);
		const t = Date.now();
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response || response.status() !== 200) throw new Error(`${url}: status ${response ? response.status() : 'none'}`);
		await page.evaluate(() => document.fonts.ready);
		const bytes = await page.pdf({ ...PDF_OPTIONS, path: outFile });
		return { bytes, ms: Date.now() - t, url, page };
	} catch (e) {
		await page.close();
		throw e;
	}
}
