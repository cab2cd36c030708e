// The weight (raw HTML bytes) and the height (document height in Chromium, at 1280 and 360 px
// wide) of the pages a candidate reads most: the progress map, the report and a module page.
// The targets of issue 15: the TCI map under 40 KB and under 2,000 px tall at 1280 px.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { resolveChromium } from '../e2e/support/chromium';

export interface PageWeight {
	path: string;
	label: string;
	bytes: number;
	/** Document height in px at each width; null when no browser could be started. */
	heights: Record<number, number | null>;
}

const fileName = (path: string) => path.replace(/\W+/g, '-').replace(/^-|-$/g, '');

export const WIDTHS = [1280, 360] as const;

export async function measurePages(origin: string, token: string, pages: { path: string; label: string }[]): Promise<PageWeight[]> {
	const weights: PageWeight[] = [];
	for (const page of pages) {
		const response = await fetch(`${origin}${page.path}`, { headers: { cookie: `jalon_session=${token}`, accept: 'text/html' }, redirect: 'manual' });
		const body = Buffer.from(await response.arrayBuffer());
		if (response.status !== 200) throw new Error(`${page.path} : statut ${response.status}`);
		if (process.env.BENCH_SHOTS) fs.writeFileSync(`${process.env.BENCH_SHOTS}/${fileName(page.path)}.html`, body);
		weights.push({ ...page, bytes: body.byteLength, heights: Object.fromEntries(WIDTHS.map((w) => [w, null])) });
	}
	let browser;
	try {
		browser = await chromium.launch({ executablePath: resolveChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
	} catch (error) {
		console.log(`Hauteurs non mesurées : Chromium ne démarre pas (${(error as Error).message.split('\n')[0]}).`);
		return weights;
	}
	try {
		for (const width of WIDTHS) {
			const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
			await context.addCookies([{ name: 'jalon_session', value: token, url: origin }]);
			const tab = await context.newPage();
			for (const weight of weights) {
				await tab.goto(`${origin}${weight.path}`);
				weight.heights[width] = await tab.evaluate(() => document.documentElement.scrollHeight);
				// BENCH_SHOTS=<folder>: a full-page screenshot of each page at each width, to look at.
				if (process.env.BENCH_SHOTS) {
					await tab.screenshot({ path: `${process.env.BENCH_SHOTS}/${fileName(weight.path)}-${width}.png`, fullPage: true });
				}
			}
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return weights;
}

export function printWeights(engine: string, weights: PageWeight[]): void {
	console.log(`\n${engine} : poids et hauteur des pages du candidat mesuré`);
	for (const w of weights) {
		const heights = WIDTHS.map((width) => `${w.heights[width] ?? '—'} px à ${width} px`).join(', ');
		console.log(`  ${w.path.padEnd(44)} ${(w.bytes / 1024).toFixed(1).padStart(6)} Ko HTML ; ${heights} — ${w.label}`);
	}
}

/** The targets on the map: under 40 KB of HTML, under 2,000 px tall at 1280 px. */
export function printMapTargets(map: PageWeight): void {
	const height = map.heights[1280] ?? null;
	console.log(
		`Cible carte TCI : HTML < 40 Ko → ${(map.bytes / 1024).toFixed(1)} Ko ${map.bytes < 40 * 1024 ? 'atteinte' : 'NON atteinte'} ; ` +
			`hauteur < 2 000 px à 1280 px → ${height ?? '—'} px ${height === null ? 'non mesurée' : height < 2000 ? 'atteinte' : 'NON atteinte'}`
	);
}
