// The follow-up reports printed to PDF (issue 3; make report-pdf), over a
// built site: every report page (/fi/.../seuranta/2024/, /sv/...) is
// printed by headless Chromium as make report-pdf prints it, and
//   - the file is a PDF whose every page is A4 (MediaBox 595 x 842 pt);
//   - it has no navigation chrome: no text of the header (its search
//     form), the main navigation, the breadcrumbs, the skip link, the
//     language switch, the year links or the footer that the printed
//     report itself does not also contain, and those parts are not shown
//     in print;
//   - it has the report: the title on page 1, the numbered sections in
//     order, every row heading of its tables;
//   - the sections flow on from one page to the next (no forced page
//     break before a section, which left page 2 with three rows), and
//     every section heading is on the same page as what follows it;
//   - every page but the first has the running title (the page's
//     data-print-title), and every page its number "Sivu 2 / 7" with
//     the word of the page's language (data-print-page, from the theme's
//     i18n) and the real page count;
//   - the colours that carry meaning (legend squares, status bar,
//     status badges) print even with background graphics off
//     (print-color-adjust: exact), and each has its words beside it;
//   - its links lead to the published site, not to the local server.
// Usage: node tests/browser/test-report-pdf.mjs SITE_DIR
// Ends with "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, basePath } from './lib/site.mjs';
import { launch } from './lib/browser.mjs';
import { reportPages, publicOrigin, printReport } from './lib/report.mjs';
import { readPdf } from './lib/pdf.mjs';
import { describe, pass, fail, expect, run, watchdog } from './lib/tally.mjs';

const A4 = [595.28, 841.89]; // 210 x 297 mm in points
const CHROME = ['.skip-link', '.site-header', '.main-nav', '.breadcrumbs', '.lang-switch', '.year-links', '.site-footer',
	'form[role="search"]'];

const siteDir = path.resolve(process.argv[2] || 'build/site');

describe('reports', 'report pages printed to PDF');
describe('pdf', 'a PDF that this reader can read, with pages');
describe('a4', 'every page A4 (MediaBox 595 x 842 pt, ±1)');
describe('no-chrome', 'no navigation chrome in print or in the PDF text');
describe('content', 'the title on page 1, the sections in order, every table row');
describe('breaks', 'sections flow on, no forced page break; each section heading on the page of what follows it');
describe('folio', 'running title from page 2, "<word> n / N" on every page');
describe('colour', 'status colours print exact, and never alone without words');
describe('links', 'the links lead to the published site');

let server = null;
let browser = null;
let tmp = null;
const cleanup = async () => {
	if (browser) await browser.close();
	if (server) await server.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
};
watchdog(180, cleanup);

// Whitespace, ligatures and soft hyphens do not count.
const squeeze = (s) => s.normalize('NFKC').replace(/\u00ad/g, '').replace(/\s+/g, '');

