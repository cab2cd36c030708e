import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { decideAccess } from '../../../src/lib/server/auth/access-policy';
import { DEMO_ACCOUNTS, signedInRequest } from '../support/accounts';
import { listAppRoutes } from '../support/routes';

/**
 * Walks every route under src/routes and checks, as each kind of visitor, what the running
 * app answers against what the access policy says. A route added later is checked here
 * without anyone editing this file.
 */
const routes = listAppRoutes();
const visitors = {
	anonyme: null,
	candidat: DEMO_ACCOUNTS.candidate,
	'candidat VAE': DEMO_ACCOUNTS.vae,
	formateur: DEMO_ACCOUNTS.trainer,
	administrateur: DEMO_ACCOUNTS.admin
} as const;

function isLoginRedirect(response: APIResponse): boolean {
	return [302, 303, 307].includes(response.status()) && (response.headers().location ?? '').startsWith('/connexion');
}

function describeResponse(response: APIResponse): string {
	return `${response.status()} ${response.headers().location ?? ''}`.trim();
}

test('the route tree is found on disk', () => {
	const ids = routes.map((route) => route.id);
	for (const id of ['/(public)', '/connexion', '/compte', '/compte/export', '/admin/comptes', '/admin/comptes/[id]']) expect(ids).toContain(id);
});

for (const [visitor, account] of Object.entries(visitors)) {
	test(`every route answers ${visitor} as the access policy says`, async ({ baseURL }) => {
		test.setTimeout(120_000);
		const context: APIRequestContext = await signedInRequest(baseURL!, account);
		const problems: string[] = [];
		try {
			for (const route of routes) {
				const decision = decideAccess(route.id, account ? { role: account.role } : null);
				const response = await context.get(route.url, { maxRedirects: 0, headers: { accept: 'text/html' } });
				const seen = describeResponse(response);
				if (decision === 'sign-in' && !isLoginRedirect(response)) problems.push(`GET ${route.url}: attendu redirection vers /connexion, reçu ${seen}`);
				if (decision === 'forbidden' && response.status() !== 403) problems.push(`GET ${route.url}: attendu 403, reçu ${seen}`);
				if (decision === 'allow' && ([401, 403].includes(response.status()) || isLoginRedirect(response) || response.status() >= 500)) {
					problems.push(`GET ${route.url}: attendu l’accès, reçu ${seen}`);
				}

				// The data request behind client-side navigation must be guarded the same way.
				if (route.hasPage && decision !== 'allow') {
					const dataUrl = `${route.url === '/' ? '' : route.url}/__data.json`;
					const data = await context.get(dataUrl, { maxRedirects: 0 });
					const body = await data.text();
					const refused = decision === 'forbidden' ? data.status() === 403 : body.includes('"type":"redirect"') && body.includes('/connexion');
					if (!refused) problems.push(`GET ${dataUrl}: données servies (${data.status()} ${body.slice(0, 80)})`);
				}

				// Form actions and endpoints: a refused visitor's POST changes nothing.
				if (decision !== 'allow') {
					const post = await context.post(route.url, { form: { essai: '1' }, maxRedirects: 0, headers: { accept: 'text/html' } });
					const ok = decision === 'forbidden' ? post.status() === 403 : isLoginRedirect(post);
					if (!ok) problems.push(`POST ${route.url}: attendu ${decision === 'forbidden' ? '403' : 'redirection'}, reçu ${describeResponse(post)}`);
				}
			}
		} finally {
			await context.dispose();
		}
		expect(problems).toEqual([]);
	});
}

test('a JSON request from another site is refused before any route runs', async ({ baseURL, playwright }) => {
	const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: 'https://evil.example' } });
	const response = await context.post('/compte/export', { data: { a: 1 } });
	expect(response.status()).toBe(403);
	await context.dispose();
});
