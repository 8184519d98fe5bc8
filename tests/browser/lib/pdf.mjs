// Just enough of a PDF reader to test the PDFs Chromium prints: the pages
// in order with their MediaBox, the text of each page (through the fonts'
// ToUnicode maps), and the addresses of its links. Handles what Chromium's
// Skia writes (Flate streams, Type0 and simple fonts, form XObjects) and
// object streams; not encryption, not every filter.
import zlib from 'node:zlib';

// --- Objects --------------------------------------------------------------------

class Ref {
	constructor(num, gen) {
		this.num = num;
		this.gen = gen;
	}
}
class Name {
	constructor(name) {
		this.name = name;
	}
}
class Op {
	constructor(op) {
		this.op = op;
	}
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

// A tokenizer and parser of PDF syntax over a Buffer (bytes).
class Parser {
	constructor(bytes, pos = 0) {
		this.b = bytes;
		this.pos = pos;
	}

	skip() {
		const b = this.b;
		for (;;) {
			while (this.pos < b.length && WS.has(b[this.pos])) this.pos++;
			if (b[this.pos] === 0x25) { // % comment
				while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
			} else return;
		}
	}

	regular() {
		const start = this.pos;
		while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) this.pos++;
		return this.b.toString('latin1', start, this.pos);
	}

	// The next value, or an Op for an operator keyword; undefined at the end.
	value() {
		this.skip();
		const b = this.b;
		if (this.pos >= b.length) return undefined;
		const c = String.fromCharCode(b[this.pos]);
		if (c === '<' && b[this.pos + 1] === 0x3c) {
			this.pos += 2;
			const dict = {};
			for (;;) {
				this.skip();
				if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
					this.pos += 2;
					return dict;
				}
				const k = this.value();
				if (k === undefined) return dict;
				const v = this.value();
				if (k instanceof Name) dict[k.name] = v;
			}
		}
		if (c === '<') {
			this.pos++;
			const start = this.pos;
			while (this.pos < b.length && b[this.pos] !== 0x3e) this.pos++;
			let hex = b.toString('latin1', start, this.pos).replace(/\s+/g, '');
			this.pos++;
			if (hex.length % 2) hex += '0';
			return Buffer.from(hex, 'hex');
		}
		if (c === '(') return this.literal();
		if (c === '[') {
			this.pos++;
			const arr = [];
			for (;;) {
				this.skip();
				if (b[this.pos] === 0x5d) {
					this.pos++;
					return arr;
				}
				const v = this.value();
				if (v === undefined) return arr;
				arr.push(v);
			}
		}
		if (c === '/') {
			this.pos++;
			return new Name(this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
		}
		if (c === ']' || c === '>' || c === ')' || c === '{' || c === '}') {
			this.pos++;
			return new Op(c);
		}
		const word = this.regular();
		if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
			// "n g R" is a reference.
			if (/^\d+$/.test(word)) {
				const save = this.pos;
				this.skip();
				const gen = this.regular();
				if (/^\d+$/.test(gen)) {
					this.skip();
					if (this.b[this.pos] === 0x52 && (this.pos + 1 >= b.length || WS.has(b[this.pos + 1]) || DELIM.has(b[this.pos + 1]))) {
						this.pos++;
						return new Ref(Number(word), Number(gen));
					}
				}
				this.pos = save;
			}
			return Number(word);
		}
		if (word === 'true') return true;
		if (word === 'false') return false;
		if (word === 'null') return null;
		if (word === '') {
			this.pos++;
			return new Op(c);
		}
		return new Op(word);
	}

	literal() {
		const b = this.b;
		this.pos++;
		const out = [];
		let depth = 1;
		while (this.pos < b.length) {
			const x = b[this.pos++];
			if (x === 0x5c) {
				const e = b[this.pos++];
				const map = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
				if (map[e] !== undefined) out.push(map[e]);
				else if (e >= 0x30 && e <= 0x37) {
					let n = e - 0x30;
					for (let i = 0; i < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; i++) n = n * 8 + (b[this.pos++] - 0x30);
					out.push(n & 0xff);
				} else if (e === 0x0d) {
					if (b[this.pos] === 0x0a) this.pos++;
				} else if (e !== 0x0a) out.push(e);
			} else if (x === 0x28) {
				depth++;
				out.push(x);
			} else if (x === 0x29) {
				if (--depth === 0) break;
				out.push(x);
			} else out.push(x);
		}
		return Buffer.from(out);
	}
}

// --- The document ---------------------------------------------------------------

