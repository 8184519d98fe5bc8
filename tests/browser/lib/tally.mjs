// Counting for the smaller test scripts (test-*.mjs): named checks, each
// passed or failed any number of times, a summary line per check and
// "N passed, N failed" last, and a watchdog that ends the script with a
// failure when it runs too long.
const started = Date.now();
const checks = new Map();
let finished = false;

function entry(name) {
	if (!checks.has(name)) checks.set(name, { passed: 0, failed: 0, what: '' });
	return checks.get(name);
}

// Describes a check for its summary line.
export function describe(name, what) {
	entry(name).what = what;
}

export function pass(name) {
	entry(name).passed++;
}

export function fail(name, where, message) {
	entry(name).failed++;
	console.log(`FAIL ${name} ${where}: ${message}`);
}

// Passes when ok, fails with message otherwise; returns ok.
export function expect(name, ok, where, message) {
	if (ok) pass(name);
	else fail(name, where, typeof message === 'function' ? message() : message);
	return ok;
}

export const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

// Prints the summary and the counts and exits (0 only if nothing failed).
// cleanup() runs first (close the browser, the server).
export async function finish(cleanup) {
	if (finished) return;
	finished = true;
	if (cleanup) {
		try {
			await cleanup();
		} catch (e) {
			fail('cleanup', '-', e.message);
		}
	}
	let passed = 0;
	let failed = 0;
	for (const [name, c] of checks) {
		console.log(`${name}: ${c.what ? c.what + ' — ' : ''}${c.passed} ok, ${c.failed} failed`);
		passed += c.passed;
		failed += c.failed;
	}
	console.log(`time: ${seconds()} s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

// Ends the script with a failure after limit seconds (TEST_TIMEOUT
// overrides it); cleanup as for finish.
export function watchdog(limit, cleanup) {
	const s = Number(process.env.TEST_TIMEOUT) || limit;
	const timer = setTimeout(() => {
		fail('time-limit', '-', `still running after ${s} s; stopped`);
		finish(cleanup);
	}, s * 1000);
	timer.unref();
}

// Runs main(); an exception is one failure, then the summary.
export async function run(main, cleanup) {
	try {
		await main();
	} catch (e) {
		fail('script', '-', (e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e)));
	}
	await finish(cleanup);
}
