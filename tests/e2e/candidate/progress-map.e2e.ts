import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, catalog, enrolIn, itemShown, signUpCandidate } from '../support/candidate';

const certification = catalog.certifications.find((c) => c.id === 'tci')!;
const criterionIds = certification.units.flatMap((unit) => unit.competences.flatMap((c) => c.criteria.map((criterion) => criterion.id)));
const module = catalog.modules.find((m) => m.competenceId === 'tci.c1')!;
const mapPath = '/candidat/progression/tci';
const STATUS = /acquis|à consolider|en cours|non évalué/;

const coveredByScenario = (criterionId: string) =>
	catalog.modules.some((m) => m.scenarios.some((s) => Object.values(s.nodes).some((node) => 'choices' in node && node.choices.some((c) => criterionId in c.effects))));
/** A criterion's cell on the map: a link to its details on its competence's page. */
const mapCell = (page: Page, criterionId: string) => page.locator(`.cells a[href$="#${criterionId}"]`);
/** A criterion's details on its competence's page. */
const detail = (page: Page, criterionId: string) => page.locator(`[id="${criterionId}"]`);
const competencePath = (criterionId: string) => `${mapPath}/${criterionId.split('.')[1]}`;

/** The status word of every criterion, from the map's cells (their words for screen readers) or the report's rows. */
async function statuses(page: Page, where: 'map' | 'report'): Promise<Record<string, string>> {
	const entries = await Promise.all(
		criterionIds.map(async (id) => {
			const text = where === 'map' ? await mapCell(page, id).locator('.sr').innerText() : await page.locator(`[id="r-${id}"] .status`).innerText();
			return [id, text.match(STATUS)?.[0] ?? text] as const;
		})
	);
	return Object.fromEntries(entries);
}

/** Answers the question on screen (the adaptive draw decides which) and returns its criteria. */
async function answerCurrentQuestion(page: Page, right: boolean): Promise<string[]> {
	const form = page.locator('form.question');
	const item = await itemShown(form, module.quiz);
	await answerItem(form, item, right);
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(page.getByRole('heading', { name: right ? 'Bonne réponse' : /Réponse incorrecte|en partie juste/ })).toBeVisible();
	return item.criteria;
}

