import { expect, test, type Page } from '@playwright/test';
import { decideAccess } from '../../../src/lib/server/auth/access-policy';
import { loginAs, type DemoAccountKey } from '../support/accounts';
import { catalog } from '../support/candidate';
import { listAppRoutes } from '../support/routes';

/**
 * Every page of the app at 360 px wide: no element's box may reach past the viewport, unless
 * it sits inside a region that scrolls on its own (a labelled, focusable `.table-scroll`).
 * Pages come from src/routes on disk, so a page added later is checked too; each is visited
 * by the first demo account the access policy lets in.
 */
const WIDTH = 360;
const routes = listAppRoutes().filter((route) => route.hasPage);
const visitors: (DemoAccountKey | null)[] = [null, 'candidate', 'vae', 'trainer', 'admin'];
const roles = { candidate: 'candidate', vae: 'candidate', trainer: 'trainer', admin: 'admin' } as const;

/** Real pages behind parameters, with real ids, for the enrolled demo candidate. */
const module = catalog.modules.find((m) => m.competenceId === 'tci.c1')!;
const extra: Record<string, string[]> = {
	'/referentiels/[certification]': catalog.certifications.map((c) => `/referentiels/${c.id}`),
	'/metiers/[id]': catalog.metiers.map((m) => `/metiers/${m.id}`),
	'/modules/[certification]/[competence]': [`/modules/${module.certificationId}/${module.slug}`],
	'/candidat/progression/[certification]': ['/candidat/progression/tci'],
	'/candidat/progression/[certification]/[competence]': ['/candidat/progression/tci/c1', '/candidat/progression/tci/c5'],
	'/candidat/progression/[certification]/rapport': ['/candidat/progression/tci/rapport']
};

async function overflowing(page: Page): Promise<string[]> {
	return page.evaluate((width) => {
		const found: string[] = [];
		for (const element of Array.from(document.body.querySelectorAll('*'))) {
			if (element.closest('.table-scroll, .visually-hidden, .sr, svg, details:not([open]) > :not(summary)')) continue;
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			if (box.right > width + 1) {
				const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
				found.push(`${name} (${Math.round(box.right)} px) « ${(element.textContent ?? '').trim().slice(0, 40)} »`);
			}
		}
		return found.slice(0, 5);
	}, WIDTH);
}

test.use({ viewport: { width: WIDTH, height: 740 } });

for (const visitor of visitors) {
	test(`no page scrolls sideways at ${WIDTH} px (${visitor ?? 'anonyme'})`, async ({ page }) => {
		test.setTimeout(240_000);
		const mine = routes.filter((route) => {
			const index = visitors.findIndex((v) => decideAccess(route.id, v ? { role: roles[v] } : null) === 'allow');
			return visitors[index] === visitor;
		});
		if (visitor) await loginAs(page, visitor);
		// The demo candidate's own pages are seen enrolled: enrol in TCI if not yet.
		if (visitor === 'candidate') {
			await page.goto('/candidat');
			const select = page.getByLabel('Certification', { exact: true });
			if (await select.locator('option[value="tci"]').count()) {
				await select.selectOption('tci');
				await page.getByRole('button', { name: "S'inscrire" }).click();
			}
		}
		const problems: string[] = [];
		for (const route of mine) {
			for (const url of extra[route.id] ?? [route.url]) {
				await page.goto(url);
				const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
				if (scrollWidth > WIDTH + 1) problems.push(`${url} : largeur ${scrollWidth} px`);
				for (const element of await overflowing(page)) problems.push(`${url} : ${element}`);
			}
		}
		expect(problems).toEqual([]);
	});
}
