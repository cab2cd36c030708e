import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { answerItem, catalog, enrolIn, modulePath, signUpCandidate } from '../support/candidate';

const ITEM_TYPES = ['single', 'multiple', 'numeric', 'ordering', 'matching'] as const;
// The smallest module whose quiz has every item type: the whole quiz is answered in a browser.
const module = catalog.modules
	.filter((m) => ITEM_TYPES.every((type) => m.quiz.some((item) => item.type === type)))
	.sort((a, b) => a.quiz.length - b.quiz.length)[0]!;

test(`every item type can be answered in the browser, with no accessibility violation (${module.competenceId})`, async ({ page }) => {
	test.setTimeout(120_000);
	await signUpCandidate(page);
	await enrolIn(page, module.certificationId);
	await page.goto(modulePath(module));
	await page.getByRole('button', { name: 'Faire tout le quiz du module' }).click();
	const checked = new Set<string>();
	for (const [index, item] of module.quiz.entries()) {
		await expect(page.getByRole('heading', { name: `Question ${index + 1} sur ${module.quiz.length}` })).toBeVisible();
		if (!checked.has(item.type)) {
			await expectNoAxeViolations(page);
			checked.add(item.type);
		}
		// Alternate right and wrong answers so both corrections are shown.
		const right = index % 2 === 0;
		await answerItem(page.locator('form.question'), item, right);
		await page.getByRole('button', { name: 'Valider ma réponse' }).click();
		const verdict = right ? page.getByRole('heading', { name: 'Bonne réponse' }) : page.getByRole('heading', { name: /Réponse incorrecte|en partie juste/ });
		await expect(verdict).toBeVisible();
		await page.getByRole('link', { name: index + 1 < module.quiz.length ? 'Question suivante' : 'Voir le bilan du quiz' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Bilan du quiz' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Résultat par question' }).getByRole('listitem')).toHaveCount(module.quiz.length);
	await expectNoAxeViolations(page);
	expect([...checked].sort()).toEqual([...ITEM_TYPES].sort());
});

test('every module page opens, with its lesson and activities, and no accessibility violation', async ({ page }) => {
	test.setTimeout(180_000);
	await signUpCandidate(page);
	for (const module of catalog.modules) {
		await page.goto(modulePath(module));
		await expect(page.getByRole('heading', { level: 1 })).toContainText(catalog.competences.get(module.competenceId)!.title);
		await expect(page.getByRole('article', { name: 'Leçon' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Mises en situation' })).toBeVisible();
		await expectNoAxeViolations(page);
	}
});
