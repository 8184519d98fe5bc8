// Functions that run inside the page (passed to page.evaluate): they must
// not refer to anything outside themselves.

// What the language checks need: the page's language, its hreflang
// alternates, every link with its (inherited) language, and whether
// anything can be focused before <main>.
export function pageFacts() {
	const main = document.querySelector('main');
	const alternates = {};
	for (const l of document.querySelectorAll('link[rel~="alternate"][hreflang]'))
		alternates[l.getAttribute('hreflang')] = l.href;
	const links = [...document.querySelectorAll('a[href]')].map((a) => ({
		href: a.href,
		rawHref: a.getAttribute('href'),
		hreflang: a.getAttribute('hreflang'),
		lang: (a.closest('[lang]') || document.documentElement).getAttribute('lang'),
		inLangSwitch: !!a.closest('.lang-switch'),
		text: a.textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
	}));
	let focusableBeforeMain = 0;
	if (main) {
		for (const e of document.querySelectorAll('*')) {
			if (e === main) break;
			if (e.tabIndex >= 0 && !e.disabled && e.getClientRects().length) focusableBeforeMain++;
		}
	}
	return {
		lang: document.documentElement.getAttribute('lang'),
		alternates,
		links,
		hasMain: !!main,
		focusableBeforeMain,
	};
}

// Describes the focused element: what it is and where it is.
export function activeInfo() {
	const e = document.activeElement;
	if (!e || e === document.body) return { tag: e ? 'body' : null };
	const r = e.getBoundingClientRect();
	const main = document.querySelector('main');
	let afterMainStart = false;
	if (main && e !== main)
		afterMainStart = main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
	return {
		tag: e.tagName.toLowerCase(),
		id: e.id,
		cls: e.className && typeof e.className === 'string' ? e.className : '',
		href: e.getAttribute('href'),
		text: e.textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
		isMain: e === main,
		inMain: !!main && main !== e && main.contains(e),
		containsMain: !!main && e !== main && e.contains(main),
		afterMainStart,
		visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
			r.top < innerHeight && r.left < innerWidth,
		hashTarget: location.hash ? location.hash.slice(1) : '',
	};
}

// Focuses every element that can take focus, one after another, and
// compares its outline and box-shadow with and without focus. Run after
// a real Tab key press, so that focus counts as keyboard focus
// (:focus-visible) as it moves on. Returns the elements checked and the
// problems found.
export function focusIndicators() {
	const rgba = (s) => {
		const m = s && s.match(/rgba?\(([^)]*)\)/);
		if (!m) return null;
		const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
	};
	const lum = ([r, g, b]) => {
		const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
	const ratio = (a, b) => {
		const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
		return (x + 0.05) / (y + 0.05);
	};
	// The colour an indicator drawn around e is seen against: the first
	// opaque background among its ancestors (white at the top).
	const behind = (e) => {
		for (let p = e.parentElement; p; p = p.parentElement) {
			const c = rgba(getComputedStyle(p).backgroundColor);
			if (c && c.a > 0.5) return c.rgb;
		}
		return [255, 255, 255];
	};
	const snap = (e) => {
		const s = getComputedStyle(e);
		return {
			outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
			outlineStyle: s.outlineStyle,
			outlineWidth: parseFloat(s.outlineWidth) || 0,
			outlineColor: s.outlineColor,
			boxShadow: s.boxShadow,
		};
	};
	const describe = (e) => {
		const tag = e.tagName.toLowerCase();
		const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
		const href = e.getAttribute('href');
		const text = e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
		return `${tag}${e.id ? '#' + e.id : ''}${cls}${href ? `[href="${href}"]` : ''}${text ? ` "${text}"` : ''}`;
	};

	const candidates = [...document.querySelectorAll('*')].filter((e) => {
		if (e.tabIndex < 0 || e.disabled || e.inert) return false;
		if (!e.getClientRects().length) return false;
		const s = getComputedStyle(e);
		return s.visibility !== 'hidden' && s.display !== 'none';
	});
	const before = new Map();
	const start = document.activeElement;
	if (start && start !== document.body && start.blur) start.blur();
	for (const e of candidates) before.set(e, snap(e));

	const problems = [];
	let checked = 0;
	for (const e of candidates) {
		e.focus();
		if (document.activeElement !== e) continue; // not focusable after all
		checked++;
		const b = before.get(e);
		const a = snap(e);
		const what = describe(e);
		if (!e.matches(':focus-visible')) {
			problems.push(`${what}: focus does not count as :focus-visible`);
			continue;
		}
		const outlineShown = a.outlineStyle !== 'none' && a.outlineStyle !== 'hidden' &&
			a.outlineWidth > 0 && (rgba(a.outlineColor)?.a ?? 1) > 0;
		const shadowShown = a.boxShadow && a.boxShadow !== 'none';
		const changed = (outlineShown && a.outline !== b.outline) || (shadowShown && a.boxShadow !== b.boxShadow);
		if (!changed) {
			problems.push(`${what}: no visible focus indicator (outline "${a.outline}", box-shadow "${a.boxShadow}")`);
			continue;
		}
		// Some colour of the indicator must stand out, 3:1, from what is
		// behind it (WCAG 1.4.11 for the indicator's own colours).
		const bg = behind(e);
		const colours = [];
		if (outlineShown) colours.push(rgba(a.outlineColor));
		if (shadowShown) for (const m of a.boxShadow.matchAll(/rgba?\([^)]*\)/g)) colours.push(rgba(m[0]));
		const best = Math.max(0, ...colours.filter((c) => c && c.a > 0.5).map((c) => ratio(c.rgb, bg)));
		if (best < 3)
			problems.push(`${what}: focus indicator contrast ${best.toFixed(2)}:1 against rgb(${bg.join(', ')}), needs 3:1`);
		const r = e.getBoundingClientRect();
		if (!(r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth))
			problems.push(`${what}: focused but not on screen`);
	}
	if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
	return { checked, problems };
}

// Horizontal overflow: the document's scroll width and the elements that
// stick out past the viewport (innermost ones first).
export function overflow() {
	const width = document.documentElement.clientWidth;
	const scrollWidth = document.documentElement.scrollWidth;
	const out = [];
	if (scrollWidth <= innerWidth) return { scrollWidth, offenders: out };
	for (const e of document.body.querySelectorAll('*')) {
		const r = e.getBoundingClientRect();
		if (r.right > width + 0.5 && r.width > 0) {
			let inside = false;
			for (let p = e.parentElement; p; p = p.parentElement) {
				const s = getComputedStyle(p);
				if (s.overflowX !== 'visible' && s.overflowX !== 'clip' && p.getBoundingClientRect().right <= width + 0.5) {
					inside = true; // scrolls inside its own box: fine
					break;
				}
			}
			if (inside) continue;
			const tag = e.tagName.toLowerCase();
			const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
			out.push(`${tag}${cls} (right edge ${Math.round(r.right)} px)`);
		}
	}
	return { scrollWidth, offenders: out.slice(-5) };
}
