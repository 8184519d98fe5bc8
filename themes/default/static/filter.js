/* Filters the action list in place, on several facets at once, and keeps
 * the choice in the address so that it can be shared. Without this script
 * the page links to one generated page per facet value instead.
 * An action is shown when, for every facet with something chosen, it has
 * at least one of the chosen values. No dependencies. */
(function () {
	"use strict";

	var form = document.getElementById("filter-form");
	var list = document.getElementById("filterable");
	if (!form || !list || !window.URLSearchParams || !window.history)
		return;
	var result = document.getElementById("filter-result");
	var items = list.querySelectorAll("li[data-facets]");

	function chosen() {
		var byFacet = {};
		var boxes = form.querySelectorAll("input[type=checkbox]:checked");
		for (var i = 0; i < boxes.length; i++) {
			var name = boxes[i].name;
			(byFacet[name] = byFacet[name] || []).push(boxes[i].value);
		}
		return byFacet;
	}

	function matches(item, byFacet) {
		var own = " " + item.getAttribute("data-facets") + " ";
		for (var facet in byFacet) {
			var values = byFacet[facet], any = false;
			for (var i = 0; i < values.length && !any; i++)
				any = own.indexOf(" " + facet + ":" + values[i] + " ") >= 0;
			if (!any)
				return false;
		}
		return true;
	}

	function apply(announce) {
		var byFacet = chosen(), shown = 0, i;
		for (i = 0; i < items.length; i++) {
			var show = matches(items[i], byFacet);
			items[i].hidden = !show;
			if (show)
				shown++;
		}
		var sections = list.querySelectorAll("section");
		for (i = 0; i < sections.length; i++)
			sections[i].hidden = !sections[i].querySelector("li[data-facets]:not([hidden])");
		var params = new URLSearchParams();
		for (var facet in byFacet)
			for (i = 0; i < byFacet[facet].length; i++)
				params.append(facet, byFacet[facet][i]);
		var query = params.toString();
		history.replaceState(null, "", query ? "?" + query : location.pathname);
		if (announce && result)
			result.textContent = shown ? result.getAttribute("data-pattern").replace("{n}", shown)
			                           : result.getAttribute("data-none");
	}

	var start = new URLSearchParams(location.search);
	var boxes = form.querySelectorAll("input[type=checkbox]");
	for (var i = 0; i < boxes.length; i++)
		if (start.getAll(boxes[i].name).indexOf(boxes[i].value) >= 0)
			boxes[i].checked = true;
	form.hidden = false;
	form.addEventListener("change", function () { apply(true); });
	form.addEventListener("reset", function () {
		setTimeout(function () { apply(true); }, 0);
	});
	form.addEventListener("submit", function (e) { e.preventDefault(); });
	apply(start.toString() !== "");
})();
