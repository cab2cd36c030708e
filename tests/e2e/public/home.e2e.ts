import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';

test('the home page says what Jalon is and lists the certifications', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Jalon/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('critère par critère');
	const certifications = page.getByRole('region', { name: 'Les certifications préparées' }).getByRole('listitem');
	await expect(certifications).toHaveCount(3);
	await expect(certifications.first()).toContainText('Technico-commercial industriel');
	await expectNoAxeViolations(page);
});

test('the home page reads on a phone without horizontal scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('healthz answers 200 with the database reachable', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok' });
});
