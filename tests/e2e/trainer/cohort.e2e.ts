import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addDays, todayInFrance } from '../../../src/lib/server/groups/days';
import { DEMO_ACCOUNTS, loginAs, signedInRequest } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, catalog, enrolIn, itemShown, signUpCandidate } from '../support/candidate';

/**
 * Trainers, part 2: the cohort moves when a candidate answers; an observation for two
 * candidates at once, seen and acknowledged by one of them; the CSV; the filters and the
 * observation form without JavaScript; nothing of another group by changing an id.
 */
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const c1 = tci.units[0]!.competences[0]!;
const module = catalog.modules.find((m) => m.competenceId === c1.id)!;
const [k1, k2] = c1.criteria as [(typeof c1.criteria)[number], (typeof c1.criteria)[number]];

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ locale: 'fr-FR', ...options });
	return context.newPage();
}

async function createGroup(page: Page, name: string): Promise<{ code: string; url: string }> {
	await page.goto('/formateur/groupes/nouveau');
	await page.getByLabel('Nom du groupe').fill(name);
	await page.getByLabel('Certification préparée').selectOption('tci');
	await page.getByRole('button', { name: 'Créer le groupe' }).click();
	await expect(page.getByRole('status')).toContainText('Groupe créé');
	const code = (await page.locator('.code').textContent())!.trim();
	return { code, url: page.url().split('?')[0]!.replace(/\/reglages$/, '') };
}

async function joinAs(browser: Browser, name: string, code: string): Promise<Page> {
	const page = await newPage(browser);
	await signUpCandidate(page, name);
	await enrolIn(page, 'tci');
	await page.goto('/rejoindre');
	await page.getByLabel('Code du groupe').fill(code);
	await page.getByRole('button', { name: 'Continuer' }).click();
	await page.getByRole('button', { name: 'Rejoindre le groupe' }).click();
	await expect(page).toHaveURL(/\/candidat/);
	return page;
}

/** The cells of a candidate's row that say something else than « non évalué ». */
const evaluatedCells = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) }).locator('td.enc, td.con, td.acq');

