// The built site on disk and a tiny static server for it on loopback.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// Every file under root, as site paths ("/fi/index.html"), sorted.
export function walk(root) {
	const out = [];
	const visit = (dir, rel) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const abs = path.join(dir, e.name);
			const r = rel + '/' + e.name;
			if (e.isDirectory()) visit(abs, r);
			else if (e.isFile()) out.push(r);
		}
	};
	visit(root, '');
	return out.sort();
}

// "/fi/x/index.html" -> "/fi/x/": the address a page is linked by.
export function pageUrlPath(file) {
	return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

// The file a site path is served from, or null when there is none.
export function fileFor(root, urlPath) {
	let p;
	try {
		p = decodeURIComponent(urlPath.split(/[?#]/)[0]);
	} catch {
		return null;
	}
	if (p.includes('\0')) return null;
	const abs = path.join(root, path.normalize(p));
	if (abs !== root && !abs.startsWith(root + path.sep)) return null;
	try {
		const st = fs.statSync(abs);
		if (st.isFile()) return abs;
		if (st.isDirectory() && p.endsWith('/')) {
			const index = path.join(abs, 'index.html');
			if (fs.statSync(index).isFile()) return index;
		}
	} catch {
		/* not there */
	}
	return null;
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
};

// The path the site is published under, from the root page's hreflang
// alternates (https://example.org/mini/fi/ -> "/mini/"); "/" if none.
export function basePath(root) {
	let html = '';
	try {
		html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
	} catch {
		return '/';
	}
	for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) {
		let p;
		try {
			p = new URL(m[2], 'http://x/').pathname;
		} catch {
			continue;
		}
		if (p.endsWith(`/${m[1]}/`)) return p.slice(0, -(m[1].length + 1));
	}
	return '/';
}

// Serves root under base on 127.0.0.1 at a free port, as a static host
// would: a directory's index.html, 404.html with status 404 for anything
// missing. Resolves to { origin, close() }.
export function serve(root, base = '/') {
	root = path.resolve(root);
	const server = http.createServer((req, res) => {
		const served = new URL(req.url, 'http://x').pathname;
		const urlPath = served.startsWith(base) ? '/' + served.slice(base.length) : '/\0';
		let file = fileFor(root, urlPath);
		let status = 200;
		if (!file) {
			// A directory without its slash is redirected, as hosts do.
			const abs = fileFor(root, urlPath + '/');
			if (abs && !urlPath.endsWith('/')) {
				res.writeHead(301, { Location: served + '/' });
				res.end();
				return;
			}
			status = 404;
			file = fileFor(root, '/404.html');
		}
		if (!file) {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('not found');
			return;
		}
		const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
		// Pages are read fresh; the stylesheet and images may be cached.
		const cache = type.startsWith('text/html') ? 'no-store' : 'max-age=600';
		res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
		if (req.method === 'HEAD') res.end();
		else fs.createReadStream(file).pipe(res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				origin: `http://127.0.0.1:${port}`,
				close: () => new Promise((r) => {
					server.closeAllConnections?.();
					server.close(() => r());
				}),
			});
		});
	});
}
