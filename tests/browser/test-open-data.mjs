// Open data (issue 3), in Node, over a built site:
//   - /data/schema.json is a valid JSON Schema (draft 2020-12, ajv in
//     strict mode) and every other /data/*.json is valid against it,
//     formats included (ajv-formats);
//   - the validator is not asleep: broken copies of a file are rejected;
//   - the CSV files are as docs/open-data.md says (UTF-8 without BOM, CRLF,
//     a header, the same number of cells in every row), and hold the same
//     facts as the JSON: the same actions with the same codes, themes,
//     years, statuses, units, costs, titles and addresses, and the same
//     indicator values and states per year.
// Usage: node tests/browser/test-open-data.mjs SITE_DIR
// Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, pass, fail, expect, run, watchdog } from './lib/tally.mjs';

const require = createRequire(import.meta.url);
const siteDir = path.resolve(process.argv[2] || 'build/site');
const dataDir = path.join(siteDir, 'data');

describe('schema', 'schema.json compiles as a draft 2020-12 schema (ajv, strict)');
describe('valid', 'each /data/*.json is valid against schema.json');
describe('rejects', 'broken copies are rejected (the validator checks)');
describe('files', 'each programme has its JSON and both CSV files');
describe('csv-format', 'UTF-8 without BOM, CRLF, a header, rows of equal length');
describe('actions', 'each action: the CSV row says what the JSON says');
describe('indicators', 'each indicator value: the CSV row says what the JSON says');
watchdog(120);

// --- CSV (RFC 4180) -------------------------------------------------------------

// Rows of cells; also whether every line ended in CRLF.
function parseCsv(text) {
	const rows = [];
	let row = [];
	let cell = '';
	let quoted = false;
	let crlf = true;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else if (c === '\n') {
			crlf = false;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
		crlf = false; // the last line has no line end
	}
	return { rows, crlf, unclosedQuote: quoted };
}

// A cell written with a leading apostrophe against spreadsheet formulas.
const unformula = (s) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);
const str = (v) => (v === null || v === undefined ? '' : String(v));
const sameNumber = (cell, v) => (v === null || v === undefined ? cell === '' : cell !== '' && Number(cell) === v);

