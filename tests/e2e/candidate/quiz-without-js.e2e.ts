import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, enrolIn, itemShown, journeyModule, modulePath, signUpCandidate } from '../support/candidate';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

test('an empty answer comes back through a redirect: the address is the quiz’s and reloading re-sends nothing', async ({ page }) => {
	const module = journeyModule();
	await signUpCandidate(page, 'Sacha Sans Script');
	await enrolIn(page, module.certificationId);
	await page.goto(modulePath(module));
	await page.getByRole('button', { name: 'Commencer le quiz' }).click();
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	const quizUrl = page.url();

	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url());
	});
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	// Post-redirect-get: the page after the error is a GET of the quiz, not the form's action.
	await expect(page).toHaveURL(quizUrl);
	expect(page.url()).not.toContain('?/answer');
	const message = page.locator('.field-error');
	await expect(message).toBeVisible();
	await expect(message).not.toBeEmpty();

	const before = posts.length;
	await page.reload();
	expect(posts.length).toBe(before);
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
	// The error was said once: a reload starts the question afresh.
	await expect(page.locator('.field-error')).toHaveCount(0);
});
});

test('the quiz summary words and colours each result and offers to retake it or review the missed questions', async ({ page }) => {
	// A whole adaptive quiz is answered: on a loaded machine that takes more than the default.
	test.setTimeout(180_000);
	const module = journeyModule();
	await signUpCandidate(page, 'Alex Bilan');
	await enrolIn(page, module.certificationId);
	await page.goto(modulePath(module));
	await page.getByRole('button', { name: 'Commencer le quiz' }).click();
	// Every answer wrong, so every question is a missed one.
	for (let i = 0; i < 40; i++) {
		if (await page.getByRole('heading', { name: 'Bilan du quiz' }).count()) break;
		const form = page.locator('form.question');
		await answerItem(form, await itemShown(form, module.quiz), false);
		await page.getByRole('button', { name: 'Valider ma réponse' }).click();
		await page.getByRole('link', { name: /Question suivante|Voir le bilan du quiz/ }).click();
		// Wait for the next page before looking at it: the next question or the summary.
		await expect(page.getByRole('heading', { name: /^Question \d+ sur|^Bilan du quiz$/ })).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'Bilan du quiz' })).toBeVisible();
	const results = page.getByRole('list', { name: 'Résultat par question' }).getByRole('listitem');
	expect(await results.count()).toBeGreaterThan(0);
	await expect(results.first()).toContainText(/Faux|En partie juste/);
	await expect(page.getByRole('button', { name: 'Refaire le quiz' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText(`(${module.competenceId}.`);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: /Revoir les questions manquées/ }).click();
	// The question is recalled, open, above its correction; the next missed one follows.
	await expect(page.locator('details.recall')).toHaveAttribute('open', '');
	await expect(page.getByRole('link', { name: /Question manquée suivante|Voir le bilan du quiz/ }).first()).toBeVisible();
});
