import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { catalog, enrolIn, signUpCandidate } from '../support/candidate';

/**
 * The projects report and the company's opinion, as their users meet them: a candidate in
 * training writes a project, links it to a criterion and prints the draft; invites their tutor;
 * the tutor, with no account, drafts then signs; the candidate sees the opinion on the map.
 * The tutor's form also works without JavaScript.
 */
const tci = catalog.certifications.find((c) => c.id === 'tci')!;
const competences = tci.units.flatMap((u) => u.competences);
const shots = process.env.JALON_SHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
	if (!shots) return;
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `défilement horizontal à 360 px sur ${page.url()}`).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** The newest tutor link in the local outbox (the e2e server keeps mail there). */
async function latestTutorLink(browser: Browser, recipient: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/dev/outbox');
	const body = await page.locator('article').filter({ hasText: `À ${recipient}` }).first().innerText();
	await context.close();
	const link = /https?:\/\/\S+\/avis-entreprise\/[a-z2-7]{32}/.exec(body)?.[0];
	if (!link) throw new Error(`aucun lien d’invitation pour ${recipient}`);
	return new URL(link).pathname;
}

async function invite(page: Page, name: string, email: string): Promise<void> {
	await page.goto('/preparation/tci/avis-entreprise');
	await page.getByLabel('Nom de votre tuteur ou responsable').fill(name);
	await page.getByLabel('Son adresse e-mail professionnelle').fill(email);
	await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	await expect(page.getByRole('status')).toContainText('Invitation envoyée');
}

