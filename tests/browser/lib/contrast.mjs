// Colour contrast computed from the theme's stylesheet: the custom
// properties of :root, resolved (var() included), and the WCAG 2
// relative-luminance contrast ratio.

// The custom properties declared in every `:root { ... }` rule of css,
// later declarations winning, as { '--name': 'raw value' }.
export function rootProperties(css) {
	const props = {};
	const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
	const re = /(^|[}\s;])(:root)\s*\{([^}]*)\}/g;
	let m;
	while ((m = re.exec(text))) {
		for (const decl of m[3].split(';')) {
			const d = decl.match(/^\s*(--[A-Za-z0-9_-]+)\s*:\s*([\s\S]*?)\s*$/);
			if (d) props[d[1]] = d[2].replace(/\s*!important$/, '');
		}
	}
	return props;
}

// The value of a property with var() references replaced.
export function resolve(props, name, seen = new Set()) {
	if (seen.has(name)) throw new Error(`${name} refers to itself`);
	seen.add(name);
	const raw = props[name];
	if (raw === undefined) throw new Error(`${name} is not declared in :root`);
	return raw.replace(/var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,\s*([^)]*))?\)/g, (_, ref, fallback) =>
		props[ref] === undefined && fallback !== undefined ? fallback.trim() : resolve(props, ref, new Set(seen)));
}

const NAMED = { white: [255, 255, 255], black: [0, 0, 0] };

// [r, g, b] (0-255) of a CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa,
// rgb()/rgba() with opaque alpha, white, black. Throws on anything else
// (a translucent colour has no contrast of its own).
export function parseColour(value) {
	const v = value.trim().toLowerCase();
	if (NAMED[v]) return NAMED[v];
	let m = v.match(/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/);
	if (m) {
		let h = m[1];
		if (h.length <= 4) h = [...h].map((c) => c + c).join('');
		if (h.length === 8 && h.slice(6) !== 'ff') throw new Error(`${value} is not opaque`);
		return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
	}
	m = v.match(/^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
	if (m) {
		if (m[4] !== undefined && parseFloat(m[4]) !== (m[4].endsWith('%') ? 100 : 1))
			throw new Error(`${value} is not opaque`);
		return [m[1], m[2], m[3]].map((c) => (c.endsWith('%') ? Math.round(parseFloat(c) * 2.55) : Number(c)));
	}
	throw new Error(`cannot read the colour ${value}`);
}

// WCAG 2 relative luminance of an sRGB colour.
export function luminance([r, g, b]) {
	const lin = (c) => {
		c /= 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a, b) {
	const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (la + 0.05) / (lb + 0.05);
}
