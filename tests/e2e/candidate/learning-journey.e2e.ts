import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, catalog, enrolIn, journeyModule, modulePath, optionIndex, signUpCandidate, tabTo } from '../support/candidate';

const module = journeyModule();
const certification = catalog.certifications.find((c) => c.id === module.certificationId)!;
const competence = catalog.competences.get(module.competenceId)!;
const [first, second] = module.quiz;

const debriefHeading = (page: Page) => page.getByRole('heading', { name: 'Débriefing critère par critère' });

/** Waits for the page after a choice: the next step, or the ending. */
async function nextStepOrEnding(page: Page, step: number): Promise<boolean> {
	const next = page.getByRole('heading', { name: `Étape ${step + 1}`, exact: true });
	await expect(next.or(debriefHeading(page))).toBeVisible();
	return next.isVisible();
}

async function playScenarioToEnd(page: Page): Promise<number> {
	let step = 1;
	await expect(page.getByRole('heading', { name: 'Étape 1', exact: true })).toBeVisible();
	for (;;) {
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Valider ce choix' }).click();
		if (!(await nextStepOrEnding(page, step))) return step;
		if (++step > 20) throw new Error('le scénario ne finit pas');
	}
}

async function journey(page: Page, { axe }: { axe: boolean }) {
	await signUpCandidate(page);
	await enrolIn(page, certification.id);
	if (axe) await expectNoAxeViolations(page);

	// The lesson, with a section per criterion.
	await page.goto(modulePath(module));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(competence.title);
	await expect(page.getByRole('article', { name: 'Leçon' }).getByRole('heading', { level: 2 }).first()).toBeVisible();
	if (axe) await expectNoAxeViolations(page);

	// The full quiz, in authored order: one right answer, one wrong.
	await page.getByRole('button', { name: 'Faire tout le quiz du module' }).click();
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	const html = await page.content();
	for (const choice of first!.type === 'single' ? first!.choices : []) {
		// Nothing of the correction reaches the browser before the answer.
		expect(html).not.toContain(choice.feedback.slice(0, 40));
	}
	if (axe) await expectNoAxeViolations(page);
	const form = page.locator('form.question');
	await answerItem(form, first!, true);
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(page.getByRole('heading', { name: 'Bonne réponse' })).toBeVisible();
	// The criterion at stake is named by its short label, never by its id.
	await expect(page.locator('.feedback .criteria').getByText(catalog.criteria.get(first!.criteria[0]!)!.label, { exact: true })).toBeVisible();
	await expect(page.locator('.feedback')).not.toContainText(first!.criteria[0]!);
	if (axe) await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Question suivante' }).click();
	await expect(page.getByRole('heading', { name: /Question 2 sur/ })).toBeVisible();
	await answerItem(form, second!, false);
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(page.getByRole('heading', { name: /Réponse incorrecte|en partie juste/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'La bonne réponse' })).toBeVisible();

	// A scenario, played to its ending and debriefed.
	await page.goto(modulePath(module));
	await page.getByRole('button', { name: 'Jouer le cas' }).first().click();
	await expect(page.getByRole('heading', { name: 'Étape 1', exact: true })).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
	const steps = await playScenarioToEnd(page);
	expect(steps).toBeGreaterThan(0);
	await expect(page.getByRole('heading', { name: 'Débriefing critère par critère' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Le chemin que vous avez pris' })).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
}

test('a candidate enrols, reads a lesson, answers a quiz and plays a scenario to its debrief', async ({ page }) => {
	await journey(page, { axe: true });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the same journey works with plain form posts', async ({ page }) => {
		await journey(page, { axe: false });
	});
});

test('a bad answer keeps what was typed and says what is wrong, in French', async ({ page }) => {
	const numericModule = catalog.modules.find((m) => m.quiz[0]?.type === 'numeric' && m.certificationId === module.certificationId);
	test.skip(!numericModule, 'aucun module ne commence par un item numérique');
	await signUpCandidate(page);
	await enrolIn(page, certification.id);
	await page.goto(modulePath(numericModule!));
	await page.getByRole('button', { name: 'Faire tout le quiz du module' }).click();
	await page.locator('input[name="value"]').fill('environ douze');
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(page.getByRole('alert')).toContainText("n'est pas un nombre");
	await expect(page.locator('input[name="value"]')).toHaveValue('environ douze');
	await expect(page.locator('input[name="value"]')).toHaveAttribute('aria-invalid', 'true');
});

test('reloading after an answer never records it twice, and an unfinished quiz resumes', async ({ page }) => {
	await signUpCandidate(page);
	await enrolIn(page, certification.id);
	await page.goto(modulePath(module));
	await page.getByRole('button', { name: 'Faire tout le quiz du module' }).click();
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	const quizUrl = page.url();
	await answerItem(page.locator('form.question'), first!, true);
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await expect(page.getByRole('heading', { name: 'Bonne réponse' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Bonne réponse' })).toBeVisible();
	// Back to the module: the quiz is offered for resuming, at question 2.
	await page.goto(modulePath(module));
	await page.getByRole('link', { name: 'Reprendre le quiz complet' }).click();
	await expect(page).toHaveURL(quizUrl.split('?')[0]!);
	await expect(page.getByText(/1 question sur/)).toBeVisible();
	await expect(page.getByRole('heading', { name: /Question 2 sur/ })).toBeVisible();
});

test('the quiz and the scenario can be done with the keyboard alone', async ({ page }) => {
	await signUpCandidate(page);
	await enrolIn(page, certification.id);
	await page.goto(modulePath(module));

	await tabTo(page, page.getByRole('button', { name: 'Faire tout le quiz du module' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	// Into the radio group, then arrows to the right answer.
	// Options are drawn per attempt: find where the right one is shown this time.
	const rightIndex = first!.type === 'single' ? await optionIndex(page.locator('form.question'), first!.choices.find((c) => c.correct)!.text) : 0;
	await tabTo(page, page.getByRole('radio').first());
	await page.keyboard.press('Space');
	for (let i = 0; i < rightIndex; i++) await page.keyboard.press('ArrowDown');
	await tabTo(page, page.getByRole('button', { name: 'Valider ma réponse' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Bonne réponse' })).toBeVisible();

	await page.goto(modulePath(module));
	await tabTo(page, page.getByRole('button', { name: 'Jouer le cas' }).first());
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Étape 1', exact: true })).toBeVisible();
	for (let step = 1; step <= 20; step++) {
		await tabTo(page, page.getByRole('radio').first());
		await page.keyboard.press('Space');
		await tabTo(page, page.getByRole('button', { name: 'Valider ce choix' }));
		await page.keyboard.press('Enter');
		if (!(await nextStepOrEnding(page, step))) break;
	}
	await expect(debriefHeading(page)).toBeVisible();
});
