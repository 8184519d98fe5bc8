// Debian's Chromium, headless, driven by playwright-core. Playwright's own
// browser download does not work offline, so the system browser is used,
// with a fresh profile and no background traffic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch (e) {
		throw new Error(`playwright-core is not installed (${e.code || e.message}): run ./setup, ` +
			'or (cd tests/browser && npm ci --ignore-scripts)');
	}
}

// Launches Chromium with a fresh profile directory; resolves to
// { context, close() }. Requests that leave 127.0.0.1 are aborted and
// passed to onExternal(url) when it is given.
export async function launch({ onExternal } = {}) {
	const { chromium } = loadPlaywright();
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run ./setup (apt-get install chromium)`);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'porta-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--disable-quic', '--disable-extensions',
			'--disable-default-apps', '--hide-scrollbars', '--font-render-hinting=none',
		],
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: 1,
		locale: 'fi-FI',
		timezoneId: 'Europe/Helsinki',
		reducedMotion: 'reduce',
	});
	await context.route('**/*', (route) => {
		const url = route.request().url();
		let host = '';
		try {
			host = new URL(url).hostname;
		} catch {
			/* data: and the like */
		}
		if (host === '127.0.0.1' || url.startsWith('data:') || url.startsWith('about:')) return route.continue();
		if (onExternal) onExternal(url, route.request());
		return route.abort('blockedbyclient');
	});
	return {
		context,
		close: async () => {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
