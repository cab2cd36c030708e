import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { uniqueEmail } from '../support/accounts';

async function fillLogin(page: Page, email: string, password: string) {
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The reset link of the newest message to `email` in the local outbox (JALON_DEV_OUTBOX=1). */
async function resetLinkFromOutbox(page: Page, email: string): Promise<string> {
	await page.goto('/dev/outbox');
	const message = page.getByRole('article').filter({ hasText: email }).first();
	return (await message.getByRole('link').first().getAttribute('href'))!;
}

test('sign up, log out, log in, wrong password, reset through the emailed link, log in again', async ({ page }) => {
	const email = uniqueEmail('parcours');
	const password = 'le chemin des douaniers';
	const newPassword = 'la mer monte à Saint-Malo';

	await page.goto('/');
	// The home page is a file, the same for everyone: « Mon espace » leads to the login page.
	await page.getByRole('link', { name: 'Mon espace' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
	await page.getByRole('link', { name: 'Créer un compte' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte');
	await expectNoAxeViolations(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Nom affiché').fill('Dominique Parcours');
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Créer mon compte' }).click();

	// A new candidate lands on their space; the account page is one link away.
	await expect(page).toHaveURL(/\/candidat$/);
	await page.goto('/compte');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	await expect(page.getByText(email)).toBeVisible();
	await expect(page.getByText('Candidat', { exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('link', { name: 'Mon espace' })).toHaveAttribute('href', '/connexion');
	await expect(page.getByRole('button', { name: 'Se déconnecter', exact: true })).toHaveCount(0);

	await page.goto('/connexion');
	await fillLogin(page, email, 'pas le bon mot de passe');
	const passwordField = page.getByLabel('Mot de passe', { exact: true });
	await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
	await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
	await expect(passwordField).toBeFocused();
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
	await expect(passwordField).toHaveValue('');

	await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mot de passe oublié');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expect(page.getByRole('status')).toContainText(`Si un compte existe pour ${email}`);

	const link = await resetLinkFromOutbox(page, email);
	expect(link).toMatch(/\/reinitialiser-mot-de-passe\?jeton=[a-z2-7]{32}$/);
	await page.goto(link);
	await expectNoAxeViolations(page);
	await page.getByLabel('Nouveau mot de passe').fill(newPassword);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(page).toHaveURL(/\/connexion\?info=mot-de-passe-reinitialise$/);
	await expect(page.getByText('Votre mot de passe a été modifié.')).toBeVisible();

	// The link has been used: opening it again says so.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('n’est plus valable');

	await page.goto('/connexion');
	await fillLogin(page, email, password);
	await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
	await fillLogin(page, email, newPassword);
	await expect(page).toHaveURL(/\/candidat$/);
});

test('an anonymous visitor is sent to log in and comes back where they were going', async ({ page }) => {
	await page.goto('/admin/comptes?q=demo');
	await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin%2Fcomptes%3Fq%3Ddemo$/);
	await expect(page.getByText('Connectez-vous pour accéder à cette page.')).toBeVisible();
	await fillLogin(page, 'admin@demo.jalon.fr', 'demo-jalon-admin');
	await expect(page).toHaveURL(/\/admin\/comptes\?q=demo$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comptes');
});

test('the return address after login must stay on the site', async ({ page }) => {
	await page.goto('/connexion?retour=//evil.example/piege');
	await fillLogin(page, 'candidat@demo.jalon.fr', 'demo-jalon-candidat');
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/candidat$/);
});
