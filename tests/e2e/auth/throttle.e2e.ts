import { expect, test } from '@playwright/test';
import { signedInRequest, uniqueEmail } from '../support/accounts';

test('five wrong passwords on one account: the sixth try gets HTTP 429, a French message and Retry-After', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const account = { email: uniqueEmail('verrou'), password: 'une phrase assez longue pour passer' };
	const signUp = await context.post('/inscription', {
		form: { email: account.email, displayName: 'Compte verrouillé', password: account.password },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signUp.status()).toBe(303);
	const logout = await context.post('/deconnexion', { form: {}, headers: { accept: 'text/html' }, maxRedirects: 0 });
	expect(logout.status()).toBe(303);

	const attempt = (password: string) =>
		context.post('/connexion', { form: { email: account.email, password }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	for (let i = 0; i < 5; i++) expect((await attempt('mauvais mot de passe')).status()).toBe(400);

	const blocked = await attempt(account.password);
	expect(blocked.status()).toBe(429);
	expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(800);
	expect(Number(blocked.headers()['retry-after'])).toBeLessThanOrEqual(900);
	expect(await blocked.text()).toContain('Trop de tentatives. Par sécurité, réessayez dans 15 minutes.');
	expect(blocked.headers()['set-cookie']).toBeUndefined();

	// Other accounts, from the same address, still log in.
	const other = await signedInRequest(baseURL!, { email: 'candidat@demo.jalon.fr', password: 'demo-jalon-candidat' });
	await other.dispose();
	await context.dispose();
});