export class Pdf {
	constructor(bytes) {
		this.bytes = Buffer.from(bytes);
		this.objects = new Map(); // num -> { value, stream (raw Buffer) }
		this.trailer = {};
		this.fonts = new Map();
		this.readObjects();
	}

	readObjects() {
		const text = this.bytes.toString('latin1');
		const re = /(\d+)\s+(\d+)\s+obj\b/g;
		let m;
		while ((m = re.exec(text))) {
			const p = new Parser(this.bytes, m.index + m[0].length);
			const value = p.value();
			let stream = null;
			p.skip();
			if (text.startsWith('stream', p.pos)) {
				let start = p.pos + 6;
				if (text[start] === '\r') start++;
				if (text[start] === '\n') start++;
				let len = value && typeof value.Length === 'number' ? value.Length : -1;
				if (len < 0 || !text.startsWith('endstream', this.skipWs(text, start + len))) {
					const end = text.indexOf('endstream', start);
					len = (end < 0 ? text.length : end) - start;
					while (len > 0 && (text[start + len - 1] === '\n' || text[start + len - 1] === '\r')) len--;
				}
				stream = this.bytes.subarray(start, start + len);
				re.lastIndex = start + len;
			} else re.lastIndex = p.pos;
			this.objects.set(Number(m[1]), { value, stream });
		}
		// Objects inside object streams.
		for (const [, o] of [...this.objects]) {
			if (!o.stream || !(o.value && o.value.Type instanceof Name && o.value.Type.name === 'ObjStm')) continue;
			const data = this.decode(o);
			const p = new Parser(data);
			const pairs = [];
			for (let i = 0; i < o.value.N; i++) pairs.push([p.value(), p.value()]);
			for (const [num, off] of pairs) {
				if (this.objects.has(num)) continue;
				const q = new Parser(data, o.value.First + off);
				this.objects.set(num, { value: q.value(), stream: null });
			}
		}
		// The trailer (or the cross-reference stream's dictionary).
		const t = text.lastIndexOf('trailer');
		if (t >= 0) this.trailer = new Parser(this.bytes, t + 7).value() || {};
		else for (const [, o] of this.objects) if (o.value && o.value.Type instanceof Name && o.value.Type.name === 'XRef') this.trailer = o.value;
	}

	skipWs(text, i) {
		while (i < text.length && /\s/.test(text[i])) i++;
		return i;
	}

	get(v) {
		for (let i = 0; v instanceof Ref && i < 32; i++) v = this.objects.get(v.num)?.value;
		return v instanceof Ref ? undefined : v;
	}

	// The decoded bytes of a stream object (or of a reference to one).
	decode(o) {
		if (o instanceof Ref) o = this.objects.get(o.num);
		if (!o || !o.stream) return Buffer.alloc(0);
		let filters = this.get(o.value.Filter);
		filters = filters === undefined ? [] : Array.isArray(filters) ? filters : [filters];
		let data = o.stream;
		for (const f of filters) {
			const name = this.get(f)?.name;
			if (name === 'FlateDecode') {
				try {
					data = zlib.inflateSync(data);
				} catch {
					data = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
				}
			} else throw new Error(`the PDF reader cannot decode ${name}`);
		}
		return data;
	}

	// The page objects in order, each with its inherited attributes.
	pages() {
		const root = this.get(this.trailer.Root) || [...this.objects.values()].map((o) => o.value)
			.find((v) => v && v.Type instanceof Name && v.Type.name === 'Catalog');
		const out = [];
		const visit = (node, inherited, depth) => {
			node = this.get(node);
			if (!node || depth > 64) return;
			const here = { ...inherited };
			for (const k of ['MediaBox', 'CropBox', 'Resources', 'Rotate']) if (node[k] !== undefined) here[k] = node[k];
			if (node.Type?.name === 'Pages' || node.Kids) {
				for (const kid of this.get(node.Kids) || []) visit(kid, here, depth + 1);
			} else {
				out.push({ ...here, node });
			}
		};
		visit(root && root.Pages, {}, 0);
		return out.map((p, i) => ({
			index: i + 1,
			mediaBox: (this.get(p.MediaBox) || []).map((x) => this.get(x)),
			text: () => this.pageText(p),
			links: () => (this.get(p.node.Annots) || []).map((a) => this.get(a))
				.filter((a) => a && this.get(a.Subtype)?.name === 'Link')
				.map((a) => {
					const action = this.get(a.A);
					const uri = action && this.get(action.URI);
					return uri instanceof Buffer ? uri.toString('latin1') : null;
				}).filter(Boolean),
		}));
	}