// In the page, in print media: the chrome's words and whether any of it
// shows, the printed text, the headings and table rows.
function printFacts(chrome) {
	const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
	const words = new Set();
	const shown = [];
	for (const sel of chrome) {
		for (const e of document.querySelectorAll(sel)) {
			if (visible(e)) shown.push(sel);
			for (const x of e.querySelectorAll('a, button, label, span, li, summary, legend, input')) {
				const t = (x.tagName === 'INPUT' ? x.getAttribute('placeholder') || '' : x.textContent).replace(/\s+/g, ' ').trim();
				if (t) words.add(t);
			}
			const own = e.textContent.replace(/\s+/g, ' ').trim();
			if (own && own.length < 80) words.add(own);
		}
	}
	const nav = [...document.querySelectorAll('.main-nav a')].map((a) => a.textContent.replace(/\s+/g, ' ').trim());
	return {
		words: [...words],
		nav,
		shown: [...new Set(shown)],
		// The printed text outside the chrome.
		printed: (() => {
			const parts = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
				const el = walker.currentNode.parentElement;
				if (el && !el.closest(chrome.join(',')) && el.getClientRects().length > 0) parts.push(walker.currentNode.textContent);
			}
			return parts.join(' ');
		})(),
		h1: document.querySelector('main h1')?.textContent.replace(/\s+/g, ' ').trim() || '',
		sections: [...document.querySelectorAll('.report-section')].map((s) => s.querySelector('h2')?.textContent.replace(/\s+/g, ' ').trim() || ''),
		rows: [...document.querySelectorAll('.report-section table tbody tr')].map((tr) => (tr.querySelector('th') || tr.querySelector('td'))?.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean),
		// Per section: its heading, the first text that follows it (the
		// first body row of a table, whose header repeats on every page),
		// and whether print forces a page break before it.
		flow: [...document.querySelectorAll('.report-section')].map((s) => {
			const h = s.querySelector('h2');
			const next = h?.nextElementSibling;
			const row = next?.matches('table, .table-scroll') ? next.querySelector('tbody tr') : null;
			const first = row ? (row.querySelector('th') || row.querySelector('td'))?.textContent
				: next?.innerText.split('\n').find((l) => l.trim());
			const forced = (e) => e && ['page', 'left', 'right', 'recto', 'verso'].includes(getComputedStyle(e).breakBefore);
			return {
				heading: h?.textContent.replace(/\s+/g, ' ').trim() || '',
				first: (first || '').replace(/\s+/g, ' ').trim(),
				forced: forced(s) || forced(h),
			};
		}),
		title: document.documentElement.dataset.printTitle || '',
		pageWord: document.documentElement.dataset.printPage || '',
		// The marks whose colour means a status, with the words beside them.
		colours: [...document.querySelectorAll('.report .swatch, .report .status-bar, .report .status-badge')].map((e) => {
			const cs = getComputedStyle(e);
			const words = e.matches('.swatch') ? e.parentElement.textContent
				: e.matches('.status-bar') ? e.parentElement.querySelector('.status-legend')?.textContent || '' : e.textContent;
			return {
				what: e.matches('.swatch') ? `legend square "${e.parentElement.textContent.trim()}"` : e.matches('.status-bar') ? 'status bar' : `badge "${e.textContent.trim()}"`,
				adjust: cs.printColorAdjust || cs.webkitPrintColorAdjust || '',
				words: words.replace(/\s+/g, ' ').trim(),
			};
		}),
	};
}

