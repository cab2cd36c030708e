import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, type DemoAccount, type DemoAccountKey } from '../../../src/lib/server/auth/demo-credentials';

/** The demo accounts the e2e server creates at start (see serve.mjs), with their passwords. */
export { DEMO_ACCOUNTS, type DemoAccount, type DemoAccountKey };

/** Logs the page in through the login form as one of the demo accounts. */
export async function loginAs(page: Page, role: DemoAccountKey): Promise<void> {
	await loginWith(page, DEMO_ACCOUNTS[role]);
}

/** Logs the page in through the login form with any email and password that should work. */
export async function loginWith(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).not.toHaveURL(/\/connexion/);
}

/**
 * An API request context signed in as the account (its session cookie kept), for tests that
 * look at raw responses. Requests carry the site's Origin, as a browser's form posts do.
 */
export async function signedInRequest(baseURL: string, account: { email: string; password: string } | null): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	if (account) {
		const response = await context.post('/connexion', {
			form: { email: account.email, password: account.password },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `connexion de ${account.email}`).toBe(303);
	}
	return context;
}

/** A fresh, unique email for accounts a test creates. */
export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@exemple.fr`;
}
