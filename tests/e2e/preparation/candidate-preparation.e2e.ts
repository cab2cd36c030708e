import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, catalog, enrolIn, itemShown, signUpCandidate } from '../support/candidate';

const preparation = catalog.preparations.find((candidate) => candidate.certificationId === 'tci')!;
const certification = catalog.certifications.find((candidate) => candidate.id === 'tci')!;
const questions = catalog.questions.get('tci.c1') ?? [];

/** Answers every question of the preparation quiz rightly, checking each correction. */
async function answerWholeQuiz(page: Page): Promise<void> {
	for (let n = 0; n < preparation.quiz.length; n++) {
		const form = page.locator('form.question');
		const item = await itemShown(form, preparation.quiz);
		await answerItem(form, item, true);
		await form.getByRole('button', { name: 'Valider ma réponse' }).click();
		await expect(page.getByRole('heading', { name: /Bonne réponse/ })).toBeVisible();
		if (n === 0) await expectNoAxeViolations(page);
		await page.getByRole('link', { name: n + 1 < preparation.quiz.length ? 'Question suivante' : 'Voir le bilan du quiz' }).click();
	}
}

test('a candidate opens « Préparer l’évaluation » from their space and answers its quiz, outside the progress map', async ({ page }) => {
	await signUpCandidate(page);
	await enrolIn(page, 'tci');
	await page.goto('/candidat');
	await page.getByRole('link', { name: `Préparer l’évaluation : ${certification.type} ${certification.title}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Préparer l’évaluation');
	await expect(page.getByRole('heading', { name: 'Qui évalue, qui décide' })).toBeVisible();
	await expect(page.getByText('Au-delà du référentiel.').first()).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Répondre au quiz' }).click();
	await expect(page.getByRole('heading', { name: 'Quiz : les règles de l’évaluation' })).toBeVisible();
	await expectNoAxeViolations(page);
	await answerWholeQuiz(page);
	await expect(page.locator('strong', { hasText: `${preparation.quiz.length} sur ${preparation.quiz.length}` })).toBeVisible();
	await expectNoAxeViolations(page);

	// The standing is the module's own; the progress map has nothing to show.
	await page.getByRole('link', { name: 'Retour au module' }).click();
	await expect(page).toHaveURL(/\/preparation\/tci$/);
	await expect(page.locator('.standing strong', { hasText: `${preparation.quiz.length} sur ${preparation.quiz.length}` })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Refaire le quiz' })).toBeVisible();
	await page.goto('/candidat');
	await expect(page.getByText(`Quiz sur les règles : ${preparation.quiz.length} sur ${preparation.quiz.length} bien connues`)).toBeVisible();
	await page.goto('/candidat/progression/tci');
	await expect(page.getByText(/non évalué/i).first()).toBeVisible();

	// The rehearsal pages, with JavaScript (axe needs it; the journey without it follows).
	if (questions.length) {
		await page.goto('/modules/tci/c1/entretien');
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: questions[0]!.question.trim() }).click();
		await page.getByLabel(/Votre réponse/).fill('Une réponse courte.');
		await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
		await expect(page.getByRole('status')).toContainText('Réponse enregistrée');
		await expectNoAxeViolations(page);
	}
});

test('a candidate rehearses a commission question without JavaScript: answer kept, points ticked, history', async ({ browser }) => {
	test.setTimeout(60_000);
	test.skip(questions.length === 0, 'pas encore de questions pour tci.c1');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await signUpCandidate(page);
		await enrolIn(page, 'tci');
		await page.goto('/modules/tci/c1');
		await page.getByRole('link', { name: 'Répéter l’entretien' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Répéter l’entretien');
		await expect(page.getByText('peuvent les lire et les commenter')).toBeVisible();

		await page.getByRole('link', { name: questions[0]!.question.trim() }).click();
		await expect(page.getByText('Écrivez d’abord votre réponse')).toBeVisible();
		// An empty answer is refused beside the field, nothing recorded.
		await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
		await expect(page.getByRole('alert')).toContainText('Écrivez votre réponse');
		await page.getByLabel(/Votre réponse/).fill('Première version : je suis parti des salons de l’année.');
		await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
		await expect(page.getByRole('status')).toContainText('Réponse enregistrée');

		await page.getByRole('checkbox', { name: questions[0]!.points[0]! }).check();
		await page.getByRole('button', { name: 'Enregistrer les points couverts' }).click();
		await expect(page.getByRole('status')).toContainText('Points couverts enregistrés');
		await expect(page.getByRole('checkbox', { name: questions[0]!.points[0]! })).toBeChecked();
		await expect(page.getByText(`1 point sur ${questions[0]!.points.length} couvert`)).toBeVisible();

		await page.getByLabel(/Votre réponse/).fill('Deuxième version : trois sources nommées, datées, et les forums écartés.');
		await page.getByRole('button', { name: 'Enregistrer cette nouvelle version' }).click();
		await expect(page.getByRole('status')).toContainText('Réponse enregistrée');
		await expect(page.getByLabel(/Votre réponse/)).toHaveValue('Deuxième version : trois sources nommées, datées, et les forums écartés.');
		await page.getByText('Versions précédentes (1)').click();
		await expect(page.getByText('Première version : je suis parti des salons de l’année.')).toBeVisible();
	} finally {
		await context.close();
	}
});