test('a candidate writes and links a project, prints the draft, invites a tutor who drafts then signs; the map shows the opinion', async ({ browser, page }) => {
	test.setTimeout(180_000);
	await signUpCandidate(page, 'Chloé Projets');
	await enrolIn(page, 'tci', 'formation');

	// The report, reached from « Préparer l'évaluation ».
	await page.goto('/preparation/tci');
	await page.getByRole('link', { name: 'Mon rapport de projets' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon rapport de projets');
	await expectNoAxeViolations(page);

	// Bad input: the message beside the field, what was typed kept, nothing written.
	await page.getByLabel('Titre du projet').fill('Appel d’offres carters');
	await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
	await expect(page.getByRole('alert')).toContainText('Le projet n’a pas été enregistré');
	await expect(page.getByText('Dites quel était l’objectif du projet.')).toBeVisible();
	await expect(page.getByLabel('Titre du projet')).toHaveValue('Appel d’offres carters');
	await expect(page.getByText('Aucun projet décrit pour l’instant.')).toBeVisible();

	await page.getByLabel('Contexte').fill('PME de mécanique, 60 salariés ; client : un équipementier automobile.');
	await page.getByLabel('Votre rôle dans le projet').fill('Technico-commerciale, pilote de la réponse');
	await page.getByLabel('Début').fill('2026-09-07');
	await page.getByLabel('Objectif').fill('Répondre en six semaines avec un prix cible.');
	await page.getByLabel('Ce que vous avez fait').fill('J’ai analysé le cahier des charges, chiffré trois variantes et présenté l’offre.');
	await page.getByLabel('Résultat', { exact: true }).fill('Offre retenue au deuxième tour.');
	await page.getByLabel('Chiffres clés (facultatif)').fill('4 % sous le prix cible.');
	await page.getByLabel('Autres documents, non joints (facultatif)').fill('Offre anonymisée\nTableau de chiffrage');
	await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Projet enregistré' })).toBeVisible();

	// Linked to the first criterion of the first competence, with its justification.
	const criterion = competences[0]!.criteria[0]!;
	await page.getByLabel('Critère', { exact: true }).selectOption(criterion.id);
	await page.getByLabel('En quoi ce projet le montre (une ligne)').fill('J’ai analysé le cahier des charges avant de chiffrer.');
	await page.getByRole('button', { name: 'Ajouter ce lien' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Lien ajouté' })).toBeVisible();
	await expect(page.locator('.links')).toContainText(criterion.text);
	await expect(page.locator('.links')).toContainText('en attente de revue');
	await expectNoAxeViolations(page);

	// The coverage table and the printable draft, organised by competence.
	await page.goto('/preparation/tci/projets');
	await expect(page.getByRole('table')).toContainText(`${competences[0]!.number}. ${competences[0]!.title}`);
	await screenshot(page, 'rapport-projets');
	await expectNoSidewaysScroll(page);
	await page.getByRole('link', { name: 'Voir le brouillon imprimable du rapport' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport de projets : brouillon');
	await expect(page.getByRole('heading', { name: 'Confidentialité : avant d’envoyer ce rapport' })).toBeVisible();
	await expect(page.getByRole('region', { name: `${competences[0]!.number}. ${competences[0]!.title}` })).toContainText('Appel d’offres carters');
	// The button appears once the page has hydrated (slow on a loaded machine).
	await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible({ timeout: 20_000 });
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await screenshot(page, 'brouillon');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();
	await expect(page.getByText('Anonymisez les clients')).toBeVisible();
	await screenshot(page, 'brouillon-impression');
	await page.emulateMedia({ media: 'screen' });

	// Inviting the tutor: a bad address is refused beside the field, the name kept.
	await page.goto('/preparation/tci/avis-entreprise');
	await expectNoAxeViolations(page);
	await page.getByLabel('Nom de votre tuteur ou responsable').fill('Marc Dupuis');
	await page.getByLabel('Son adresse e-mail professionnelle').fill('marc.dupuis');
	await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	await expect(page.locator('#tutorEmail-erreur')).toContainText('Adresse e-mail invalide');
	await expect(page.getByLabel('Nom de votre tuteur ou responsable')).toHaveValue('Marc Dupuis');
	const tutorEmail = `marc.dupuis.${Date.now()}@entreprise.fr`;
	await invite(page, 'Marc Dupuis', tutorEmail);
	await expect(page.getByText('envoyée, pas encore ouverte')).toBeVisible();
	await screenshot(page, 'invitation');
	await expectNoSidewaysScroll(page);

	// The tutor, with no account, in another browser.
	const link = await latestTutorLink(browser, tutorEmail);
	const tutorContext = await browser.newContext();
	const tutor = await tutorContext.newPage();
	await tutor.goto(link);
	await expect(tutor.getByRole('heading', { level: 1 })).toHaveText('L’avis de l’entreprise');
	await expect(tutor.locator('.lead')).toContainText('Chloé Projets');
	await expect(tutor.locator('.lead')).toContainText('Technico-commercial industriel');
	for (const competence of competences) await expect(tutor.getByRole('group', { name: `${competence.number}. ${competence.title}` })).toBeVisible();
	await expect(tutor.getByText(/tci\.c\d/)).toHaveCount(0);
	await expectNoAxeViolations(tutor);

	// A draft, then back through the same link.
	const first = tutor.getByRole('group', { name: `${competences[0]!.number}. ${competences[0]!.title}` });
	await first.getByRole('radio', { name: 'Favorable', exact: true }).check();
	await first.getByLabel(/Commentaire/).fill('<script>alert(1)</script> Analyse rigoureuse.');
	await tutor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(tutor.getByRole('status')).toContainText('Brouillon enregistré');
	await tutor.goto(link);
	await expect(first.getByRole('radio', { name: 'Favorable', exact: true })).toBeChecked();
	await expect(first.getByLabel(/Commentaire/)).toHaveValue('<script>alert(1)</script> Analyse rigoureuse.');

	// Signing without everything: messages beside the fields, nothing lost.
	await tutor.getByRole('button', { name: 'Signer et transmettre l’avis' }).click();
	await expect(tutor.getByRole('alert')).toContainText('L’avis n’a pas été signé');
	await expect(tutor.locator(`[id="verdict-${competences[1]!.id}-erreur"]`)).toContainText('Donnez votre avis');
	await expect(tutor.locator('#confirm-erreur')).toBeVisible();
	await expect(first.getByRole('radio', { name: 'Favorable', exact: true })).toBeChecked();
	await screenshot(tutor, 'formulaire-tuteur');
	await expectNoSidewaysScroll(tutor);

	for (const competence of competences.slice(1)) await tutor.getByRole('group', { name: `${competence.number}. ${competence.title}` }).getByRole('radio', { name: 'Favorable', exact: true }).check();
	await tutor.getByLabel('Fonction', { exact: true }).fill('Responsable commercial');
	await tutor.getByLabel('Entreprise', { exact: true }).fill('Mécanique du Rhône');
	await tutor.getByLabel(/Je confirme/).check();
	await tutor.getByRole('button', { name: 'Signer et transmettre l’avis' }).click();
	await expect(tutor.getByRole('heading', { level: 1 })).toHaveText('Avis déjà signé');
	// The closed link shows no data of the candidate.
	await expect(tutor.locator('main')).not.toContainText('Chloé');
	await expect(tutor.locator('form')).toHaveCount(0);
	await expectNoAxeViolations(tutor);
	await screenshot(tutor, 'lien-signe');
	await tutorContext.close();

	// The candidate: the opinion on their page (the tutor's text escaped) and on the map.
	await page.goto('/preparation/tci/avis-entreprise');
	await expect(page.getByRole('article', { name: 'Avis signé par Marc Dupuis' })).toContainText('« <script>alert(1)</script> Analyse rigoureuse. »');
	await expect(page.locator('.invitations')).toContainText('— avis signé');
	await page.goto('/candidat/progression/tci');
	await expect(page.locator('.opinion')).toContainText('Avis de l’entreprise : reçu le');
	await page.locator('.opinion').getByRole('link', { name: 'le lire' }).click();
	await expect(page).toHaveURL(/\/preparation\/tci\/avis-entreprise$/);
});

test('the tutor’s form works without JavaScript; a revoked link shows only a French page', async ({ browser, page }) => {
	test.setTimeout(120_000);
	await signUpCandidate(page, 'Hugo Sansjs');
	await enrolIn(page, 'tci', 'formation');
	const email = `tuteur.sansjs.${Date.now()}@entreprise.fr`;
	await invite(page, 'Nadia Tutrice', email);
	const link = await latestTutorLink(browser, email);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const tutor = await context.newPage();
	await tutor.goto(link);
	await expect(tutor.locator('.lead')).toContainText('Hugo Sansjs');
	const groups = competences.map((c) => tutor.getByRole('group', { name: `${c.number}. ${c.title}` }));
	await groups[0]!.getByRole('radio', { name: 'Réservé', exact: true }).check();
	await tutor.getByRole('button', { name: 'Signer et transmettre l’avis' }).click();
	await expect(tutor.getByRole('alert')).toContainText('L’avis n’a pas été signé');
	await expect(tutor.locator(`[id="comment-${competences[0]!.id}-erreur"]`)).toContainText('réservé ou défavorable');
	await expect(groups[0]!.getByRole('radio', { name: 'Réservé', exact: true })).toBeChecked();
	await groups[0]!.getByLabel(/Commentaire/).fill('Doit encore gagner en autonomie.');
	await tutor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(tutor.getByRole('status')).toContainText('Brouillon enregistré');
	for (const group of groups.slice(1)) await group.getByRole('radio', { name: 'Favorable', exact: true }).check();
	await tutor.getByLabel('Fonction', { exact: true }).fill('Cheffe des ventes');
	await tutor.getByLabel('Entreprise', { exact: true }).fill('Roulements du Sud');
	await tutor.getByLabel(/Je confirme/).check();
	await tutor.getByRole('button', { name: 'Signer et transmettre l’avis' }).click();
	await expect(tutor.getByRole('heading', { level: 1 })).toHaveText('Avis déjà signé');
	await context.close();

	// A second invitation, revoked by the candidate: its link says so and shows nothing else.
	const other = `tuteur.retire.${Date.now()}@entreprise.fr`;
	await invite(page, 'Paul Retiré', other);
	const revokedLink = await latestTutorLink(browser, other);
	await page.locator('li').filter({ hasText: 'Paul Retiré' }).getByRole('button', { name: 'Retirer cette invitation' }).click();
	await expect(page.getByRole('status')).toContainText('Invitation retirée');
	const anonymous = await browser.newContext();
	const visitor = await anonymous.newPage();
	await visitor.goto(revokedLink);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Lien retiré');
	await expect(visitor.locator('main')).not.toContainText('Hugo');
	// An unknown token: a 404 page, in French.
	const unknown = await visitor.goto('/avis-entreprise/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	expect(unknown?.status()).toBe(404);
	await expect(visitor.getByText('Ce lien n’est pas valide')).toBeVisible();
	await anonymous.close();
});

test('the demo candidate sees their projects report and the demo tutor’s opinion; the demo trainer reviews a link', async ({ page, browser }) => {
	test.setTimeout(90_000);
	await loginAs(page, 'candidate');
	await page.goto('/preparation/tci/projets');
	await expect(page.locator('.projects > li')).toHaveCount(2);
	await expect(page.locator('.opinion')).toContainText('par Marc Dupuis (démo)');
	await expect(page.getByText('validé', { exact: true })).toHaveCount(1);
	await page.goto('/candidat/progression/tci');
	await expect(page.locator('.opinion')).toContainText('Avis de l’entreprise : reçu le');

	const trainerContext = await browser.newContext();
	const trainer = await trainerContext.newPage();
	await loginAs(trainer, 'trainer');
	await trainer.goto('/formateur');
	await trainer.getByRole('link', { name: 'Rapports de projets' }).click();
	await trainer.getByRole('link', { name: 'Camille Candidat (démo)' }).click();
	await expect(trainer.getByRole('article', { name: 'Avis signé par Marc Dupuis (démo)' })).toBeVisible();
	await expectNoAxeViolations(trainer);
	const pending = trainer.locator('.links > li').filter({ hasText: 'en attente de votre revue' }).first();
	await pending.getByRole('radio', { name: 'À compléter' }).check();
	await pending.getByRole('button', { name: 'Enregistrer la revue' }).click();
	await expect(trainer.locator('.field-error').first()).toContainText('Dites ce qu’il faut compléter');
	const again = trainer.locator('.links > li').filter({ hasText: 'en attente de votre revue' }).first();
	await again.getByRole('radio', { name: 'Validé' }).check();
	await again.getByRole('button', { name: 'Enregistrer la revue' }).click();
	await expect(trainer.getByRole('status')).toContainText('Revue enregistrée');
	await screenshot(trainer, 'formateur-projets');
	await trainerContext.close();
});