async function shoot(page: Page, name: string): Promise<void> {
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `test-results/h17-${name}-${width}.png`, fullPage: true });
		if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} à 360 px`).toBeLessThanOrEqual(360);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a cell moves when a candidate answers; one observation for two candidates; one acknowledges it; the CSV downloads', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await loginAs(page, 'trainer');
	const name = `Cohorte e2e ${Date.now().toString(36)}`;
	const group = await createGroup(page, name);
	const ana = await joinAs(browser, 'Ana Cohorte', group.code);
	const ben = await joinAs(browser, 'Ben Cohorte', group.code);

	await page.goto(group.url);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByRole('status').first()).toContainText('2 candidats affichés sur 2');
	await expect(page.getByRole('rowheader')).toHaveCount(2);
	await expect(evaluatedCells(page, 'Ana Cohorte')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Ana answers one question rightly: her row shows it on the trainer's next look.
	await ana.goto('/modules/tci/c1');
	await ana.getByRole('button', { name: 'Commencer le quiz' }).click();
	const form = ana.locator('form.question');
	const item = await itemShown(form, module.quiz);
	await answerItem(form, item, true);
	await ana.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(ana.getByRole('heading', { name: 'Bonne réponse' })).toBeVisible();
	await page.reload();
	await expect(evaluatedCells(page, 'Ana Cohorte')).toHaveCount(item.criteria.length);
	await expect(page.getByRole('row', { name: /Ana Cohorte/ })).toContainText('à consolider');
	await expect(evaluatedCells(page, 'Ben Cohorte')).toHaveCount(0);
	await shoot(page, 'cohorte');
	// Collapsed to competences, then to blocks, by the GET parameter.
	await page.getByLabel('Niveau de détail').selectOption('competence');
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL(/niveau=competence/);
	await expect(page.getByRole('columnheader', { name: new RegExp(c1.title.slice(0, 30)) })).toBeVisible();
	await expectNoAxeViolations(page);

	// One observation, two candidates, two criteria.
	await page.goto(group.url);
	await page.getByRole('link', { name: 'Enregistrer une observation' }).click();
	await page.getByRole('checkbox', { name: 'Ana Cohorte' }).check();
	await page.getByRole('checkbox', { name: 'Ben Cohorte' }).check();
	await page.getByText(`${c1.number}. ${c1.title}`).click();
	await page.getByRole('checkbox', { name: k1.label }).check();
	await page.getByRole('checkbox', { name: k2.label }).check();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Continuer' }).click();
	await page.getByLabel('Lieu').fill('Société Mécanix, Lyon');
	await page.getByRole('radio', { name: /Situation professionnelle réelle/ }).check();
	await page.getByLabel('Tuteur en entreprise qui a aussi observé (facultatif)').fill('Marc Dubois');
	for (const candidate of ['Ana Cohorte', 'Ben Cohorte']) {
		for (const criterion of [k1, k2]) {
			const fieldset = page.getByRole('group', { name: `${criterion.label} — ${candidate}` });
			await fieldset.getByRole('radio', { name: candidate === 'Ana Cohorte' ? 'Acquis' : 'En cours', exact: true }).check();
		}
	}
	await page.getByRole('textbox', { name: `Commentaire sur ${k1.label} pour Ana Cohorte (facultatif)` }).fill('Veille présentée avec ses sources.');
	await expectNoAxeViolations(page);
	await shoot(page, 'observation');
	await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
	await expect(page.getByRole('status').first()).toContainText('Observation enregistrée pour 2 candidats');

	// Ana sees it from her map, reads it, acknowledges it.
	await ana.goto('/candidat/progression/tci');
	await expect(ana.getByRole('link', { name: 'Observations de vos formateurs : 1' })).toBeVisible();
	await ana.getByRole('link', { name: 'Observations de vos formateurs : 1' }).click();
	await expect(ana.getByText('Veille présentée avec ses sources.')).toBeVisible();
	await expect(ana.getByText('Vous n’en avez pas encore pris connaissance.')).toBeVisible();
	await expectNoAxeViolations(ana);
	await shoot(ana, 'prise-de-connaissance');
	await ana.getByRole('button', { name: /J’en ai pris connaissance/ }).click();
	await expect(ana.getByRole('status').first()).toContainText('C’est noté');
	await expect(ana.getByText(/Pris connaissance le/)).toBeVisible();

	// The trainer sees who acknowledged, in each drill-down.
	await page.goto(group.url);
	await page.getByRole('link', { name: 'Ana Cohorte' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ana Cohorte' })).toBeVisible();
	await expect(page.locator('section[aria-labelledby="observations"]')).toContainText('Pris connaissance le');
	await expect(page.locator('section[aria-labelledby="observations"]').getByText(/Société Mécanix, Lyon/)).toBeVisible();
	await expectNoAxeViolations(page);
	await shoot(page, 'candidat');
	await page.goto(group.url);
	await page.getByRole('link', { name: 'Ben Cohorte' }).click();
	await expect(page.locator('section[aria-labelledby="observations"]')).toContainText('Pas encore pris connaissance');

	// The CSV: BOM, `;`, one row per candidate, the group and the day in its name.
	await page.goto(group.url);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV' }).click()]);
	expect(download.suggestedFilename()).toMatch(new RegExp(`^jalon-cohorte-e2e-[a-z0-9]+-${todayInFrance()}\\.csv$`));
	const bytes = fs.readFileSync(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[0]).toMatch(/^Nom;E-mail;Groupe;/);
	expect(lines[1]).toMatch(/^Ana Cohorte;/);
	expect(lines[1]).toContain(`;${name};`);
	await ana.context().close();
	await ben.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the cohort filters and the observation form work, the form keeps what was typed', async ({ page }) => {
		test.setTimeout(90_000);
		await loginAs(page, 'trainer');
		await page.getByRole('link', { name: 'TCI — session de démonstration' }).click();
		await expect(page.getByRole('status').first()).toContainText('12 candidats affichés sur 12');
		await page.getByRole('checkbox', { name: 'à relancer' }).check();
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/relancer=1/);
		const shown = Number((await page.getByRole('status').first().innerText()).match(/^(\d+)/)![1]);
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThan(12);
		await expect(page.getByRole('rowheader')).toHaveCount(shown);
		await page.getByRole('link', { name: 'Effacer les filtres' }).click();
		await expect(page.getByRole('status').first()).toContainText('12 candidats affichés sur 12');
		// Sorted by one criterion from its column header.
		await page.getByRole('columnheader', { name: new RegExp(k1.label) }).getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`tri=critere%3A${k1.id.replace(/\./g, '\\.')}|tri=critere:${k1.id.replace(/\./g, '\\.')}`));

		await page.getByRole('link', { name: 'Enregistrer une observation' }).click();
		await page.getByRole('checkbox', { name: 'Karim Benali (démo)' }).check();
		await page.getByText(`${c1.number}. ${c1.title}`).click();
		await page.getByRole('checkbox', { name: k2.label }).check();
		await page.getByRole('button', { name: 'Continuer' }).click();
		await page.getByLabel('Date de l’observation').fill(addDays(todayInFrance(), 3));
		await page.getByLabel('Lieu').fill('Atelier du client');
		await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
		await expect(page.getByText('L’observation ne peut pas être datée dans le futur.')).toBeVisible();
		await expect(page.getByText('Choisissez le type de situation observée.')).toBeVisible();
		await expect(page.getByText(/Choisissez un résultat/)).toBeVisible();
		await expect(page.getByLabel('Lieu')).toHaveValue('Atelier du client');
		await page.getByLabel('Date de l’observation').fill(todayInFrance());
		await page.getByRole('radio', { name: /Entretien avec apport de preuves/ }).check();
		await page.getByRole('radio', { name: 'Acquis', exact: true }).check();
		await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Karim Benali (démo)' })).toBeVisible();
		await expect(page.getByText('Observation enregistrée : le candidat la voit sur sa carte.')).toBeVisible();
		await expect(page.locator('section[aria-labelledby="observations"]')).toContainText('Atelier du client');
	});
});

test('a trainer changing a group, candidate or observation id reaches nothing; a candidate acknowledges only their own', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);
	// The admin makes a group the demo trainer does not belong to.
	await loginAs(page, 'admin');
	const other = await createGroup(page, `Groupe d’autrui ${Date.now().toString(36)}`);
	const trainer = await newPage(browser);
	await loginAs(trainer, 'trainer');
	await trainer.getByRole('link', { name: 'TCI — session de démonstration' }).click();
	await expect(trainer.getByRole('heading', { level: 1, name: 'TCI — session de démonstration' })).toBeVisible();
	const demoUrl = trainer.url().split('?')[0]!;
	// Karim was observed in the demo workshop: his drill-down offers a correction.
	const memberHref = (await trainer.getByRole('link', { name: 'Karim Benali (démo)' }).getAttribute('href'))!;
	const memberId = memberHref.split('/').at(-1)!;
	for (const path of ['', '/reglages', '/rapport', '/export.csv', '/observations/nouvelle', `/candidats/${memberId}`]) {
		expect((await trainer.request.get(`${other.url}${path}`, { maxRedirects: 0 })).status(), path).toBe(404);
	}
	// A member of the demo group, looked up through another group's id, or a non-member through the demo group.
	const admin = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
	const adminPage = await (await admin.get(`/admin/comptes?q=${encodeURIComponent(DEMO_ACCOUNTS.vae.email)}`)).text();
	const outsiderId = /href="\/admin\/comptes\/([0-9a-f-]{36})"/.exec(adminPage)![1]!;
	expect((await trainer.request.get(`${demoUrl}/candidats/${outsiderId}`)).status()).toBe(404);
	const own = await trainer.request.get(`${demoUrl}/export.csv`);
	expect(own.status()).toBe(200);
	const before = await own.text();
	const posted = await trainer.request.post(`${other.url}/observations/nouvelle`, {
		form: { candidat: memberId, critere: k1.id, date: todayInFrance(), lieu: 'x', situation: 'réelle', [`resultat__${memberId}__${k1.id}`]: '1' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);
	expect(await (await trainer.request.get(`${demoUrl}/export.csv`)).text()).toBe(before);

	// An observation id of the demo group opened for correction through another group: nothing.
	await trainer.goto(`${demoUrl}/candidats/${memberId}`);
	const correct = trainer.getByRole('link', { name: /Corriger cette observation/ }).first();
	await expect(correct).toBeVisible();
	{
		const observationId = new URL((await correct.getAttribute('href'))!, baseURL).searchParams.get('corrige')!;
		expect((await trainer.request.get(`${other.url}/observations/nouvelle?corrige=${observationId}`)).status()).toBe(404);
		// Another candidate cannot acknowledge it.
		const stranger = await newPage(browser);
		await signUpCandidate(stranger, 'Curieux Candidat');
		const response = await stranger.request.post('/candidat/observations?/acknowledge', { form: { observationId }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status()).toBe(404);
		await stranger.context().close();
	}
	await admin.dispose();
	await trainer.context().close();
});
