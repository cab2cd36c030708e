import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';

test('a visitor browses from the certification list down to a criterion', async ({ page }) => {
	await page.goto('/referentiels');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Technico-commercial industriel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Technico-commercial industriel');
	for (const code of ['BDC 0158', 'BDC 0167', 'BDC 0166']) {
		await expect(page.getByRole('heading', { level: 2, name: new RegExp(code) })).toBeVisible();
	}
	// The official numbering is kept: 1–5, 7, 8 and no competence 6.
	await expect(page.getByRole('heading', { level: 3, name: /^Compétence 7\./ })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: /^Compétence 6\./ })).toHaveCount(0);
	await page.getByRole('navigation', { name: 'Sommaire' }).getByRole('link', { name: /^1\. Contribuer à la veille/ }).click();
	await expect(page).toHaveURL(/#tci\.c1$/);
	const criterion = page.locator('[id="tci.c1.met1"]');
	await expect(criterion).toContainText('texte officiel');
	await expectNoAxeViolations(page);
});

test('the derived criteria of the titre professionnel say they are not official', async ({ page }) => {
	await page.goto('/referentiels/ntc');
	await expect(page.locator('[id="ntc.c1.d1"]')).toContainText('rédigé par Jalon');
	await expectNoAxeViolations(page);
});

test('the search box finds a criterion and links to it', async ({ page }) => {
	await page.goto('/referentiels');
	await page.getByRole('searchbox', { name: 'Rechercher un critère' }).fill('solvabilite client');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page).toHaveURL(/q=solvabilite/);
	const results = page.getByRole('region', { name: /critère/ });
	await expect(results.getByRole('listitem').first()).toContainText('Responsable d');
	await expectNoAxeViolations(page);
	await results.getByRole('link').first().click();
	await expect(page).toHaveURL(/\/referentiels\/ra#ra\.c1\./);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the search still works as a plain form', async ({ page }) => {
		await page.goto('/referentiels');
		await page.getByRole('searchbox', { name: 'Rechercher un critère' }).fill('veille concurrentielle');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expect(page.getByRole('heading', { level: 2, name: /critères? pour « veille concurrentielle »/ })).toBeVisible();
	});
});

test('a métier page shows the job and the certifications leading to it', async ({ page }) => {
	await page.goto('/referentiels');
	await page.getByRole('link', { name: /Chargé\(e\) d'affaires/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText("affaires");
	await expect(page.getByRole('complementary', { name: 'Certifications' }).getByRole('link').first()).toBeVisible();
	await expectNoAxeViolations(page);
});
