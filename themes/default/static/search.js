/* Searches the site as the resident types, in the page's language, with
 * the index porta writes at build time (/<lang>/search.json). The index
 * holds Snowball stems of the words (hyphens dropped) and the fields each
 * stands in; a query word matches a stem when
 *   - they are equal, or the word is the stem inflected (palveluiden,
 *     sähköinen – sähköis-),
 *   - the word starts the stem (still being typed, or a compound's first
 *     part: palvelu – palvelupyyntö),
 *   - the stem ends with the word (a compound's last part: asiakaspalvelu,
 *     e-tjänst), or contains it,
 *   - and, weakly, the stem is only the first part of the word.
 * A document's score adds up, per field, the field's weight times its
 * best match (and further matches at half); the title outweighs the rest.
 * Every query word must match.
 * A code (A1, K13) matches its page first. See docs/search.md. No
 * dependencies; works in Node too (for tests). */
(function (global) {
	"use strict";

	/* The fields of a document a stem stands in (bits, as the index
	 * writes them), and how much the best match in each counts: a match
	 * in the title outweighs the summary and the text together. */
	var FIELDS = [[1, 6], [2, 2], [4, 1]];

	/* A word's characters, as the index's (words.c) once lowercased:
	 * digits and the letters of Latin-1 and Latin Extended-A, not × and
	 * ÷. A word is a run of them, its parts joined by single hyphens. */
	var LETTER = "0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u017f";
	var WORD = new RegExp("[" + LETTER + "]+(?:-[" + LETTER + "]+)*", "g");
	/* The same in text as written, kept by split (highlight). */
	var CASED_WORD = new RegExp("([A-Z" + LETTER + "]+(?:-[A-Z" + LETTER + "]+)*)");

	/* Lowercase words, their hyphens dropped as in the index: e-faktura
	 * and efaktura are one word. */
	function words(text) {
		var ws = text.toLowerCase().match(WORD) || [];
		for (var i = 0; i < ws.length; i++)
			ws[i] = ws[i].replace(/-/g, "");
		return ws;
	}

	function commonPrefix(a, b) {
		var n = 0;
		while (n < a.length && n < b.length && a[n] === b[n])
			n++;
		return n;
	}

	/* How well query word q matches stem t, 0 to 1. There is no stemmer
	 * in the browser: when q and t begin alike for most of q (all but two
	 * letters, or two thirds of it), the rest of q may be its ending. */
	function closeness(q, t) {
		if (q === t)
			return 1;
		var n = commonPrefix(q, t);
		var most = n >= 3 && (q.length - n <= 2 || 3 * n >= 2 * q.length);
		/* The same word inflected: sähköinen – sähköis- (sähköisen),
		 * palveluiden – palvelu, vattenmätare – vattenmät-. */
		if (most && n >= t.length - 1)
			return 0.9;
		/* q starts a longer word: still being typed (palv – palvelu), a
		 * compound's first part (palvelu – palvelupyyntö), a derived
		 * word (efaktura – efakturering); surer the more of it q covers. */
		if (most)
			return Math.max(0.1, 0.5 + 0.4 * n / t.length - 0.1 * (q.length - n));
		/* The last part of a compound, which says what it is:
		 * asiakaspalvelu is a palvelu, etjänst a tjänst, vesimittar- a
		 * mittari. */
		for (var k = q.length; k >= 4 && k >= q.length - 2; k--) {
			var at = t.lastIndexOf(q.slice(0, k));
			if (at > 0 && at + k >= t.length - 1)
				return 0.9;
		}
		/* Another part of a compound. */
		if (q.length >= 4 && t.indexOf(q) > 0)
			return 0.4;
		/* The stem is only the first part of q (tekoäly- of
		 * tekoälyrekisteri, tieto of tietosuoja): found, but after every
		 * page that has the word itself. */
		if (n >= 4 && n >= t.length - 1)
			return 0.1 * n / q.length;
		return 0;
	}

	/* The mean length of the titles in words, for lengthNorm. */
	function meanTitle(docs) {
		var sum = 0;
		for (var d = 0; d < docs.length; d++)
			sum += words(docs[d][2]).length;
		return Math.max(1, sum / Math.max(1, docs.length));
	}

	/* A match in a short title says more about the page than one in a
	 * long title: 1 for a title of mean length, up to 1.8 for one word
	 * (the length normalisation of BM25, k1 = 1.2, b = 0.75). */
	function lengthNorm(n, mean) {
		return 2.2 / (1 + 1.2 * (0.25 + 0.75 * n / mean));
	}

	/* The score of every document that matches query word q: {doc
	 * number: score}. Per field, the field's weight times its best match,
	 * and each further matching stem at half the one before (palveluiden
	 * and yrityspalvelut in one title count a little more than one of
	 * them, never twice as much); the title's part scaled by its length. */
	function wordScores(index, q) {
		var stems = index._stems, terms = index.terms, n = index.docs.length;
		var matched = [];
		for (var s = 0; s < stems.length; s++) {
			var c = closeness(q, stems[s]);
			if (c)
				matched.push({stem: stems[s], c: c});
		}
		/* Best first, so that a field's first match counts in full. */
		matched.sort(function (a, b) { return b.c - a.c; });
		var sum = new Float64Array(n * FIELDS.length);
		var share = new Float64Array(n * FIELDS.length).fill(1);
		for (var m = 0; m < matched.length; m++) {
			var postings = terms[matched[m].stem];
			for (var p = 0; p < postings.length; p += 2)
				for (var f = 0; f < FIELDS.length; f++)
					if (postings[p + 1] & FIELDS[f][0]) {
						var at = postings[p] * FIELDS.length + f;
						sum[at] += matched[m].c * share[at];
						share[at] /= 2;
					}
		}
		var scores = {};
		for (var d = 0; d < n; d++) {
			var v = 0;
			for (f = 0; f < FIELDS.length; f++)
				v += FIELDS[f][1] * sum[d * FIELDS.length + f] * (f ? 1 : index._norms[d]);
			if (v)
				scores[d] = v;
		}
		return scores;
	}

	/* Results for query: [{doc: [url, code, title, kind, snippet],
	 * score}], best first. The scores of the query words add up, and
	 * every word must match. */
	function search(index, query) {
		var qs = words(query);
		if (!qs.length)
			return [];
		var docs = index.docs;
		if (!index._stems) {
			index._stems = Object.keys(index.terms);
			var mean = meanTitle(docs);
			index._norms = docs.map(function (doc) {
				return lengthNorm(words(doc[2]).length, mean);
			});
		}
		var total = null;
		for (var i = 0; i < qs.length; i++) {
			var q = qs[i], scores = wordScores(index, q);
			/* A code is matched whole, and before anything else. */
			for (var d = 0; d < docs.length; d++)
				if (docs[d][1] && docs[d][1].toLowerCase().replace(/-/g, "") === q)
					scores[d] = (scores[d] || 0) + 100;
			if (total === null) {
				total = scores;
			} else {
				var both = {};
				for (var k in total)
					if (k in scores)
						both[k] = total[k] + scores[k];
				total = both;
			}
		}
		var results = [];
		for (var r in total)
			results.push({doc: docs[r], score: total[r]});
		results.sort(function (a, b) {
			return b.score - a.score || (a.doc[2] < b.doc[2] ? -1 : a.doc[2] > b.doc[2] ? 1 : 0);
		});
		return results;
	}

	/* Appends text to el with the words that match the query marked. */
	function highlight(el, text, query) {
		var qs = words(query);
		var parts = text.split(CASED_WORD);
		for (var i = 0; i < parts.length; i++) {
			var w = parts[i].toLowerCase().replace(/-/g, ""), hit = false;
			/* The same rules as the search, with the word's stem taken
			 * to be the word less up to three letters of ending
			 * (asiakaspalvelussa, asiakaspalvelu). */
			for (var j = 0; j < qs.length && !hit && i % 2; j++)
				for (var cut = 0; cut <= 3 && cut < w.length - 2 && !hit; cut++)
					hit = closeness(qs[j], w.slice(0, w.length - cut)) > 0;
			if (hit) {
				var mark = document.createElement("mark");
				mark.textContent = parts[i];
				el.appendChild(mark);
			} else if (parts[i]) {
				el.appendChild(document.createTextNode(parts[i]));
			}
		}
	}

	var api = {search: search, words: words, closeness: closeness};
	if (typeof module === "object" && module.exports)
		module.exports = api;
	if (typeof document === "undefined")
		return;

	var form = document.getElementById("search-form");
	var input = document.getElementById("search-input");
	var list = document.getElementById("search-results");
	var status = document.getElementById("search-status");
	if (!form || !input || !list || !status)
		return;
	var index = null, timer = null, LIMIT = 30;

	function show() {
		var query = input.value;
		list.textContent = "";
		if (!query.trim()) {
			status.textContent = "";
			return;
		}
		var results = search(index, query);
		for (var i = 0; i < results.length && i < LIMIT; i++) {
			var doc = results[i].doc, li = document.createElement("li");
			var a = document.createElement("a");
			a.href = doc[0];
			a.className = "item-title";
			if (doc[1]) {
				var code = document.createElement("span");
				code.className = "code";
				code.textContent = doc[1] + " ";
				a.appendChild(code);
			}
			highlight(a, doc[2], query);
			li.appendChild(a);
			if (doc[4]) {
				var p = document.createElement("span");
				p.className = "item-meta";
				highlight(p, doc[4], query);
				li.appendChild(p);
			}
			list.appendChild(li);
		}
		var pattern = results.length ? status.getAttribute("data-found")
		                              : status.getAttribute("data-none");
		status.textContent = pattern.replace("{n}", results.length);
		var params = new URLSearchParams(location.search);
		params.set("q", query);
		history.replaceState(null, "", "?" + params.toString());
	}

	function later() {
		clearTimeout(timer);
		timer = setTimeout(function () {
			if (index)
				show();
		}, 120);
	}

	var request = new XMLHttpRequest();
	request.open("GET", form.getAttribute("data-index"));
	request.responseType = "json";
	request.onload = function () {
		if (request.status !== 200 || !request.response)
			return;
		index = request.response;
		form.hidden = false;
		var q = new URLSearchParams(location.search).get("q");
		if (q) {
			input.value = q;
			show();
		}
	};
	request.send();
	input.addEventListener("input", later);
	form.addEventListener("submit", function (e) {
		e.preventDefault();
		if (index)
			show();
	});
})(this);
