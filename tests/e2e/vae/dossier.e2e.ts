import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, loginAs, signedInRequest } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { catalog } from '../support/candidate';
import { tinyPdf } from '../../../src/lib/server/portfolio/tiny-pdf';
import { feasibilityExportSchema } from '../../../src/lib/server/vae/feasibility-export.schema';

/**
 * VAE part 2 with the demo applicant: proof documents (with and without JavaScript), the
 * feasibility-file fields (states, a block comment edited in two tabs), the printed dossier
 * and the JSON export.
 */
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const shots = process.env.JALON_SHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
	if (!shots) return;
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
		// The top of the page, readable at a glance.
		await page.screenshot({ path: `${shots}/${name}-${width}-haut.png` });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `défilement horizontal à 360 px sur ${page.url()}`).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function openFirstExperienceDocuments(page: Page): Promise<void> {
	await page.goto('/vae/tci/experiences');
	await page.getByRole('link', { name: 'Technico-commerciale sédentaire' }).first().click();
	await page.getByRole('link', { name: 'Joindre ou retirer des documents' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Documents de l’expérience');
}

test('the applicant attaches a PDF with progress, is refused a renamed file, and downloads the document', async ({ page }) => {
	test.setTimeout(90_000);
	await loginAs(page, 'vae');
	await openFirstExperienceDocuments(page);
	// The limits are shown before anything is sent; the demo attestation is already there.
	await expect(page.getByText('10 Mo au plus par fichier.')).toBeVisible();
	await expect(page.getByText(/100 Mo au plus pour tous vos documents/)).toBeVisible();
	await expect(page.getByRole('link', { name: /^Attestation employeur/ })).toBeVisible();

	const input = page.getByLabel('Document', { exact: true });
	await input.setInputFiles({ name: 'preuve.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ceci n’est pas un PDF.') });
	await page.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(page.locator('#document-erreur')).toContainText('son contenu n’en est pas un');
	await expect(page.getByLabel('Document', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// A slow upload link (Chromium's network emulation), so the progress bar has time to show.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
	const padded = Buffer.concat([Buffer.from(tinyPdf(['Compte rendu de visite client'])), Buffer.alloc(400 * 1024, 0x20)]);
	await page.getByLabel('Document', { exact: true }).setInputFiles({ name: 'Compte rendu de visite.pdf', mimeType: 'application/pdf', buffer: padded });
	await page.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(page.getByRole('progressbar', { name: /Envoi en cours/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Joindre ce document' })).toBeDisabled();
	await expect(page.getByRole('status').filter({ hasText: 'Document joint.' })).toBeVisible({ timeout: 20_000 });
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
	const link = page.getByRole('link', { name: 'Compte rendu de visite.pdf' });
	await expect(link).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshot(page, 'vae-documents');

	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('Compte rendu de visite.pdf');
	const bytes = fs.readFileSync((await download.path())!);
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	const response = await page.request.get(await link.getAttribute('href').then((h) => h!));
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="Compte rendu de visite.pdf"/);
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('without JavaScript, a document is attached by the plain form', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginAs(page, 'vae');
	await openFirstExperienceDocuments(page);
	await page.getByLabel('Document', { exact: true }).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
	await page.getByRole('button', { name: 'Joindre ce document' }).click();
	await expect(page).toHaveURL(/\?jointe=1/);
	await expect(page.getByRole('link', { name: 'photo.png' })).toBeVisible();
	await page.getByRole('button', { name: 'Retirer photo.png' }).click();
	await expect(page.getByRole('link', { name: 'photo.png' })).toHaveCount(0);
	await context.close();
});

test('the applicant confirms the states, and a change against the evidence is flagged with its criteria', async ({ page }) => {
	await loginAs(page, 'vae');
	await page.goto('/vae/tci/faisabilite');
	const last = tci.units.at(-1)!.competences.at(-1)!;
	const group = page.getByRole('group', { name: `${last.number}. ${last.title}` });
	await expect(group.getByText('Pas encore confirmé.')).toBeVisible();
	// Nothing is claimed on that competence: its pre-fill is Non; say Oui.
	await expect(group.getByLabel('Non')).toBeChecked();
	await group.getByLabel('Oui').check();
	await page.getByRole('button', { name: 'Confirmer ces états' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'États enregistrés.' })).toBeVisible();
	const flagged = page.getByRole('group', { name: `${last.number}. ${last.title}` });
	await expect(flagged.getByLabel('Oui')).toBeChecked();
	await expect(flagged.getByTestId('desaccord')).toContainText('suggèrent Non');
	await expect(flagged.getByTestId('desaccord')).toContainText(last.criteria[0]!.text);
	await expect(flagged.getByText('Vous l’avez confirmé ou changé.')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshot(page, 'vae-faisabilite');
});

test('a block comment edited in two tabs: the stale save shows both versions and the applicant merges', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext();
	const first = await context.newPage();
	await loginAs(first, 'vae');
	const second = await context.newPage();
	const unit = tci.units[1]!;
	const label = `Commentaire du bloc ${unit.code}`;
	await first.goto('/vae/tci/faisabilite');
	await second.goto('/vae/tci/faisabilite');
	// Both tabs' scripts running (on a loaded machine the page can show before it hydrates).
	for (const tab of [first, second]) await expect(tab.locator('[data-autosave="actif"]').first()).toBeVisible();
	await first.getByLabel(label).fill('Texte écrit dans le premier onglet.');
	await expect(first.locator(`#bloc-${unit.id.replace('.', '\\.')} [role=status]`).filter({ hasText: /^Enregistré à/ })).toBeVisible({ timeout: 15_000 });

	await second.getByLabel(label).fill('Texte écrit dans le second onglet.');
	const conflict = second.getByRole('alert').filter({ hasText: 'Ce texte a été modifié ailleurs' });
	await expect(conflict).toBeVisible({ timeout: 15_000 });
	await expect(conflict.getByTestId('leur-version')).toHaveText('Texte écrit dans le premier onglet.');
	await expect(conflict.getByTestId('ma-version')).toHaveText('Texte écrit dans le second onglet.');
	await expectNoAxeViolations(second);
	await screenshot(second, 'vae-conflit');
	await conflict.getByRole('button', { name: 'Réunir les deux pour les fusionner' }).click();
	await expect(second.getByLabel(label)).toHaveValue(/premier onglet[\s\S]*second onglet/);
	await expect(second.locator(`#bloc-${unit.id.replace('.', '\\.')} [role=status]`).filter({ hasText: /^Enregistré à/ })).toBeVisible({ timeout: 15_000 });

	// The first tab is stale now: its next save conflicts too, and it keeps the merge.
	await first.getByLabel(label).fill('Une troisième version.');
	const again = first.getByRole('alert').filter({ hasText: 'Ce texte a été modifié ailleurs' });
	await expect(again).toBeVisible({ timeout: 15_000 });
	await again.getByRole('button', { name: 'Garder la version enregistrée' }).click();
	await expect(first.getByLabel(label)).toHaveValue(/premier onglet[\s\S]*second onglet/);
	await first.reload();
	await expect(first.getByLabel(label)).toHaveValue(/premier onglet[\s\S]*second onglet/);
	await context.close();
});

test('text typed after the session expired comes back after logging in again', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'vae');
	const unit = tci.units[2] ?? tci.units[1]!;
	const label = `Commentaire du bloc ${unit.code}`;
	await page.goto('/vae/tci/faisabilite');
	await expect(page.locator('[data-autosave="actif"]').first()).toBeVisible();
	await context.clearCookies();
	await page.getByLabel(label).fill('Écrit après la fin de la session.');
	await expect(page.getByRole('alert').filter({ hasText: 'Votre session a expiré' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('link', { name: 'Reconnectez-vous' }).click();
	await page.getByLabel('Adresse e-mail').fill('vae@demo.jalon.fr');
	await page.getByLabel('Mot de passe', { exact: true }).fill('demo-jalon-vae-candidat');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/vae\/tci\/faisabilite/);
	await expect(page.getByLabel(label)).toHaveValue('Écrit après la fin de la session.');
	await expect(page.locator(`#bloc-${unit.id.replace('.', '\\.')} [role=status]`).filter({ hasText: /^Enregistré à/ })).toBeVisible({ timeout: 15_000 });
	await page.reload();
	await expect(page.getByLabel(label)).toHaveValue('Écrit après la fin de la session.');
	await context.close();
});

test('the applicant prints the dossier, downloads the JSON, and reads the dossier on a phone', async ({ page }) => {
	test.setTimeout(120_000);
	await loginAs(page, 'vae');
	await page.goto('/vae/tci');
	await page.getByRole('link', { name: 'Voir et imprimer mon dossier' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(tci.title);
	await expect(page.getByRole('button', { name: 'Imprimer le dossier ou l’enregistrer en PDF' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Couverture du référentiel' })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Attestation employeur/ }).first()).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshot(page, 'vae-dossier');
	await expectNoSidewaysScroll(page);

	// Printed by Chromium itself: the page count goes in the test's output.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Imprimer le dossier ou l’enregistrer en PDF' })).toBeHidden();
	if (shots) {
		// The first two A4 pages' worth, as the print stylesheet lays them out.
		await page.setViewportSize({ width: 794, height: 1123 });
		await page.screenshot({ path: `${shots}/vae-dossier-impression-p1.png`, clip: { x: 0, y: 0, width: 794, height: 1123 }, fullPage: true });
		await page.screenshot({ path: `${shots}/vae-dossier-impression-p2.png`, clip: { x: 0, y: 1123, width: 794, height: 1123 }, fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
	}
	await page.emulateMedia({ media: 'screen' });
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
	console.log(`[dossier] PDF imprimé par Chromium : ${pages} pages, ${Math.round(pdf.length / 1024)} ko`);
	if (shots) fs.writeFileSync(`${shots}/dossier.pdf`, pdf);
	expect(pages).toBeGreaterThanOrEqual(1 + tci.units.length);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger les champs du dossier de faisabilité (JSON)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^faisabilite-tci-\d{4}-\d{2}-\d{2}\.json$/);
	const exported = feasibilityExportSchema.parse(JSON.parse(fs.readFileSync((await download.path())!, 'utf8')));
	expect(exported.blocks.map((b) => b.code)).toEqual(tci.units.map((u) => u.code));
	expect(exported.blocks[0]!.comment).toMatch(/^Brouillon/);
});

test('a document and a dossier reach the applicant and the accompagnateur only (IDOR)', async ({ page, baseURL }) => {
	await loginAs(page, 'vae');
	await page.goto('/vae/tci/dossier');
	const href = (await page.getByRole('link', { name: /^Attestation employeur/ }).first().getAttribute('href'))!;
	expect(href).toMatch(/^\/portfolio\/pieces\/[0-9a-f-]{36}$/);
	const trainer = await signedInRequest(baseURL!, DEMO_ACCOUNTS.trainer);
	const candidate = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	try {
		expect((await trainer.get(href)).status()).toBe(200);
		expect((await candidate.get(href)).status()).toBe(404);
		expect((await candidate.get('/portfolio/pieces/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
		// The accompagnateur reaches the applicant's dossier from their page; nobody else's.
		await page.context().clearCookies();
		await loginAs(page, 'trainer');
		await page.goto('/formateur/vae');
		await page.getByRole('link', { name: DEMO_ACCOUNTS.vae.displayName }).first().click();
		await page.getByRole('link', { name: 'Voir son dossier et ses documents joints' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(tci.title);
		const applicantId = page.url().split('/').at(-2)!;
		expect((await candidate.get(`/vae/tci/dossier`, { maxRedirects: 0 })).status()).toBe(404);
		expect((await trainer.get(`/formateur/vae/tci/00000000-0000-4000-8000-000000000000/dossier`)).status()).toBe(404);
		const admin = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
		expect((await admin.get(`/formateur/vae/tci/${applicantId}/dossier`)).status()).toBe(404);
		expect((await admin.get(href)).status()).toBe(404);
		await admin.dispose();
	} finally {
		await trainer.dispose();
		await candidate.dispose();
	}
});

test('an experience’s activities save themselves and survive a reload', async ({ page }) => {
	await loginAs(page, 'vae');
	await page.goto('/vae/tci/experiences');
	await page.getByRole('link', { name: 'Responsable grands comptes' }).first().click();
	const activities = page.getByLabel('Activités', { exact: true });
	await expect(page.locator('[data-autosave="actif"]').first()).toBeVisible();
	const text = 'Suivi de douze comptes clés, appels d’offres annuels et revues de contrat trimestrielles avec les acheteurs.';
	await activities.fill(text);
	await expect(page.locator('.autosave').filter({ has: activities }).getByRole('status')).toHaveText(/^Enregistré à/, { timeout: 15_000 });
	await page.reload();
	await expect(page.getByLabel('Activités', { exact: true })).toHaveValue(text);
	await expectNoAxeViolations(page);
	await screenshot(page, 'vae-experience-autosave');
});

test('without JavaScript, a stale block comment shows both versions and an over-long one is refused with the text kept', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const first = await context.newPage();
	await loginAs(first, 'vae');
	const second = await context.newPage();
	const unit = tci.units.at(-1)!;
	const label = `Commentaire du bloc ${unit.code}`;
	const section = (page: Page) => page.locator(`#bloc-${unit.id.replace('.', '\\.')}`);
	await first.goto('/vae/tci/faisabilite');
	await second.goto('/vae/tci/faisabilite');
	await first.getByLabel(label).fill('Version du premier onglet, sans JavaScript.');
	await section(first).getByRole('button', { name: 'Enregistrer le commentaire' }).click();
	await expect(first.getByRole('status').filter({ hasText: 'Commentaire enregistré.' })).toBeVisible();

	await second.getByLabel(label).fill('Version du second onglet, sans JavaScript.');
	await section(second).getByRole('button', { name: 'Enregistrer le commentaire' }).click();
	const conflict = second.getByRole('alert').filter({ hasText: 'Ce texte a été modifié ailleurs' });
	await expect(conflict.getByTestId('leur-version')).toHaveText('Version du premier onglet, sans JavaScript.');
	await expect(second.getByLabel(label)).toHaveValue('Version du second onglet, sans JavaScript.');
	// Submitting again now replaces the other version knowingly.
	await section(second).getByRole('button', { name: 'Enregistrer le commentaire' }).click();
	await expect(second.getByRole('status').filter({ hasText: 'Commentaire enregistré.' })).toBeVisible();
	await expect(second.getByLabel(label)).toHaveValue('Version du second onglet, sans JavaScript.');

	const long = 'a'.repeat(10_001);
	await second.getByLabel(label).fill(long);
	await section(second).getByRole('button', { name: 'Enregistrer le commentaire' }).click();
	await expect(section(second).locator('.field-error')).toContainText('10 001 caractères');
	await expect(second.getByLabel(label)).toHaveValue(long);
	await second.goto('/vae/tci/faisabilite');
	await expect(second.getByLabel(label)).toHaveValue('Version du second onglet, sans JavaScript.');
	await context.close();
});
