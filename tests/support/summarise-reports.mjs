// Adds up the JSON reports vitest and Playwright wrote under a folder and prints one line
// "N passed, N failed" (plus skipped), exiting non-zero when anything failed or nothing ran.
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;

function walk(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full);
		else if (entry.name.endsWith('.json')) count(JSON.parse(fs.readFileSync(full, 'utf8')), entry.name);
	}
}

function count(report, name) {
	if (name.startsWith('vitest')) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + report.numTodoTests;
	} else if (name.startsWith('playwright')) {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	}
}

walk(root);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
