import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, loginAs, signedInRequest } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

// The public pages (home, référentiels, métiers) are prerendered files: the same bytes for
// everyone, revalidated on each visit so a content update shows, with the security headers
// of every other response.
const PUBLIC_PAGES = ['/', '/referentiels', '/referentiels/tci', '/metiers/charge-affaires-genie-mecanique'];

test('public pages are files: security headers, revalidated by ETag, the same for a signed-in visitor', async ({ baseURL }) => {
	const anonymous = await signedInRequest(baseURL!, null);
	const candidate = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	try {
		for (const path of PUBLIC_PAGES) {
			const response = await anonymous.get(path);
			expect(response.status(), path).toBe(200);
			const headers = response.headers();
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['x-frame-options'], path).toBe('DENY');
			expect(headers['referrer-policy'], path).toBe('same-origin');
			expect(headers['cache-control'], path).toBe('no-cache');
			expect(headers['etag'], path).toBeTruthy();
			const again = await anonymous.get(path, { headers: { 'if-none-match': headers['etag']! } });
			expect(again.status(), path).toBe(304);
			// The header does not depend on who asks: a signed-in candidate gets the same file.
			const signedIn = await candidate.get(path);
			expect(await signedIn.text(), path).toBe(await response.text());
		}
		const home = await (await anonymous.get('/')).text();
		expect(home).toContain('href="/connexion"');
		expect(home).not.toContain('Se déconnecter');
		// Hashed assets are cached for a year; their name changes with their content.
		const asset = home.match(/\/_app\/immutable\/[^"]+\.js/)![0];
		expect((await anonymous.get(asset)).headers()['cache-control']).toBe('public,max-age=31536000,immutable');
		// An id the content does not know is still a French 404, rendered by the server.
		const unknown = await anonymous.get('/referentiels/inconnu', { headers: { accept: 'text/html' } });
		expect(unknown.status()).toBe(404);
	} finally {
		await anonymous.dispose();
		await candidate.dispose();
	}
});

test('« Mon espace » on a public page leads a signed-in candidate to their space, with their own header', async ({ page }) => {
	await loginAs(page, 'candidate');
	await page.goto('/referentiels');
	const nav = page.getByRole('navigation', { name: 'Navigation principale', exact: true });
	await expect(nav.getByRole('link', { name: 'Mon espace' })).toHaveAttribute('href', '/connexion');
	await nav.getByRole('link', { name: 'Mon espace' }).click();
	await expect(page).toHaveURL(/\/candidat$/);
	// Reached by a client-side navigation from a file: the personal header is back.
	await expect(nav.getByRole('link', { name: /^Mon compte/ })).toBeVisible();
	await expect(nav.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Mon espace' })).toHaveAttribute('aria-current', 'page');
	await expectNoAxeViolations(page);
});

test('an anonymous visitor following « Mon espace » reaches the login page', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Mon espace' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the search on a prerendered référentiel page goes to the server-rendered search', async ({ page }) => {
		await page.goto('/referentiels');
		await page.getByRole('searchbox', { name: 'Rechercher un critère' }).fill('objection');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expect(page).toHaveURL(/\/referentiels\/recherche\?q=objection$/);
		await expect(page.getByRole('heading', { level: 2, name: /critères? pour « objection »/ })).toBeVisible();
		await expect(page.getByRole('searchbox', { name: 'Rechercher un critère' })).toHaveValue('objection');
	});
});

test('the search page is accessible, and an empty search shows the form alone', async ({ page }) => {
	await page.goto('/referentiels/recherche?q=objection');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rechercher un critère');
	await expectNoAxeViolations(page);
	await page.goto('/referentiels/recherche');
	await expect(page.getByRole('searchbox', { name: 'Rechercher un critère' })).toHaveValue('');
	await expect(page.getByRole('region', { name: /critère/ })).toHaveCount(0);
});
