import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signedInRequest } from '../support/accounts';

// Issue 22 on the built server: every bad input below used to be a 500, an English text or
// a redirect to another site.
const html = { accept: 'text/html' };

test('a signed-in visitor is never sent to another site by ?retour=', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	for (const target of ['/..//evil.example', '/.%2e//evil.example', '//evil.example', '/%2F%2Fevil.example', '/\\evil.example']) {
		const response = await context.get(`/connexion?retour=${encodeURIComponent(target)}`, { maxRedirects: 0 });
		expect(response.status(), target).toBe(303);
		const location = response.headers()['location']!;
		expect(new URL(location, baseURL).host, `${target} → ${location}`).toBe(new URL(baseURL!).host);
	}
	await context.dispose();
});

test('a NUL byte in the email of sign-up, login and reset is a 400 in French, not a 500', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const email = 'camille\u0000@exemple.fr';
	const forms: [string, Record<string, string>][] = [
		['/connexion', { email, password: 'une phrase assez longue' }],
		['/inscription', { email, displayName: 'Camille', password: 'une phrase assez longue' }],
		['/mot-de-passe-oublie', { email }],
		['/inscription', { email: 'camille@exemple.fr', displayName: 'Cam\u0000ille', password: 'une phrase assez longue' }]
	];
	for (const [path, form] of forms) {
		const response = await context.post(path, { form, headers: html, maxRedirects: 0 });
		expect(response.status(), path).toBe(400);
		expect(await response.text(), path).toMatch(/caractères non autorisés/);
	}
	await context.dispose();
});

test('admin list: a page number that is not a number is a 400, a huge one the last page; a NUL in the search a 400', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
	const notANumber = await context.get('/admin/comptes?page=1e30', { headers: html });
	expect(notANumber.status()).toBe(400);
	expect(await notANumber.text()).toContain('Le numéro de page doit être un nombre entier positif.');
	expect((await context.get('/admin/comptes?page=99999999999999999999999', { headers: html })).status()).toBe(200);
	const nul = await context.get('/admin/comptes?q=a%00b', { headers: html });
	expect(nul.status()).toBe(400);
	expect(await nul.text()).toContain('caractères non autorisés');
	await context.dispose();
});

test('malformed multipart, an oversized body and a JSON body to a form are answered in French with their status', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const malformed = await context.post('/connexion', {
		headers: { ...html, 'content-type': 'multipart/form-data; boundary=zzz' },
		data: '--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\nsans fin'
	});
	expect(malformed.status()).toBe(400);
	expect(await malformed.text()).toContain('Le formulaire envoyé est illisible');

	const oversized = await context.post('/connexion', {
		headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
		data: `email=${'a'.repeat(600 * 1024)}`
	});
	expect(oversized.status()).toBe(413);
	expect(await oversized.text()).toContain('La requête envoyée est trop volumineuse');

	const json = await context.post('/connexion', { headers: { ...html, 'content-type': 'application/json' }, data: '{}' });
	expect(json.status()).toBe(415);
	const text = await json.text();
	expect(text).toContain('Ce type de contenu n’est pas accepté');
	expect(text).not.toMatch(/Unsupported|inattendue/);
	await context.dispose();
});

test('a form posted from another site is refused in French: a page for a browser, JSON for a script', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const post = (accept: string) =>
		context.post('/connexion', {
			headers: { origin: 'https://evil.example', accept, 'content-type': 'application/x-www-form-urlencoded' },
			data: 'email=a%40b.fr&password=x'
		});
	const page = await post('text/html');
	expect(page.status()).toBe(403);
	expect(page.headers()['content-type']).toContain('text/html');
	expect(await page.text()).toContain('Requête refusée : elle ne vient pas de Jalon.');
	const json = await post('application/json');
	expect(json.status()).toBe(403);
	expect(await json.json()).toEqual({ message: 'Requête refusée : elle ne vient pas de Jalon.' });
	await context.dispose();
});

test('security headers on a redirect, a refusal and a static asset', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, null);
	const redirect = await context.get('/compte', { maxRedirects: 0 });
	const forbidden = await (await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate)).get('/admin', { headers: html });
	const asset = await context.get('/favicon.svg');
	expect([redirect.status(), forbidden.status(), asset.status()]).toEqual([303, 403, 200]);
	for (const response of [redirect, forbidden, asset]) {
		const headers = response.headers();
		expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
		expect(headers['x-frame-options'], response.url()).toBe('DENY');
		expect(headers['referrer-policy'], response.url()).toBe('same-origin');
	}
	await context.dispose();
});

test('a quiz or scenario id that is not a UUID is a 404 in French, on a page and on a form post', async ({ baseURL }) => {
	const context = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	const headers = { ...html, origin: new URL(baseURL!).origin, 'content-type': 'application/x-www-form-urlencoded' };
	for (const target of ['/modules/tci/c5/quiz/not-a-uuid', '/modules/tci/c5/scenario/not-a-uuid']) {
		const page = await context.get(target, { headers: html });
		expect(page.status(), target).toBe(404);
		const action = target.includes('quiz') ? 'answer' : 'choose';
		const post = await context.post(`${target}?/${action}`, { headers, data: 'item=x&node=x&choice=x&idempotency_key=00000000-0000-4000-8000-000000000000', maxRedirects: 0 });
		expect(post.status(), `${target} ${action}`).toBeGreaterThanOrEqual(400);
		expect(post.status(), `${target} ${action}`).toBeLessThan(500);
		expect(await post.text()).toMatch(/introuvable|Formulaire incomplet/);
	}
	await context.dispose();
});