	// The ToUnicode map of a font: code (as a hex string) -> text, and the
	// code lengths in bytes.
	font(ref) {
		const key = ref instanceof Ref ? ref.num : ref;
		if (this.fonts.has(key)) return this.fonts.get(key);
		const f = this.get(ref) || {};
		const map = new Map();
		const widths = new Set();
		const subtype = this.get(f.Subtype)?.name;
		if (f.ToUnicode) {
			const cmap = this.decode(f.ToUnicode);
			const p = new Parser(cmap);
			const stack = [];
			const utf16 = (buf) => {
				let s = '';
				for (let i = 0; i + 1 < buf.length; i += 2) s += String.fromCharCode((buf[i] << 8) | buf[i + 1]);
				return s;
			};
			for (let v = p.value(); v !== undefined; v = p.value()) {
				if (!(v instanceof Op)) {
					stack.push(v);
					continue;
				}
				if (v.op === 'endcodespacerange') {
					for (let i = 0; i + 1 < stack.length; i += 2) widths.add(stack[i].length);
				} else if (v.op === 'endbfchar') {
					for (let i = 0; i + 1 < stack.length; i += 2) map.set(stack[i].toString('hex'), utf16(stack[i + 1]));
				} else if (v.op === 'endbfrange') {
					for (let i = 0; i + 2 < stack.length; i += 3) {
						const lo = stack[i];
						const n = lo.length;
						const from = parseInt(lo.toString('hex'), 16);
						const to = parseInt(stack[i + 1].toString('hex'), 16);
						const dst = stack[i + 2];
						for (let c = from; c <= to && c - from < 65536; c++) {
							const code = c.toString(16).padStart(n * 2, '0');
							if (Array.isArray(dst)) {
								if (dst[c - from]) map.set(code, utf16(dst[c - from]));
							} else {
								const d = Buffer.from(dst);
								d[d.length - 1] += c - from;
								map.set(code, utf16(d));
							}
						}
					}
				}
				if (v.op.startsWith('end') || v.op.startsWith('begin')) stack.length = 0;
			}
		}
		const width = subtype === 'Type0' ? (widths.size === 1 ? [...widths][0] : 2) : 1;
		// Glyph widths (thousandths of the font size), to see gaps.
		const advance = new Map();
		let missing = 0;
		if (subtype === 'Type0') {
			const cid = this.get((this.get(f.DescendantFonts) || [])[0]) || {};
			missing = this.get(cid.DW) ?? 1000;
			const w = (this.get(cid.W) || []).map((x) => this.get(x));
			for (let i = 0; i < w.length;) {
				const first = w[i];
				if (Array.isArray(w[i + 1])) {
					w[i + 1].forEach((x, j) => advance.set(first + j, this.get(x)));
					i += 2;
				} else {
					for (let c = first; c <= w[i + 1]; c++) advance.set(c, w[i + 2]);
					i += 3;
				}
			}
		} else {
			const first = this.get(f.FirstChar) || 0;
			(this.get(f.Widths) || []).forEach((x, j) => advance.set(first + j, this.get(x)));
			const m = this.get(f.FontMatrix);
			if (subtype === 'Type3' && m) for (const [k, v] of advance) advance.set(k, v * this.get(m[0]) * 1000);
		}
		const out = { map, width, advance, missing };
		this.fonts.set(key, out);
		return out;
	}