function readCsv(file, where) {
	const bytes = fs.readFileSync(file);
	const problems = [];
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push('starts with a byte-order mark');
	let text = '';
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		problems.push('is not valid UTF-8');
		text = bytes.toString('utf8');
	}
	const { rows, crlf, unclosedQuote } = parseCsv(text);
	if (!crlf) problems.push('has a line not ended by CRLF');
	if (unclosedQuote) problems.push('ends inside a quoted cell');
	if (!rows.length) problems.push('is empty');
	const header = rows[0] || [];
	rows.slice(1).forEach((r, i) => {
		if (r.length !== header.length) problems.push(`row ${i + 2} has ${r.length} cells, the header ${header.length}`);
	});
	if (new Set(header).size !== header.length) problems.push('names a column twice');
	expect('csv-format', problems.length === 0, where, problems.join('; '));
	return { header, records: rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

// --- The checks -------------------------------------------------------------------

function compareActions(data, csv, where) {
	const languages = csv.header.filter((h) => h.startsWith('title_')).map((h) => h.slice(6));
	const statusYears = csv.header.filter((h) => /^status_\d{4}$/.test(h)).map((h) => h.slice(7));
	const known = new Set(['programme', 'id', 'code', 'theme', 'years', 'current_status', 'responsible', 'level',
		'statutory', 'cost_class', 'impact_class', 'cost_eur', 'cost_kind',
		...statusYears.map((y) => `status_${y}`),
		...languages.flatMap((l) => [`title_${l}`, `problem_${l}`, `status_name_${l}`, `url_${l}`])]);
	const unknown = csv.header.filter((h) => !known.has(h));
	expect('actions', unknown.length === 0, where, `columns this test does not know: ${unknown.join(', ')}`);
	const followUps = data.programme.follow_ups.map((f) => String(f.year));
	expect('actions', followUps.join(' ') === statusYears.join(' '), where,
		`status columns for ${statusYears.join(' ') || 'no year'}, follow-ups in the JSON for ${followUps.join(' ') || 'no year'}`);
	const rows = new Map(csv.records.map((r) => [r.id, r]));
	expect('actions', rows.size === csv.records.length, where, 'an action id is on two rows');
	const ids = data.actions.map((a) => a.id);
	const onlyCsv = [...rows.keys()].filter((id) => !ids.includes(id));
	expect('actions', onlyCsv.length === 0, where, `in the CSV but not the JSON: ${onlyCsv.join(' ')}`);
	const statuses = new Map();
	for (const a of data.actions) {
		const r = rows.get(a.id);
		if (!r) {
			fail('actions', where, `${a.id} is in the JSON but not the CSV`);
			continue;
		}
		const diff = [];
		const same = (col, want) => {
			const got = unformula(r[col] ?? '');
			if (got !== want) diff.push(`${col} "${got}" ≠ "${want}"`);
		};
		same('programme', data.programme.id);
		same('code', a.code);
		same('theme', str(a.theme));
		same('years', a.years.join(' '));
		same('current_status', str(a.current_status));
		for (const y of statusYears) same(`status_${y}`, str(a.status[y]));
		for (const y of Object.keys(a.status))
			if (!statusYears.includes(y)) diff.push(`status ${y} (${a.status[y]}) has no column`);
		same('responsible', a.responsible.join(' '));
		same('level', str(a.level));
		same('statutory', str(a.statutory));
		same('cost_class', str(a.cost_class));
		same('impact_class', str(a.impact_class));
		if (!sameNumber(r.cost_eur, a.cost ? a.cost.amount_eur : null))
			diff.push(`cost_eur "${r.cost_eur}" ≠ ${a.cost ? a.cost.amount_eur : 'none'}`);
		same('cost_kind', str(a.cost && a.cost.kind));
		for (const l of languages) {
			same(`title_${l}`, str(a.title[l]));
			same(`problem_${l}`, str(a.problem[l]));
			same(`status_name_${l}`, a.current_status ? str(data.labels.statuses?.[a.current_status]?.[l]) : '');
			same(`url_${l}`, str(a.url[l]));
		}
		expect('actions', diff.length === 0, where, `${a.id}: ${diff.join('; ')}`);
		if (a.current_status) statuses.set(a.current_status, (statuses.get(a.current_status) || 0) + 1);
	}
	return { actions: data.actions.length, statuses };
}

function compareIndicators(data, csv, where) {
	const languages = csv.header.filter((h) => h.startsWith('name_')).map((h) => h.slice(5));
	const known = new Set(['programme', 'indicator', 'theme', 'unit', 'direction', 'target', 'year', 'value', 'state',
		...languages.flatMap((l) => [`name_${l}`, `target_in_words_${l}`, `state_name_${l}`])]);
	const unknown = csv.header.filter((h) => !known.has(h));
	expect('indicators', unknown.length === 0, where, `columns this test does not know: ${unknown.join(', ')}`);
	const rows = new Map(csv.records.map((r) => [`${r.indicator} ${r.year}`, r]));
	expect('indicators', rows.size === csv.records.length, where, 'an indicator and year are on two rows');
	const expected = new Set();
	let values = 0;
	for (const ind of data.indicators) {
		for (const v of ind.values) {
			const k = `${ind.id} ${v.year}`;
			expected.add(k);
			const r = rows.get(k);
			if (!r) {
				fail('indicators', where, `${k} is in the JSON but not the CSV`);
				continue;
			}
			const diff = [];
			const same = (col, want) => {
				const got = unformula(r[col] ?? '');
				if (got !== want) diff.push(`${col} "${got}" ≠ "${want}"`);
			};
			same('programme', data.programme.id);
			same('theme', str(ind.theme));
			same('unit', str(ind.unit));
			same('direction', str(ind.direction));
			if (!sameNumber(r.target, ind.target)) diff.push(`target "${r.target}" ≠ ${ind.target}`);
			if (!sameNumber(r.value, v.value)) diff.push(`value "${r.value}" ≠ ${v.value}`);
			same('state', str(v.state));
			for (const l of languages) {
				same(`name_${l}`, str(ind.name[l]));
				same(`target_in_words_${l}`, str(ind.target_in_words[l]));
				same(`state_name_${l}`, v.state ? str(data.labels.value_states?.[v.state]?.[l]) : '');
			}
			expect('indicators', diff.length === 0, where, `${k}: ${diff.join('; ')}`);
			values++;
		}
	}
	const onlyCsv = [...rows.keys()].filter((k) => !expected.has(k));
	expect('indicators', onlyCsv.length === 0, where, `in the CSV but not the JSON: ${onlyCsv.join(', ')}`);
	return { indicators: data.indicators.length, values };
}

await run(async () => {
	if (!fs.existsSync(path.join(dataDir, 'schema.json'))) {
		fail('files', siteDir, 'no /data/schema.json: is this a built site?');
		return;
	}
	const Ajv2020 = require('ajv/dist/2020');
	const addFormats = require('ajv-formats');
	const ajv = new Ajv2020({ allErrors: true, strict: true });
	addFormats(ajv);
	let validate = null;
	try {
		validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(dataDir, 'schema.json'), 'utf8')));
		pass('schema');
	} catch (e) {
		fail('schema', '/data/schema.json', e.message);
		return;
	}
	const show = (errors) => errors.slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`).join('; ') +
		(errors.length > 8 ? `; and ${errors.length - 8} more` : '');

	const jsonFiles = fs.readdirSync(dataDir).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
	const csvFiles = fs.readdirSync(dataDir).filter((f) => f.endsWith('.csv'));
	expect('files', jsonFiles.length > 0, '/data/', 'no programme JSON');
	for (const f of jsonFiles) {
		const where = `/data/${f}`;
		let data;
		try {
			data = JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));
		} catch (e) {
			fail('valid', where, `not JSON: ${e.message}`);
			continue;
		}
		if (!expect('valid', validate(data), where, () => show(validate.errors))) continue;

		// Broken copies must fail.
		const broken = [
			['no licence', (d) => delete d.licence],
			['an unknown status', (d) => d.actions[0] && (d.actions[0].current_status = 'finished')],
			['an address that is no URI', (d) => (d.programme.url[Object.keys(d.programme.url)[0]] = 'not an address')],
			['an unknown key', (d) => (d.programme.colour = 'red')],
			['a year as text', (d) => (d.programme.period[0] = String(d.programme.period[0]))],
		];
		for (const [what, spoil] of broken) {
			const copy = structuredClone(data);
			if (spoil(copy) === undefined) continue; // nothing to spoil
			expect('rejects', !validate(copy), where, `a copy with ${what} passes the schema`);
		}

		// The CSV files of the programme.
		const id = data.programme.id;
		const actionsCsv = `${id}-actions.csv`;
		const indicatorsCsv = `${id}-indicators.csv`;
		expect('files', f === `${id}.json`, where, `holds programme ${id}, expected in ${id}.json`);
		for (const c of [actionsCsv, indicatorsCsv])
			expect('files', csvFiles.includes(c), where, `no /data/${c}`);
		let a = null;
		let i = null;
		if (csvFiles.includes(actionsCsv))
			a = compareActions(data, readCsv(path.join(dataDir, actionsCsv), `/data/${actionsCsv}`), `/data/${actionsCsv}`);
		if (csvFiles.includes(indicatorsCsv))
			i = compareIndicators(data, readCsv(path.join(dataDir, indicatorsCsv), `/data/${indicatorsCsv}`), `/data/${indicatorsCsv}`);
		console.log(`${where}: valid; ${a ? `${a.actions} actions (${[...a.statuses].map(([s, n]) => `${s} ${n}`).join(', ') || 'no status'})` : ''}` +
			`${i ? `, ${i.indicators} indicators with ${i.values} yearly values` : ''} agree with the CSV`);
	}
	for (const c of csvFiles) {
		const id = c.replace(/-(actions|indicators)\.csv$/, '');
		expect('files', jsonFiles.includes(`${id}.json`), `/data/${c}`, `no /data/${id}.json for it`);
	}
});
