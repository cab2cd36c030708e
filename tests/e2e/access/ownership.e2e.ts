import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signedInRequest, uniqueEmail } from '../support/accounts';

/** Signs up a fresh candidate through the form; returns a request context signed in as them. */
async function signUp(baseURL: string, name: string) {
	const account = { email: uniqueEmail(name), password: 'une phrase assez longue pour passer' };
	const context = await signedInRequest(baseURL, null);
	const response = await context.post('/inscription', {
		form: { email: account.email, displayName: `Candidat ${name}`, password: account.password },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	return { context, account };
}

async function userIdOf(baseURL: string, email: string): Promise<string> {
	const admin = await signedInRequest(baseURL, DEMO_ACCOUNTS.admin);
	const page = await (await admin.get(`/admin/comptes?q=${encodeURIComponent(email)}`)).text();
	await admin.dispose();
	const id = /href="\/admin\/comptes\/([0-9a-f-]{36})"/.exec(page)?.[1];
	if (!id) throw new Error(`compte ${email} introuvable`);
	return id;
}

test('a candidate cannot open another account’s page by its id, an admin can', async ({ baseURL }) => {
	const alice = await signUp(baseURL!, 'alice');
	const bob = await signUp(baseURL!, 'bob');
	const bobId = await userIdOf(baseURL!, bob.account.email);

	const asAlice = await alice.context.get(`/admin/comptes/${bobId}`, { maxRedirects: 0 });
	expect(asAlice.status()).toBe(403);
	expect(await asAlice.text()).not.toContain(bob.account.email);

	const admin = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
	expect(await (await admin.get(`/admin/comptes/${bobId}`)).text()).toContain(bob.account.email);
	await Promise.all([alice.context.dispose(), bob.context.dispose(), admin.dispose()]);
});

test('the export returns only one’s own data, whatever id is put in the URL', async ({ baseURL }) => {
	const alice = await signUp(baseURL!, 'alice-export');
	const bob = await signUp(baseURL!, 'bob-export');
	const bobId = await userIdOf(baseURL!, bob.account.email);

	for (const url of ['/compte/export', `/compte/export?id=${bobId}`, `/compte/export?user_id=${bobId}&email=${bob.account.email}`]) {
		const response = await alice.context.get(url);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="jalon-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
		const text = await response.text();
		const data = JSON.parse(text);
		expect(data.user.email).toBe(alice.account.email);
		expect(data.user).not.toHaveProperty('password_hash');
		expect(text).not.toContain(bobId);
		expect(text).not.toContain(bob.account.email);
		expect(text).not.toContain('$argon2id');
	}
	await Promise.all([alice.context.dispose(), bob.context.dispose()]);
});

test('a candidate posting the admin role form is refused and nothing changes', async ({ baseURL }) => {
	const mallory = await signUp(baseURL!, 'mallory');
	const malloryId = await userIdOf(baseURL!, mallory.account.email);
	const response = await mallory.context.post('/admin/comptes?/changeRole', {
		form: { userId: malloryId, role: 'admin' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	const account = await mallory.context.get('/compte');
	expect(await account.text()).toContain('Candidat');
	expect((await mallory.context.get('/admin', { maxRedirects: 0 })).status()).toBe(403);
	await mallory.context.dispose();
});
