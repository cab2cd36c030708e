import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { DEMO_ACCOUNTS, loginAs, type DemoAccountKey } from '../support/accounts';
import { enrolIn, signUpCandidate } from '../support/candidate';

const homes: [DemoAccountKey, RegExp][] = [
	['candidate', /\/candidat$/],
	['trainer', /\/formateur$/],
	['admin', /\/admin$/]
];

for (const [role, home] of homes) {
	test(`logging in as ${DEMO_ACCOUNTS[role].role} lands on that role's own space, marked in the header`, async ({ page }) => {
		await loginAs(page, role);
		await expect(page).toHaveURL(home);
		const nav = page.getByRole('navigation', { name: 'Navigation principale', exact: true });
		await expect(nav.getByRole('link', { name: 'Mon espace' })).toHaveAttribute('aria-current', 'page');
		if (role === 'admin') {
			// The admin's space shows content health per certification and module.
			const health = page.getByRole('region', { name: 'Santé du contenu' });
			await expect(health.getByRole('table', { name: /Couverture et devinabilité : Technico-commercial industriel/ })).toBeVisible();
			await expect(health.getByRole('rowheader', { name: 'Toute la certification' }).first()).toBeVisible();
		}
		await expectNoAxeViolations(page);
	});
}

test('a page asked for before logging in wins over the role’s space', async ({ page }) => {
	await page.goto('/referentiels/tci');
	await page.goto('/connexion?retour=%2Freferentiels%2Ftci');
	await page.getByLabel('Adresse e-mail').fill(DEMO_ACCOUNTS.admin.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_ACCOUNTS.admin.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/referentiels\/tci$/);
});

test('a new candidate signs up, enrols and reaches the first quiz in one click from their space', async ({ page }) => {
	await signUpCandidate(page, 'Claude Nouveau');
	await expect(page).toHaveURL(/\/candidat$/);
	await enrolIn(page, 'tci');
	const space = page.getByRole('article', { name: 'Technico-commercial industriel' });
	const next = space.getByRole('link', { name: /^Commencer le module 1 :/ });
	await expect(next).toBeVisible();
	await expect(space).toContainText('Estimation de préparation');
	await expectNoAxeViolations(page);

	await next.click();
	await expect(page).toHaveURL(/\/modules\/tci\/c1$/);
	await page.getByRole('button', { name: 'Commencer le quiz' }).click();
	await expect(page.getByRole('heading', { name: /Question 1 sur/ })).toBeVisible();
});

test.describe('on a phone without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('the header is one line, « Mon espace » stays in it and the rest opens from a menu', async ({ page }) => {
		await loginAs(page, 'candidate');
		const header = page.locator('header.site-header .header-inner');
		const box = await header.boundingBox();
		expect(box!.height).toBeLessThanOrEqual(72);
		await expect(page.locator('.narrow').getByRole('link', { name: 'Mon espace' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Mon compte/ })).toBeHidden();
		await page.getByText('Menu', { exact: true }).click();
		await page.locator('.menu').getByRole('link', { name: /^Mon compte/ }).click();
		await expect(page).toHaveURL(/\/compte$/);
	});
});
