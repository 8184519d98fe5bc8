// The browser suite must catch known faults: runs suite.mjs on the
// fixture site tests/sites-broken/faults/ (one fault on each page) and
// checks that each fault is reported on its page by its rule's name, and
// that nothing else is reported anywhere.
// Usage: node tests/browser/faults.mjs  (tests/browser/run --faults checks
// the tools first). Ends with "N passed, N failed".
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.resolve(here, '../sites-broken/faults');

// Page -> what must be reported there: a check of the suite, or for axe
// "axe <rule id>".
const EXPECTED = {
	'/missing-alt.html': ['axe image-alt'],
	'/low-contrast.html': ['axe color-contrast'],
	'/broken-link.html': ['link-target'],
	'/missing-fragment.html': ['link-fragment'],
	'/missing-lang.html': ['axe html-has-lang'],
	'/wide-table.html': ['reflow-320'],
	'/inline-style.html': ['csp'],
};
// Reported too, and rightly: the Nu Html Checker also requires alt.
const ALSO = { '/missing-alt.html': ['vnu'] };

let passed = 0;
let failed = 0;
function expect(ok, message) {
	if (ok) passed++;
	else {
		failed++;
		console.log(`FAIL ${message}`);
	}
}

const run = spawnSync(process.execPath, [path.join(here, 'suite.mjs'), fixture], {
	encoding: 'utf8',
	maxBuffer: 1 << 24,
	timeout: 180000,
});
const out = `${run.stdout || ''}${run.stderr || ''}`;
const lines = out.split('\n');
const summary = lines.filter((l) => /^\d+ passed, \d+ failed$/.test(l)).pop();
expect(summary && run.status === 1,
	`the suite should run to its summary and exit 1 on the fixture; exit ${run.status}${run.error ? ` (${run.error.message})` : ''}:\n${lines.slice(-15).join('\n')}`);

// "FAIL axe /page.html: image-alt (critical): ..." -> page, "axe image-alt".
const found = new Map();
for (const l of lines) {
	const m = l.match(/^FAIL (\S+) (\S+): (.*)$/);
	if (!m) continue;
	const page = m[2].endsWith('/index.html') ? m[2].slice(0, -'index.html'.length) : m[2];
	const name = m[1] === 'axe' ? `axe ${m[3].split(' ')[0]}` : m[1];
	if (!found.has(page)) found.set(page, new Map());
	found.get(page).set(name, l);
}
for (const [page, names] of Object.entries(EXPECTED))
	for (const name of names)
		expect(found.get(page)?.has(name), `${page}: the fault should be reported as ${name}`);
for (const [page, names] of found) {
	for (const [name, line] of names) {
		const allowed = [...(EXPECTED[page] || []), ...(ALSO[page] || [])];
		expect(allowed.includes(name), `${page}: reported, but not a fault of the fixture: ${line}`);
	}
}
console.log(`faults: ${Object.keys(EXPECTED).length} pages with one fault each in ${path.relative(process.cwd(), fixture) || fixture}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