	// The text of a page: runs on one baseline joined (with a space where
	// there is a gap), lines by newlines.
	pageText(page) {
		const lines = [];
		let line = '';
		let lastY = null;
		let lastEnd = null;
		// Shows bytes at text matrix tm; returns the advance in text space.
		const show = (font, size, bytes, tm, ctm) => {
			if (!font) return 0;
			const y = tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5];
			const x = tm[4] * ctm[0] + tm[5] * ctm[2] + ctm[4];
			const scale = Math.hypot(tm[0] * ctm[0], tm[0] * ctm[1]) || 1;
			if (lastY !== null && Math.abs(y - lastY) > size * scale * 0.3) {
				lines.push(line);
				line = '';
			} else if (lastEnd !== null && line && !/\s$/.test(line) && Math.abs(x - lastEnd) > size * scale * 0.25) {
				line += ' ';
			}
			let adv = 0;
			for (let i = 0; i + font.width <= bytes.length; i += font.width) {
				const code = bytes.subarray(i, i + font.width);
				const t = font.map.get(code.toString('hex'));
				line += t !== undefined ? t : font.width === 1 ? String.fromCharCode(code[0]) : '';
				const n = font.width === 1 ? code[0] : code.readUInt16BE(0);
				adv += ((font.advance.get(n) ?? font.missing) / 1000) * size;
			}
			lastY = y;
			lastEnd = x + adv * scale * Math.sign(tm[0] * ctm[0] || 1);
			return adv;
		};
		const run = (content, resources, ctm, depth) => {
			resources = this.get(resources) || {};
			const fonts = this.get(resources.Font) || {};
			const xobjects = this.get(resources.XObject) || {};
			const p = new Parser(content);
			const args = [];
			let font = null;
			let size = 0;
			let tm = [1, 0, 0, 1, 0, 0];
			let tlm = [1, 0, 0, 1, 0, 0];
			let leading = 0;
			const moved = (dx) => {
				tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + dx * tm[0], tm[5] + dx * tm[1]];
			};
			const stack = [];
			for (let v = p.value(); v !== undefined; v = p.value()) {
				if (!(v instanceof Op)) {
					args.push(v);
					continue;
				}
				const op = v.op;
				if (op === 'BI') { // inline image: skip to EI
					const text = content.toString('latin1');
					const ei = text.indexOf('EI', p.pos);
					p.pos = ei < 0 ? content.length : ei + 2;
				} else if (op === 'q') stack.push(ctm);
				else if (op === 'Q') ctm = stack.pop() || ctm;
				else if (op === 'cm' && args.length >= 6) {
					const [a, b, c, d, e, f] = args.slice(-6);
					ctm = [a * ctm[0] + b * ctm[2], a * ctm[1] + b * ctm[3], c * ctm[0] + d * ctm[2], c * ctm[1] + d * ctm[3],
						e * ctm[0] + f * ctm[2] + ctm[4], e * ctm[1] + f * ctm[3] + ctm[5]];
				} else if (op === 'BT') {
					tm = [1, 0, 0, 1, 0, 0];
					tlm = tm;
				} else if (op === 'Tf' && args.length >= 2) {
					const ref = fonts[args[args.length - 2]?.name];
					font = ref ? this.font(ref) : null;
					size = args[args.length - 1];
				} else if (op === 'Tm' && args.length >= 6) {
					tm = args.slice(-6);
					tlm = tm;
				} else if ((op === 'Td' || op === 'TD') && args.length >= 2) {
					const [tx, ty] = args.slice(-2);
					if (op === 'TD') leading = -ty;
					tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tx * tlm[0] + ty * tlm[2] + tlm[4], tx * tlm[1] + ty * tlm[3] + tlm[5]];
					tm = tlm;
				} else if (op === 'TL' && args.length) leading = args[args.length - 1];
				else if (op === 'T*') {
					tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tlm[4] - leading * tlm[2], tlm[5] - leading * tlm[3]];
					tm = tlm;
				} else if (op === 'Tj' || op === "'" || op === '"') {
					if (op !== 'Tj') {
						tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tlm[4] - leading * tlm[2], tlm[5] - leading * tlm[3]];
						tm = tlm;
					}
					const s = args[args.length - 1];
					if (s instanceof Buffer) moved(show(font, size, s, tm, ctm));
				} else if (op === 'TJ') {
					const arr = args[args.length - 1];
					if (Array.isArray(arr)) {
						for (const item of arr) {
							if (item instanceof Buffer) moved(show(font, size, item, tm, ctm));
							else if (typeof item === 'number') moved((-item / 1000) * size);
						}
					}
				} else if (op === 'Do' && args.length && depth < 8) {
					const x = this.get(xobjects[args[args.length - 1]?.name]);
					const ref = xobjects[args[args.length - 1]?.name];
					if (x && this.get(x.Subtype)?.name === 'Form') {
						const m = (this.get(x.Matrix) || [1, 0, 0, 1, 0, 0]).map((n) => this.get(n));
						const inner = [m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3], m[2] * ctm[0] + m[3] * ctm[2],
							m[2] * ctm[1] + m[3] * ctm[3], m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5]];
						run(this.decode(ref), x.Resources || resources, inner, depth + 1);
					}
				}
				args.length = 0;
			}
		};
		const c = this.get(page.node.Contents);
		const contents = Array.isArray(c) ? c : [page.node.Contents];
		const data = Buffer.concat(contents.filter(Boolean).map((x) => Buffer.concat([this.decode(x), Buffer.from('\n')])));
		run(data, page.Resources, [1, 0, 0, 1, 0, 0], 0);
		lines.push(line);
		return lines.join('\n');
	}
}

// Reads a PDF: its pages ({index, mediaBox, text(), links()}).
export function readPdf(bytes) {
	return new Pdf(bytes).pages();
}
