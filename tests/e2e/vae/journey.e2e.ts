import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { catalog } from '../support/candidate';

/**
 * The VAE journey with the demo applicant (in a VAE group of the demo trainer, see
 * src/lib/server/vae/demo-data.ts): positioning a competence, describing an experience linked to
 * two criteria, the accompagnateur's review, and the gap analysis that follows.
 */
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const competences = tci.units.flatMap((u) => u.competences);
const c2 = competences[1]!;
const c4 = competences[3]!;
// The demo file already holds two validated proofs of c2's first criterion: a third makes it « prouvé ».
const nearlyProved = c2.criteria[0]!;
const toComplete = c4.criteria[0]!;
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

const criterionItem = (page: Page, text: string) => page.locator('.criteria > li').filter({ hasText: text });

test('the applicant positions, describes and links an experience; the accompagnateur reviews; the gaps follow', async ({ browser }) => {
	test.setTimeout(120_000);
	const applicantContext = await browser.newContext();
	const applicant = await applicantContext.newPage();
	await loginAs(applicant, 'vae');

	// From their space to the VAE overview, then one competence's positioning.
	await applicant.goto('/vae');
	await expect(applicant).toHaveURL(/\/vae\/tci$/);
	await expect(applicant.getByRole('heading', { level: 1 })).toContainText('Ma VAE');
	await expectNoAxeViolations(applicant);
	await applicant.getByRole('link', { name: new RegExp(`^${c4.number}\\. `) }).click();
	await expect(applicant.getByRole('heading', { level: 1 })).toContainText(c4.title);
	for (const criterion of c4.criteria) {
		await applicant.getByRole('group', { name: criterion.text }).getByLabel('Oui').check();
	}
	// Saved as they go: the status says so and the answers stay.
	await expect(applicant.getByRole('status').last()).toHaveText('Enregistré.');
	await applicant.getByRole('group', { name: toComplete.text }).getByLabel(/exemple/).fill('Le suivi d’un contrat-cadre avec un équipementier.');
	await applicant.getByRole('button', { name: 'Enregistrer cette compétence' }).click();
	await expect(applicant.getByRole('status').last()).toHaveText('Enregistré.');
	await applicant.reload();
	await expect(applicant.getByText(`${c4.criteria.length} critères positionnés sur ${c4.criteria.length}`)).toBeVisible();
	await expectNoAxeViolations(applicant);
	await expectNoSidewaysScroll(applicant);
	await screenshot(applicant, 'positionnement');

	// An experience, linked to two criteria.
	await applicant.goto('/vae/tci/experiences');
	const form = applicant.locator('form[action="?/create"]');
	await form.getByLabel('Titre de l’expérience').fill('Chargée d’affaires export');
	await form.getByLabel('Employeur ou contexte').fill('Fabricant de vérins hydrauliques');
	await form.getByLabel('Poste ou rôle').fill('Chargée d’affaires');
	await form.getByLabel('Début').fill('2010-01-04');
	await form.getByLabel('Fin', { exact: false }).fill('2012-08-31');
	await form.getByLabel('Activités').fill('Offres export, négociation avec les importateurs, suivi des livraisons.');
	await form.getByLabel('Résultats').fill('Trois nouveaux pays ouverts.');
	await form.getByRole('button', { name: 'Enregistrer l’expérience' }).click();
	await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Chargée d’affaires export');
	for (const criterion of [nearlyProved, toComplete]) {
		await applicant.getByLabel('Critère', { exact: true }).selectOption(criterion.id);
		await applicant.getByLabel('En quoi cette expérience le prouve (une ligne)').fill('Je le faisais pour chaque offre export.');
		await applicant.getByRole('button', { name: 'Ajouter ce lien' }).click();
		await expect(applicant.locator('.links')).toContainText(criterion.text);
	}
	await expect(applicant.locator('.links .badge')).toHaveText(['en attente de revue', 'en attente de revue']);
	await expectNoAxeViolations(applicant);
	await expectNoSidewaysScroll(applicant);
	await screenshot(applicant, 'experience');

	await applicant.goto('/vae/tci/ecarts');
	await applicant.locator('details').filter({ hasText: c2.title }).first().locator('summary').click();
	await expect(criterionItem(applicant, nearlyProved.text).locator('.badge')).toHaveText('à prouver');

	// The accompagnateur validates one link and asks to complete the other.
	const trainerContext = await browser.newContext();
	const trainer = await trainerContext.newPage();
	await loginAs(trainer, 'trainer');
	await trainer.goto('/formateur/vae');
	await trainer.getByRole('link', { name: /Valérie/ }).click();
	await expectNoAxeViolations(trainer);
	const experience = trainer.locator('article').filter({ hasText: 'Chargée d’affaires export' });
	const link = (text: string) => experience.locator('.links > li').filter({ hasText: text });
	await link(nearlyProved.text).getByRole('radio', { name: 'Validée' }).check();
	await link(nearlyProved.text).getByRole('button', { name: 'Enregistrer la revue' }).click();
	await expect(link(nearlyProved.text).locator('.badge')).toHaveText('validée');
	// « À compléter » without a reason: refused beside the field.
	await link(toComplete.text).getByRole('radio', { name: 'À compléter' }).check();
	await link(toComplete.text).getByRole('button', { name: 'Enregistrer la revue' }).click();
	await expect(link(toComplete.text).locator('.field-error')).toContainText('Dites ce qu’il faut compléter');
	await link(toComplete.text).getByLabel(/Motif/).fill('Donnez un exemple chiffré de contrat suivi.');
	await link(toComplete.text).getByRole('button', { name: 'Enregistrer la revue' }).click();
	await expect(link(toComplete.text).locator('.badge')).toHaveText('à compléter');
	await expectNoAxeViolations(trainer);
	await expectNoSidewaysScroll(trainer);
	await screenshot(trainer, 'accompagnateur');

	// The applicant sees each review and its reason; the gaps follow.
	await applicant.goto('/vae/tci/experiences');
	await applicant.getByRole('link', { name: 'Chargée d’affaires export' }).click();
	await expect(applicant.getByText('Donnez un exemple chiffré de contrat suivi.')).toBeVisible();
	await applicant.goto('/vae/tci/ecarts');
	await applicant.locator('details').filter({ hasText: c2.title }).first().locator('summary').click();
	await expect(criterionItem(applicant, nearlyProved.text).locator('.badge')).toHaveText('prouvé');
	await applicant.locator('details').filter({ hasText: c4.title }).first().locator('summary').click();
	const gap = criterionItem(applicant, toComplete.text);
	await expect(gap.locator('.badge')).toHaveText('à prouver');
	await expect(gap.getByRole('link', { name: 'Compléter la justification demandée' })).toBeVisible();
	await expectNoAxeViolations(applicant);
	await expectNoSidewaysScroll(applicant);
	await screenshot(applicant, 'ecarts');
	await trainerContext.close();
	await applicantContext.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the positioning and the experience forms work, and bad input is answered beside the field', async ({ page }) => {
		await loginAs(page, 'vae');
		const c5 = competences[4]!;
		await page.goto(`/vae/tci/positionnement/${c5.slug}`);
		const first = page.getByRole('group', { name: c5.criteria[0]!.text });
		await first.getByLabel('Partiellement').check();
		await page.getByRole('group', { name: c5.criteria[1]!.text }).getByLabel(/exemple/).fill('x'.repeat(601));
		await page.getByRole('button', { name: 'Enregistrer cette compétence' }).click();
		await expect(page.getByRole('group', { name: c5.criteria[1]!.text }).locator('.field-error')).toContainText('600 caractères');
		await expect(first.getByLabel('Partiellement')).toBeChecked();
		await page.getByRole('group', { name: c5.criteria[1]!.text }).getByLabel(/exemple/).fill('');
		await page.getByRole('button', { name: 'Enregistrer cette compétence' }).click();
		await expect(page.getByText('Positionnement enregistré.')).toBeVisible();
		await expect(page.getByRole('group', { name: c5.criteria[0]!.text }).getByLabel('Partiellement')).toBeChecked();

		await page.goto('/vae/tci/experiences');
		const form = page.locator('form[action="?/create"]');
		await form.getByLabel('Titre de l’expérience').fill('Assistante commerciale');
		await form.getByLabel('Employeur ou contexte').fill('Atelier de chaudronnerie');
		await form.getByLabel('Poste ou rôle').fill('Assistante');
		await form.getByLabel('Début').fill('2009-05-01');
		await form.getByLabel('Fin', { exact: false }).fill('2008-01-01');
		await form.getByLabel('Activités').fill('Saisie des commandes.');
		await form.getByLabel('Résultats').fill('Délais tenus.');
		await form.getByRole('button', { name: 'Enregistrer l’expérience' }).click();
		const again = page.locator('form[action="?/create"]');
		await expect(again.locator('.field-error')).toHaveText(['La date de fin est avant la date de début.']);
		await expect(again.getByLabel('Titre de l’expérience')).toHaveValue('Assistante commerciale');
		await again.getByLabel('Fin', { exact: false }).fill('2011-01-01');
		await again.getByRole('button', { name: 'Enregistrer l’expérience' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assistante commerciale');
		await expect(page.getByRole('status')).toContainText('Expérience enregistrée');
		// (axe needs JavaScript: the same pages are checked in the journey above.)
	});
});
