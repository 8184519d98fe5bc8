// make bench: the size of each language's search index of a built site,
// and how long the theme's search.js takes to search it (the same
// function the search page runs, here in Node).
//   node tests/bench/search.mjs SITE_DIR THEME_DIR
// For each /<lang>/search.json: documents, stems, bytes raw and gzipped;
// the first search (which also lists the stems) and the mean of later
// ones over a few queries: a common word, two words, a prefix being
// typed, and a code.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [site, theme] = process.argv.slice(2);
const REPEAT = 20;
const QUERIES = {
	fi: ['palvelu', 'sähköinen asiakas', 'tekoä', 'A1'],
	sv: ['tjänst', 'elektronisk kund', 'artifi', 'A1'],
};

const module = { exports: {} };
new Function('module', 'document', fs.readFileSync(path.join(theme, 'static/search.js'), 'utf8'))(module, undefined);
const { search } = module.exports;
const ms = (ns) => `${(Number(ns) / 1e6).toFixed(1)} ms`;

for (const lang of fs.readdirSync(site).sort()) {
	const file = path.join(site, lang, 'search.json');
	if (!fs.existsSync(file)) continue;
	const raw = fs.readFileSync(file);
	const gz = zlib.gzipSync(raw, { level: 6 }).length;
	let t = process.hrtime.bigint();
	const index = JSON.parse(raw.toString('utf8'));
	const parse = process.hrtime.bigint() - t;
	const queries = QUERIES[lang] || QUERIES.fi;
	t = process.hrtime.bigint();
	const hits = search(index, queries[0]).length;
	const first = process.hrtime.bigint() - t;
	const per = queries.map((q) => {
		const t0 = process.hrtime.bigint();
		for (let i = 0; i < REPEAT; i++) search(index, q);
		return (process.hrtime.bigint() - t0) / BigInt(REPEAT);
	});
	const slowest = per.reduce((a, b) => (b > a ? b : a));
	const mean = per.reduce((a, b) => a + b) / BigInt(per.length);
	console.log(`search ${lang}: ${index.docs.length} documents, ${Object.keys(index.terms).length} stems, ` +
		`${(raw.length / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip; ` +
		`parse ${ms(parse)}, first search ${ms(first)} (${hits} results for "${queries[0]}"), ` +
		`then mean ${ms(mean)}, slowest ${ms(slowest)} ("${queries[per.indexOf(slowest)]}")`);
}
