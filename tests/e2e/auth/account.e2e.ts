import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { loginWith, signedInRequest, uniqueEmail } from '../support/accounts';

async function signUp(browser: Browser, name: string) {
	const account = { email: uniqueEmail(name), password: 'les hirondelles reviennent' };
	const page = await (await browser.newContext()).newPage();
	await page.goto('/inscription');
	await page.getByLabel('Adresse e-mail').fill(account.email);
	await page.getByLabel('Nom affiché').fill(`Compte ${name}`);
	await page.getByLabel('Mot de passe').fill(account.password);
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	// A new candidate lands on their space; these tests start from the account page.
	await expect(page).toHaveURL(/\/candidat$/);
	await page.goto('/compte');
	return { page, account };
}

const passwordSection = (page: Page) => page.getByRole('region', { name: 'Changer de mot de passe' });

test('changing the password: errors beside the fields, then other devices are signed out', async ({ browser, baseURL }) => {
	const { page, account } = await signUp(browser, 'change');
	await expectNoAxeViolations(page);
	const otherDevice = await signedInRequest(baseURL!, account);
	expect((await otherDevice.get('/compte', { maxRedirects: 0 })).status()).toBe(200);

	const section = passwordSection(page);
	await section.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
	await section.getByLabel('Nouveau mot de passe').fill('court');
	await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(section.getByLabel('Mot de passe actuel')).toHaveAttribute('aria-invalid', 'true');
	await expect(section.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
	await expect(section.getByText(/au moins 12 caractères/)).toBeVisible();
	await expect(section.getByLabel('Mot de passe actuel')).toBeFocused();
	await expectNoAxeViolations(page);

	await section.getByLabel('Mot de passe actuel').fill(account.password);
	await section.getByLabel('Nouveau mot de passe').fill('les cigognes sont arrivées');
	await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(section.getByRole('status')).toHaveText('Mot de passe modifié. Vos autres appareils ont été déconnectés.');

	// This device is still signed in (with a new token); the other one is not.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	const other = await otherDevice.get('/compte', { maxRedirects: 0 });
	expect(other.status()).toBe(303);
	expect(other.headers().location).toMatch(/^\/connexion/);
	await otherDevice.dispose();
	await page.context().close();
});

test('logging in issues a new session cookie each time, HttpOnly and SameSite=Lax', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const cookies: string[] = [];
	for (let i = 0; i < 2; i++) {
		const response = await context.post('/connexion', {
			form: { email: 'formateur@demo.jalon.fr', password: 'demo-jalon-formateur' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		const setCookie = response.headers()['set-cookie'] ?? '';
		expect(setCookie).toMatch(/^jalon_session=[a-z2-7]{32}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
		cookies.push(setCookie.split(';')[0]!);
	}
	expect(cookies[0]).not.toBe(cookies[1]);
	await context.dispose();
});

test('security headers are on every page', async ({ request }) => {
	const response = await request.get('/connexion');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['permissions-policy']).toContain('camera=()');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
});

test('log out of every device, then export and delete the account', async ({ browser, baseURL }) => {
	const { page, account } = await signUp(browser, 'rgpd');
	const otherDevice = await signedInRequest(baseURL!, account);

	await page.getByRole('button', { name: 'Se déconnecter de tous les appareils' }).click();
	await expect(page).toHaveURL(/\/connexion\?info=deconnecte-partout$/);
	await expect(page.getByText('Vous êtes déconnecté de tous vos appareils.')).toBeVisible();
	expect((await otherDevice.get('/compte', { maxRedirects: 0 })).status()).toBe(303);

	await loginWith(page, account);
	await page.goto('/compte');
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Télécharger mes données' }).click();
	const download = await downloadPromise;
	expect(download.suggestedFilename()).toMatch(/^jalon-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);

	const section = page.getByRole('region', { name: 'Supprimer mon compte' });
	await section.getByLabel('Confirmez avec votre mot de passe').fill('pas le bon mot de passe');
	await section.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
	await expect(section.getByText('Mot de passe incorrect.')).toBeVisible();

	await section.getByLabel('Confirmez avec votre mot de passe').fill(account.password);
	await section.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
	await expect(page).toHaveURL(/\/connexion\?info=compte-supprime$/);
	await expect(page.getByText('Votre compte et toutes ses données ont été supprimés.')).toBeVisible();

	await page.getByLabel('Adresse e-mail').fill(account.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
	await otherDevice.dispose();
	await page.context().close();
});
