// The follow-up reports of a built site as A4 PDFs, printed by headless
// Chromium with the theme's print stylesheet (@page A4): make report-pdf.
// Usage: node tests/browser/report-pdf.mjs [SITE_DIR [OUT_DIR]]
//        (defaults: build/site, build/report)
// Writes OUT_DIR/<page address with dashes>.pdf, e.g.
// fi-digiohjelma-2024-2026-seuranta-2024.pdf, and lists what it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { reportPages, publicOrigin, printReport } from './lib/report.mjs';
import { readPdf } from './lib/pdf.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = path.resolve(process.argv[2] || path.join(repo, 'build/site'));
const outDir = path.resolve(process.argv[3] || path.join(repo, 'build/report'));
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
	console.error(`report-pdf: ${siteDir} has no index.html; build the site first (make site)`);
	process.exit(1);
}
const reports = reportPages(siteDir);
if (!reports.length) {
	console.error(`report-pdf: ${siteDir} has no follow-up report page`);
	process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
const base = basePath(siteDir);
const origin = publicOrigin(siteDir);
const server = await serve(siteDir, base);
const browser = await launch();
let failed = 0;
try {
	for (const r of reports) {
		const out = path.join(outDir, r.file);
		try {
			const { bytes, ms, page } = await printReport(browser.context, server, base, origin, r, out);
			await page.close();
			const pages = readPdf(bytes).length;
			console.log(`${path.relative(process.cwd(), out)}: ${r.path}, ${pages} A4 pages, ${(bytes.length / 1024).toFixed(0)} kB, ${ms} ms`);
		} catch (e) {
			failed++;
			console.error(`report-pdf: ${r.path}: ${e.message.split('\n')[0]}`);
		}
	}
} finally {
	await browser.close();
	await server.close();
}
process.exit(failed ? 1 : 0);