test('answering a quiz moves its criteria on the map, and the report shows the same statuses', async ({ page }) => {
	await signUpCandidate(page, 'Dominique Progression');

	// Not enrolled yet: a clear message and the way to enrol.
	await page.goto(mapPath);
	await expect(page.getByRole('status')).toContainText('Vous n’êtes pas inscrit');
	await expect(page.getByRole('link', { name: 'S’inscrire depuis mon espace candidat' })).toHaveAttribute('href', '/candidat');

	await enrolIn(page, 'tci');
	await page.goto(mapPath);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(certification.title);
	for (const code of ['BDC 0158', 'BDC 0167', 'BDC 0166']) {
		await expect(page.getByRole('heading', { level: 2, name: new RegExp(code) })).toBeVisible();
	}
	await expect(page.getByText(`0 acquis, 0 à consolider, 0 en cours, ${criterionIds.length} non évalués`)).toBeVisible();
	await expect(page.locator('.unit .estimate').first()).toContainText('non validé');
	// Short labels on the map, never the official text nor an id.
	const first = catalog.criteria.get(criterionIds[0]!)!;
	await expect(mapCell(page, first.id)).toContainText(first.label);
	await expect(page.locator('main')).not.toContainText(first.text.replace(/\s+/g, ' ').slice(0, 80));
	await expect(page.locator('main')).not.toContainText('tci.c1.');
	await expectNoAxeViolations(page);

	// The adaptive quiz of competence 1: one right answer, then the map, then one wrong answer.
	await page.goto('/modules/tci/c1');
	await page.getByRole('button', { name: 'Commencer le quiz' }).click();
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	const quizUrl = page.url().split('?')[0]!;
	const rightCriteria = await answerCurrentQuestion(page, true);

	await page.goto(mapPath);
	for (const id of rightCriteria) await expect(mapCell(page, id).locator('.sr')).toContainText('à consolider');
	for (const id of rightCriteria) {
		// The details are on the competence's page: one right recall answer, 67 %, not yet enough
		// evidence nor any applied evidence; the next activity is a scenario when one covers it.
		await page.goto(competencePath(id));
		await expect(detail(page, id).locator('.status')).toContainText('à consolider');
		await expect(detail(page, id)).toContainText('Maîtrise estimée : 67 %');
		await expect(detail(page, id)).toContainText('Aucune mise en situation');
		await expect(detail(page, id)).toContainText(catalog.criteria.get(id)!.text.replace(/\s+/g, ' ').slice(0, 60));
		await expect(detail(page, id).locator('.todo').getByRole('link')).toHaveAttribute('href', coveredByScenario(id) ? /^\/modules\/tci\/c\d#scenario-tci\.c\d\.s\d+$/ : /^\/modules\/tci\/c\d#quiz$/);
	}
	await expectNoAxeViolations(page);
	await page.goto(mapPath);
	// A cell opens its competence's page at the criterion.
	await mapCell(page, rightCriteria[0]!).click();
	await expect(page).toHaveURL(`${competencePath(rightCriteria[0]!)}#${rightCriteria[0]}`);
	await page.goto(mapPath);
	const afterFirst = await statuses(page, 'map');
	for (const id of criterionIds.filter((id) => !rightCriteria.includes(id))) expect(afterFirst[id], id).toBe('non évalué');
	await expect(page.locator('.summary .next a')).toHaveAttribute('href', /^\/modules\/tci\//);

	await page.goto(quizUrl);
	await expect(page.getByRole('heading', { name: /Question 2 sur/ })).toBeVisible();
	const secondCriteria = await answerCurrentQuestion(page, false);
	const wrongCriteria = secondCriteria.filter((id) => !rightCriteria.includes(id));
	await page.goto(mapPath);
	for (const id of wrongCriteria) await expect(mapCell(page, id).locator('.sr')).toContainText('en cours');
	const onMap = await statuses(page, 'map');
	// The evolution chart has its table alternative.
	await expect(page.getByRole('img', { name: 'Part des critères acquis par semaine, par unité' })).toBeVisible();
	await page.getByText('Voir les données du graphique en tableau').click();
	await expect(page.getByRole('table', { name: 'Critères acquis à la fin de chaque semaine' })).toBeVisible();
	await expectNoAxeViolations(page);

	// The printable report: same statuses, the evidence behind them, the candidate and the date.
	await page.getByRole('link', { name: 'Rapport de préparation imprimable' }).click();
	await expect(page).toHaveURL(`${mapPath}/rapport`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapport de préparation');
	await expect(page.locator('.identity')).toContainText('Dominique Progression');
	await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible();
	expect(await statuses(page, 'report')).toEqual(onMap);
	const answeredOnce = rightCriteria.find((id) => !secondCriteria.includes(id)) ?? wrongCriteria[0];
	if (answeredOnce) await expect(page.locator(`[id="r-${answeredOnce}"]`)).toContainText('1 (quiz × 1)');
	await expectNoAxeViolations(page);
});

for (const width of [1280, 360]) {
	test(`the map at ${width} px: the whole certification on one grid, nothing off screen, axe clean`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await signUpCandidate(page);
		await enrolIn(page, 'tci');
		await page.goto(mapPath);
		await expect(page.locator('.cells a')).toHaveCount(criterionIds.length);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		// Both levels and what the estimate rests on, per unit; who decides, once.
		await expect(page.locator('.unit .estimate').first()).toContainText('acquis à l’entraînement');
		await expect(page.locator('.unit .estimate').first()).toContainText('démontré en situation réelle');
		await expect(page.locator('.unit .estimate').first()).toContainText('Aucune activité pour l’instant.');
		await expect(page.locator('#qui-decide')).toContainText('commission d’évaluation');
		if (width === 1280) expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2000);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: `test-results/carte-${width}.png`, fullPage: true });
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the report tells how to print with the browser', async ({ page }) => {
		await signUpCandidate(page);
		await enrolIn(page, 'tci');
		await page.goto(`${mapPath}/rapport`);
		await expect(page.getByText('utilisez la commande Imprimer de votre navigateur')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toHaveCount(0);
	});
});