await run(async () => {
	const reports = reportPages(siteDir);
	if (!reports.length) {
		fail('reports', siteDir, 'no follow-up report page (<div class="report">)');
		return;
	}
	const base = basePath(siteDir);
	const origin = publicOrigin(siteDir);
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'porta-report-'));
	server = await serve(siteDir, base);
	browser = await launch();
	for (const r of reports) {
		const where = r.path;
		let printed;
		try {
			printed = await printReport(browser.context, server, base, origin, r, path.join(tmp, r.file));
		} catch (e) {
			fail('reports', where, e.message.split('\n')[0]);
			continue;
		}
		pass('reports');
		const { bytes, ms, page } = printed;
		await page.emulateMedia({ media: 'print' });
		const facts = await page.evaluate(printFacts, CHROME);
		if (process.env.REPORT_DEBUG) console.log(`${where}: chrome texts ${JSON.stringify(facts.words)}`);
		await page.close();

		const text = bytes.toString('latin1');
		let pages = [];
		try {
			pages = readPdf(bytes);
		} catch (e) {
			fail('pdf', where, `cannot read the PDF: ${e.message}`);
			continue;
		}
		const pageObjects = (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
		if (!expect('pdf', text.startsWith('%PDF-') && /%%EOF\s*$/.test(text) && pages.length > 0 && pages.length === pageObjects, where,
			`header ${JSON.stringify(text.slice(0, 8))}, ${pages.length} pages in the page tree, ${pageObjects} page objects`)) continue;

		// A4: every page, in points.
		for (const p of pages) {
			const [x0, y0, x1, y1] = p.mediaBox;
			const w = x1 - x0;
			const h = y1 - y0;
			expect('a4', Math.abs(w - A4[0]) <= 1 && Math.abs(h - A4[1]) <= 1, where,
				`page ${p.index}: MediaBox [${p.mediaBox.join(' ')}] is ${w.toFixed(1)} x ${h.toFixed(1)} pt, not A4 ${A4.join(' x ')}`);
		}
		const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
		expect('a4', boxes.length >= 1 && boxes.every((b) => Math.round(b[2] - b[0]) === 595 && Math.round(b[3] - b[1]) === 842), where,
			`MediaBox entries in the file: ${[...new Set(boxes.map((b) => b.join(' ')))].join(', ')}`);

		// No chrome: nothing of it shows in print, and none of its words that
		// the report does not use itself is in the PDF.
		const pageTexts = pages.map((p) => p.text());
		const all = squeeze(pageTexts.join('\n'));
		const inReport = squeeze(facts.printed);
		expect('no-chrome', facts.shown.length === 0, where, `shown in print: ${facts.shown.join(', ')}`);
		const checkable = facts.words.filter((w) => !inReport.includes(squeeze(w)));
		const leaked = checkable.filter((w) => all.includes(squeeze(w)));
		expect('no-chrome', checkable.length > 0 && leaked.length === 0, where,
			checkable.length ? `the PDF has chrome text: ${leaked.map((w) => `"${w}"`).join(', ')}` : 'no chrome text to look for');
		expect('no-chrome', facts.nav.length > 0 && !all.includes(squeeze(facts.nav.join(''))), where,
			`the main navigation "${facts.nav.join(' ')}" is in the PDF`);

		// The report is there: title on page 1, the sections in order,
		// every table row.
		const onPage = (s) => pageTexts.findIndex((t) => squeeze(t).includes(squeeze(s)));
		expect('content', facts.h1 && onPage(facts.h1) === 0, where, `the title "${facts.h1}" is not on page 1 (page ${onPage(facts.h1) + 1})`);
		let last = -1;
		for (const h of facts.sections) {
			const at = onPage(h);
			expect('content', at >= 0 && at >= last, where,
				at < 0 ? `section "${h}" is not in the PDF` : `section "${h}" is on page ${at + 1}, before the previous section's page ${last + 1}`);
			last = Math.max(last, at);
		}

		// Page breaks: no section is forced onto a page of its own, and no
		// heading is left at the foot of a page: on its page, what follows
		// it in the report comes after it.
		for (const f of facts.flow) {
			expect('breaks', f.heading && !f.forced, where, `section "${f.heading}" is forced onto a new page in print (break-before)`);
			const at = onPage(f.heading);
			const text = at >= 0 ? squeeze(pageTexts[at]) : '';
			const after = text.indexOf(squeeze(f.heading)) + squeeze(f.heading).length;
			expect('breaks', f.first && at >= 0 && text.indexOf(squeeze(f.first), after) >= 0, where,
				!f.first ? `section "${f.heading}" has nothing after its heading`
					: `section "${f.heading}" ends page ${at + 1} without what follows it ("${f.first}")`);
		}

		// Running title and page numbers, in the page's language.
		expect('folio', facts.title && facts.pageWord, where,
			`<html> has no ${facts.title ? '' : 'data-print-title '}${facts.pageWord ? '' : 'data-print-page'} for the margin boxes`);
		pageTexts.forEach((t, i) => {
			const folio = squeeze(`${facts.pageWord} ${i + 1} / ${pages.length}`);
			expect('folio', facts.pageWord && squeeze(t).includes(folio), where,
				`page ${i + 1} has no page number "${facts.pageWord} ${i + 1} / ${pages.length}"`);
			const titled = facts.title && squeeze(t).includes(squeeze(facts.title));
			expect('folio', i === 0 ? !titled : titled, where,
				i === 0 ? `page 1 repeats the running title "${facts.title}" above the report's own title` : `page ${i + 1} has no running title "${facts.title}"`);
		});

		// Colour that means a status prints as it is and has its words.
		expect('colour', facts.colours.length > 0, where, 'no legend squares, status bar or status badges in the report');
		for (const c of facts.colours) {
			expect('colour', c.adjust === 'exact', where, `${c.what}: print-color-adjust is "${c.adjust}", not "exact": it prints blank without background graphics`);
			expect('colour', /\p{L}/u.test(c.words), where, `${c.what}: its colour has no words beside it`);
		}
		const missingRows = facts.rows.filter((row) => !all.includes(squeeze(row)));
		expect('content', facts.rows.length > 0 && missingRows.length === 0, where,
			facts.rows.length ? `table rows not in the PDF: ${missingRows.slice(0, 5).join(' | ')}${missingRows.length > 5 ? ` and ${missingRows.length - 5} more` : ''}` : 'no table rows in the report');

		// Links.
		const links = pages.flatMap((p) => p.links());
		const local = links.filter((u) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u));
		const elsewhere = origin ? links.filter((u) => !u.startsWith(origin + '/')) : [];
		expect('links', links.length > 0 && local.length === 0 && elsewhere.length === 0, where,
			links.length ? `links to ${[...new Set([...local, ...elsewhere])].slice(0, 3).join(', ')}` : 'no links in the PDF');

		console.log(`${where}: ${r.file}, ${pages.length} pages, ${(bytes.length / 1024).toFixed(0)} kB, ${links.length} links, ` +
			`${facts.sections.length} sections on pages ${facts.sections.map((h) => onPage(h) + 1).join(', ')}, ` +
			`${checkable.length} chrome texts looked for, printed in ${ms} ms`);
	}
}, cleanup);
