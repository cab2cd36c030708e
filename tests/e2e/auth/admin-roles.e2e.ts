import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { loginAs, uniqueEmail } from '../support/accounts';

test('an admin finds a new account, makes it a trainer, and the change is in its history', async ({ browser }) => {
	const email = uniqueEmail('futur-formateur');
	const password = 'je deviendrai formateur un jour';

	const userPage = await (await browser.newContext()).newPage();
	await userPage.goto('/inscription');
	await userPage.getByLabel('Adresse e-mail').fill(email);
	await userPage.getByLabel('Nom affiché').fill('Florence Futur');
	await userPage.getByLabel('Mot de passe').fill(password);
	await userPage.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(userPage).toHaveURL(/\/candidat$/);
	expect((await userPage.goto('/admin'))?.status()).toBe(403);

	const adminPage = await (await browser.newContext()).newPage();
	await loginAs(adminPage, 'admin');
	await adminPage.goto('/admin');
	await expectNoAxeViolations(adminPage);
	await adminPage.getByRole('link', { name: 'Gérer les comptes et les rôles' }).click();
	await adminPage.getByLabel('Rechercher par nom ou adresse e-mail').fill(email);
	await adminPage.getByRole('button', { name: 'Rechercher' }).click();
	await expect(adminPage).toHaveURL(/\/admin\/comptes\?q=/);
	const row = adminPage.getByRole('row').filter({ hasText: email });
	await expect(row).toHaveCount(1);
	await expectNoAxeViolations(adminPage);

	await row.getByLabel('Rôle de Florence Futur').selectOption({ label: 'Formateur' });
	await row.getByRole('button', { name: 'Changer le rôle de Florence Futur' }).click();
	await expect(row.getByRole('status')).toHaveText('Rôle modifié : Formateur.');

	await row.getByRole('link', { name: 'Florence Futur' }).click();
	await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Florence Futur');
	const history = adminPage.getByRole('row').filter({ hasText: 'Candidat → Formateur' });
	await expect(history).toContainText('Alex Administrateur (démo)');
	await expectNoAxeViolations(adminPage);

	// The new role applies to the user's very next request, no new login needed.
	await userPage.goto('/compte');
	await expect(userPage.getByText('Formateur', { exact: true })).toBeVisible();
	expect((await userPage.goto('/admin'))?.status()).toBe(403);
	await userPage.context().close();
	await adminPage.context().close();
});

test('the account list works without JavaScript: search and role change by plain form posts', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginAs(page, 'admin');
	await page.goto('/admin/comptes?q=formateur%40demo');
	const row = page.getByRole('row').filter({ hasText: 'formateur@demo.jalon.fr' });
	await expect(row).toHaveCount(1);
	// Same role again: accepted, nothing changes.
	await row.getByRole('button', { name: /Changer le rôle/ }).click();
	await expect(page.getByRole('row').filter({ hasText: 'formateur@demo.jalon.fr' }).getByRole('status')).toHaveText('Ce compte avait déjà ce rôle.');
	await context.close();
});
