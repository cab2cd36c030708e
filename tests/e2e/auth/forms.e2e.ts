import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { loginWith, uniqueEmail } from '../support/accounts';

/** The field is marked invalid and its message is linked to it. */
async function expectFieldError(page: Page, label: string, message: RegExp | string) {
	const field = page.getByLabel(label, { exact: true });
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
	const errorId = describedBy.split(' ').find((id) => id.endsWith('-erreur'));
	expect(errorId, `message lié au champ ${label}`).toBeTruthy();
	await expect(page.locator(`#${errorId}`)).toHaveText(message);
}

for (const javaScriptEnabled of [true, false]) {
	const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

	test(`sign-up shows each problem beside its field and keeps what was typed (${mode})`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await page.goto('/inscription');
		await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
		await page.getByLabel('Nom affiché').fill('Claude Essai');
		await page.getByLabel('Mot de passe').fill('court');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();

		await expectFieldError(page, 'Adresse e-mail', /adresse e-mail valide/);
		await expectFieldError(page, 'Mot de passe', 'Le mot de passe doit contenir au moins 12 caractères (5 saisis).');
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse');
		await expect(page.getByLabel('Nom affiché')).toHaveValue('Claude Essai');
		await expect(page.getByLabel('Nom affiché')).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Mot de passe')).toHaveValue('');
		if (javaScriptEnabled) {
			await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
			// axe runs as a script in the page: only possible with JavaScript on.
			await expectNoAxeViolations(page);
		}

		await page.getByLabel('Adresse e-mail').fill(uniqueEmail('essai'));
		await page.getByLabel('Mot de passe').fill('Motdepasse2024!');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await expectFieldError(page, 'Mot de passe', /plus utilisés/);
		await context.close();
	});

	test(`login with empty fields asks for each one (${mode})`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await page.goto('/connexion');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expectFieldError(page, 'Adresse e-mail', 'Saisissez votre adresse e-mail.');
		await expectFieldError(page, 'Mot de passe', 'Saisissez votre mot de passe.');
		if (javaScriptEnabled) await expectNoAxeViolations(page);
		await context.close();
	});
}

test('the forgotten-password form checks the address and then answers the same for anyone', async ({ page }) => {
	await page.goto('/mot-de-passe-oublie');
	await expectNoAxeViolations(page);
	await page.getByLabel('Adresse e-mail').fill('nimporte quoi');
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expectFieldError(page, 'Adresse e-mail', /adresse e-mail valide/);
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('nimporte quoi');

	await page.getByLabel('Adresse e-mail').fill('personne-ici@exemple.fr');
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expect(page.getByRole('status')).toContainText('Si un compte existe pour personne-ici@exemple.fr');
	await expectNoAxeViolations(page);
});

test('a reset page with an unknown token says the link is no longer valid', async ({ page }) => {
	await page.goto('/reinitialiser-mot-de-passe?jeton=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	await expect(page.getByRole('alert')).toContainText('n’est plus valable');
	await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the logout page and the 403 page are accessible', async ({ page }) => {
	await page.goto('/deconnexion');
	await expect(page.getByText('Vous n’êtes pas connecté.')).toBeVisible();
	await expectNoAxeViolations(page);
	await loginWith(page, { email: 'candidat@demo.jalon.fr', password: 'demo-jalon-candidat' });
	await page.goto('/deconnexion');
	await expectNoAxeViolations(page);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte n’a pas accès à cette page.');
	await expectNoAxeViolations(page);
});
