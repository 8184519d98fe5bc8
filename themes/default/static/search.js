/* Searches the site as the resident types, in the page's language, with
 * the index porta writes at build time (/<lang>/search.json). The index
 * holds Snowball stems of the words; a query word matches a stem when
 *   - they are equal,
 *   - the word starts with the stem (an inflected form: palveluiden),
 *   - the stem starts with the word (the word is still being typed),
 *   - they share all but the stem's last letter (sähköinen, sähköis-), or
 *   - the stem contains the word (a compound: asiakaspalvelu, e-tjänst).
 * Every query word must match. A code (A1, K13) matches its page first.
 * See docs/search.md. No dependencies; works in Node too (for tests). */
(function (global) {
	"use strict";

	function words(text) {
		return text.toLowerCase().match(/[0-9a-z\u00c0-\u017f]+(?:-[0-9a-z\u00c0-\u017f]+)*/g) || [];
	}

	function commonPrefix(a, b) {
		var n = 0;
		while (n < a.length && n < b.length && a[n] === b[n])
			n++;
		return n;
	}

	/* How well query word q matches stem t, 0 to 1. */
	function closeness(q, t) {
		if (q === t)
			return 1;
		if (t.length >= 3 && q.indexOf(t) === 0)
			return 0.9;
		if (q.length >= 3 && t.indexOf(q) === 0)
			return 0.8;
		var cp = commonPrefix(q, t);
		if (cp >= 4 && cp >= t.length - 1)
			return 0.7;
		if (q.length >= 4 && t.indexOf(q) > 0)
			return 0.6;
		return 0;
	}

	/* Results for query: [{doc: [url, code, title, kind, snippet],
	 * score}], best first. */
	function search(index, query) {
		var qs = words(query);
		if (!qs.length)
			return [];
		var docs = index.docs, terms = index.terms;
		var stems = index._stems || (index._stems = Object.keys(terms));
		var total = null;
		for (var i = 0; i < qs.length; i++) {
			var q = qs[i], scores = {};
			for (var s = 0; s < stems.length; s++) {
				var c = closeness(q, stems[s]);
				if (!c)
					continue;
				var postings = terms[stems[s]];
				for (var p = 0; p < postings.length; p += 2) {
					var v = c * postings[p + 1];
					if (!(scores[postings[p]] >= v))
						scores[postings[p]] = v;
				}
			}
			/* A code is matched whole, and before anything else. */
			for (var d = 0; d < docs.length; d++)
				if (docs[d][1] && docs[d][1].toLowerCase() === q)
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
		for (var key in total)
			results.push({doc: docs[key], score: total[key]});
		results.sort(function (a, b) {
			return b.score - a.score || (a.doc[2] < b.doc[2] ? -1 : a.doc[2] > b.doc[2] ? 1 : 0);
		});
		return results;
	}

	/* Appends text to el with the words that match the query marked. */
	function highlight(el, text, query) {
		var qs = words(query);
		var parts = text.split(/([0-9A-Za-z\u00c0-\u017f]+(?:-[0-9A-Za-z\u00c0-\u017f]+)*)/);
		for (var i = 0; i < parts.length; i++) {
			var w = parts[i].toLowerCase(), hit = false;
			/* Inflected forms share most of their beginning. */
			for (var j = 0; j < qs.length && !hit && i % 2; j++)
				hit = closeness(qs[j], w) > 0 || closeness(w, qs[j]) > 0 ||
				      commonPrefix(qs[j], w) >= Math.max(4, Math.min(qs[j].length, w.length) - 3);
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
