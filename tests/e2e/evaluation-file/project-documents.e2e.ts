import { expect, test, type Page } from '@playwright/test';
import { tinyPdf } from '../../../src/lib/server/portfolio/tiny-pdf';
import { expectNoAxeViolations } from '../support/axe';
import { enrolIn, signUpCandidate } from '../support/candidate';

/**
 * A project's proof documents, as the candidate meets them: the limits and the confidentiality
 * reminder before the upload, a refused file explained beside the field, a PDF attached with
 * JavaScript and another without, both listed on the project and in the printable draft; the
 * project's long texts save themselves.
 */
const shots = process.env.JALON_SHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
	if (!shots) return;
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a candidate attaches PDFs to a project (with and without JavaScript) and finds them in the printable draft', async ({ browser, page }) => {
	test.setTimeout(120_000);
	await signUpCandidate(page, 'Inès Documents');
	await enrolIn(page, 'tci', 'formation');
	await page.goto('/preparation/tci/projets');
	await page.getByLabel('Titre du projet').fill('Appel d’offres carters');
	await page.getByLabel('Contexte').fill('PME de mécanique ; client : un équipementier automobile.');
	await page.getByLabel('Votre rôle dans le projet').fill('Technico-commerciale');
	await page.getByLabel('Début').fill('2026-09-07');
	await page.getByLabel('Objectif').fill('Répondre en six semaines.');
	await page.getByLabel('Ce que vous avez fait').fill('J’ai chiffré trois variantes.');
	await page.getByLabel('Résultat', { exact: true }).fill('Offre retenue.');
	await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Projet enregistré' })).toBeVisible();
	const projectUrl = page.url().split('?')[0]!;

	// Before the upload: the limits and the confidentiality reminder.
	const documents = page.getByRole('region', { name: 'Documents joints au projet' });
	await expect(documents).toContainText('10 Mo au plus par fichier');
	await expect(documents.getByRole('note')).toContainText('Demandez l’accord de l’entreprise');
	await expect(documents).toContainText('Aucun document pour l’instant.');

	// A text file renamed .pdf: refused beside the field, in French.
	await page.getByLabel('Document', { exact: true }).setInputFiles({ name: 'offre.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ceci n’est pas un PDF.') });
	await page.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(page.locator('#document-erreur')).toContainText('son contenu n’en est pas un');
	await expect(page.getByLabel('Document', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// A real PDF, with JavaScript (progress through XMLHttpRequest).
	await page.getByLabel('Document', { exact: true }).setInputFiles({ name: 'Offre anonymisée.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf(['Offre anonymisée'])) });
	await page.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Document joint.' })).toBeVisible({ timeout: 20_000 });
	await expect(documents.getByRole('link', { name: 'Offre anonymisée.pdf' })).toBeVisible();
	await expect(page.locator('#document-erreur')).toHaveCount(0);
	const download = page.waitForEvent('download');
	await documents.getByRole('link', { name: 'Offre anonymisée.pdf' }).click();
	expect((await download).suggestedFilename()).toBe('Offre anonymisée.pdf');
	await expectNoAxeViolations(page);
	await screenshot(page, 'projet-documents');
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'défilement horizontal à 360 px').toBeLessThanOrEqual(0);
	await page.locator('#documents').scrollIntoViewIfNeeded();
	if (shots) await page.screenshot({ path: `${shots}/projet-documents-ecran-360.png` });
	await page.setViewportSize({ width: 1280, height: 900 });

	// Without JavaScript: a plain multipart post; a refused file shows the same form with its message.
	const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
	const plain = await noJs.newPage();
	await plain.goto(projectUrl);
	await plain.getByLabel('Document', { exact: true }).setInputFiles({ name: 'faux.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') });
	await plain.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(plain.locator('#document-erreur')).toBeVisible();
	await plain.getByLabel('Document', { exact: true }).setInputFiles({ name: 'Plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf(['Plan'])) });
	await plain.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(plain.getByRole('status').filter({ hasText: 'Document joint.' })).toBeVisible();
	await expect(plain.getByRole('link', { name: 'Plan.pdf' })).toBeVisible();
	await noJs.close();

	// The printable draft lists the attached documents by name.
	await page.goto('/preparation/tci/projets/brouillon');
	const attached = page.getByRole('definition').filter({ hasText: 'Offre anonymisée.pdf' });
	await expect(attached).toContainText('Plan.pdf');
	await expectNoAxeViolations(page);

	// Removing one, back on the project.
	await page.goto(projectUrl);
	await page.getByRole('button', { name: 'Retirer Plan.pdf' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Document retiré.' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Plan.pdf' })).toHaveCount(0);

	// The long texts save themselves.
	const did = page.getByLabel('Ce que vous avez fait');
	await did.fill('J’ai chiffré quatre variantes et présenté l’offre.');
	await expect(page.getByRole('status').filter({ hasText: /Enregistré à/ })).toBeVisible({ timeout: 20_000 });
	await page.reload();
	await expect(page.getByLabel('Ce que vous avez fait')).toHaveValue('J’ai chiffré quatre variantes et présenté l’offre.');
});
