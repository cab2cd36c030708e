import { expect, test, type Browser, type Page } from '@playwright/test';
import { addDays, todayInFrance } from '../../../src/lib/server/groups/days';
import { loginAs, uniqueEmail } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { catalog, signUpCandidate } from '../support/candidate';

/**
 * The trainer's part 1 journeys: a group created, candidates joining by code and by link (one
 * signing up on the way), a module assigned with a due date and seen first on the candidate's
 * space; the join and assignment forms without JavaScript; the same by keyboard only.
 */
const competence = catalog.certifications.find((c) => c.id === 'tci')!.units.flatMap((u) => u.competences)[1]!;
const moduleLabel = `${competence.number}. ${competence.title}`;
const PASSWORD = 'un mot de passe solide pour Jalon';

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ locale: 'fr-FR', ...options });
	return context.newPage();
}

async function createGroup(page: Page, name: string): Promise<{ code: string; link: string; url: string; settings: string }> {
	await page.goto('/formateur');
	await page.getByRole('link', { name: 'Créer un groupe' }).click();
	await page.getByLabel('Nom du groupe').fill(name);
	await page.getByLabel('Certification préparée').selectOption('tci');
	await page.getByRole('button', { name: 'Créer le groupe' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Groupe créé');
	const code = (await page.locator('.code').textContent())!.trim();
	const link = (await page.locator('code.link').textContent())!.trim();
	// Creating lands on the group's settings; its own page (the cohort) is one level up.
	const settings = page.url().split('?')[0]!;
	return { code, link, url: settings.replace(/\/reglages$/, ''), settings };
}

async function assign(page: Page, groupUrl: string, dueOn: string): Promise<void> {
	await page.goto(`${groupUrl}/assigner`);
	await page.getByRole('checkbox', { name: moduleLabel }).check();
	await page.getByLabel('À faire pour le').fill(dueOn);
	await page.getByLabel('Consigne (facultatif)').fill('Quiz complet et une mise en situation.');
	await page.getByRole('button', { name: 'Assigner' }).click();
	await expect(page.getByRole('status')).toContainText('Travail assigné');
}

test('a trainer creates a group, candidates join by code and by link, an assignment comes first on their space', async ({ page, browser }) => {
	test.setTimeout(90_000);
	await loginAs(page, 'trainer');
	await expect(page).toHaveURL(/\/formateur$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mes groupes' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Créer un groupe' }).click();
	await expectNoAxeViolations(page);
	const name = `Session e2e ${Date.now().toString(36)}`;
	const group = await createGroup(page, name);
	expect(group.code).toMatch(/^[A-Z]{6} \d{3}$/);
	await expectNoAxeViolations(page);

	// A new candidate joins with the code, typed in lower case with spaces.
	const byCode = await newPage(browser);
	await signUpCandidate(byCode, 'Inès Par-le-code');
	await byCode.goto('/rejoindre');
	await expectNoAxeViolations(byCode);
	await byCode.getByLabel('Code du groupe').fill(` ${group.code.toLowerCase()} `);
	await byCode.getByRole('button', { name: 'Continuer' }).click();
	await expect(byCode.getByRole('heading', { level: 2, name })).toBeVisible();
	await expect(byCode.getByText('Frédéric Formateur (démo)')).toBeVisible();
	await expect(byCode.getByText('Votre progression, critère par critère')).toBeVisible();
	await expect(byCode.getByText('Votre mot de passe')).toBeVisible();
	await expectNoAxeViolations(byCode);
	await byCode.getByRole('button', { name: 'Rejoindre le groupe' }).click();
	await expect(byCode).toHaveURL(/\/candidat/);
	await expect(byCode.getByRole('status').first()).toContainText(`Vous avez rejoint le groupe « ${name} »`);

	// A visitor opens the link, signs up on the way and comes back to the confirmation.
	const byLink = await newPage(browser);
	await byLink.goto(group.link);
	await byLink.getByRole('link', { name: 'Créer mon compte' }).click();
	await byLink.getByLabel('Adresse e-mail').fill(uniqueEmail('lien'));
	await byLink.getByLabel('Nom affiché').fill('Paul Par-le-lien');
	await byLink.getByLabel('Mot de passe').fill(PASSWORD);
	await byLink.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(byLink.getByRole('heading', { level: 2, name })).toBeVisible();
	await expect(byLink.getByText(/vous serez aussi inscrit·e/)).toBeVisible();
	await byLink.getByRole('button', { name: 'Rejoindre le groupe' }).click();
	await expect(byLink).toHaveURL(/\/candidat/);

	// The trainer sees both, assigns a module with a due date.
	await page.goto(group.settings);
	await expect(page.getByRole('rowheader', { name: /Inès Par-le-code/ })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: /Paul Par-le-lien/ })).toBeVisible();
	await page.getByRole('link', { name: 'Assigner des modules' }).click();
	await expectNoAxeViolations(page);
	const dueOn = addDays(todayInFrance(), 7);
	await assign(page, group.url, dueOn);
	await expect(page.getByRole('heading', { level: 3, name: moduleLabel })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'non commencé' })).toHaveCount(2);
	await expectNoAxeViolations(page);

	// The candidate's next step is the assignment.
	await byCode.goto('/candidat');
	const next = byCode.locator('.assignment-next');
	await expect(next.getByRole('heading', { name: 'Prochaine étape' })).toBeVisible();
	await expect(next.getByRole('link', { name: moduleLabel, exact: true })).toBeVisible();
	await expect(byCode.getByRole('heading', { name: 'Travaux assignés par vos formateurs' })).toBeVisible();
	await expectNoAxeViolations(byCode);

	// « Mon compte » lists the group and who sees what; leaving ends it.
	await byCode.goto('/compte');
	const groups = byCode.locator('#mes-groupes');
	await expect(groups.getByRole('heading', { name })).toBeVisible();
	await expect(groups.getByText('Frédéric Formateur (démo)')).toBeVisible();
	await expectNoAxeViolations(byCode);
	await groups.getByRole('button', { name: /Quitter le groupe/ }).click();
	await expect(byCode.getByRole('status')).toContainText('Vous avez quitté le groupe');
	await byCode.goto('/candidat');
	await expect(byCode.getByRole('heading', { name: 'Travaux assignés par vos formateurs' })).toHaveCount(0);
	await page.goto(group.settings);
	await expect(page.getByRole('rowheader', { name: /Inès Par-le-code/ })).toHaveCount(0);
	await byCode.context().close();
	await byLink.context().close();
});

test('the join and assignment forms work without JavaScript, with errors beside the fields and what was typed kept', async ({ browser }) => {
	test.setTimeout(90_000);
	const trainer = await newPage(browser, { javaScriptEnabled: false });
	await loginAs(trainer, 'trainer');
	const group = await createGroup(trainer, `Sans script ${Date.now().toString(36)}`);

	const candidate = await newPage(browser, { javaScriptEnabled: false });
	await signUpCandidate(candidate, 'Nora Sans-Script');
	await candidate.goto('/rejoindre');
	await candidate.getByLabel('Code du groupe').fill('ZZZZZZ 000');
	await candidate.getByRole('button', { name: 'Continuer' }).click();
	await expect(candidate.locator('.field-error')).toContainText('Ce code ne permet pas de rejoindre un groupe');
	await expect(candidate.getByLabel('Code du groupe')).toHaveValue('ZZZZZZ 000');
	await expect(candidate.getByLabel('Code du groupe')).toHaveAttribute('aria-invalid', 'true');
	await candidate.getByLabel('Code du groupe').fill(group.code);
	await candidate.getByRole('button', { name: 'Continuer' }).click();
	await candidate.getByRole('button', { name: 'Rejoindre le groupe' }).click();
	await expect(candidate).toHaveURL(/\/candidat/);

	await trainer.goto(`${group.url}/assigner`);
	await trainer.getByRole('checkbox', { name: moduleLabel }).check();
	await trainer.getByLabel('À faire pour le').fill(addDays(todayInFrance(), -1));
	await trainer.getByLabel('Consigne (facultatif)').fill('Gardez ce texte');
	await trainer.getByRole('button', { name: 'Assigner' }).click();
	await expect(trainer.locator('#champ-dueOn-erreur')).toContainText('déjà passée');
	await expect(trainer.getByRole('checkbox', { name: moduleLabel })).toBeChecked();
	await expect(trainer.getByLabel('Consigne (facultatif)')).toHaveValue('Gardez ce texte');
	await trainer.getByLabel('À faire pour le').fill(addDays(todayInFrance(), 3));
	await trainer.getByRole('button', { name: 'Assigner' }).click();
	await expect(trainer.getByRole('status')).toContainText('Travail assigné');
	await expect(trainer.getByRole('heading', { level: 3, name: moduleLabel })).toHaveCount(1);

	await candidate.goto('/candidat');
	await expect(candidate.locator('.assignment-next').getByRole('link', { name: moduleLabel, exact: true })).toBeVisible();
	await trainer.context().close();
	await candidate.context().close();
});

test('joining and assigning by keyboard only', async ({ browser }) => {
	test.setTimeout(90_000);
	const trainer = await newPage(browser);
	await loginAs(trainer, 'trainer');
	const group = await createGroup(trainer, `Clavier ${Date.now().toString(36)}`);

	const candidate = await newPage(browser);
	await signUpCandidate(candidate, 'Léa Clavier');
	await candidate.goto('/rejoindre');
	await candidate.keyboard.press('Tab');
	// Tab through the header to the code field, as a keyboard user would.
	for (let i = 0; i < 30 && !(await candidate.getByLabel('Code du groupe').evaluate((el) => el === document.activeElement)); i++) await candidate.keyboard.press('Tab');
	await expect(candidate.getByLabel('Code du groupe')).toBeFocused();
	await candidate.keyboard.type(group.code);
	await candidate.keyboard.press('Enter');
	const join = candidate.getByRole('button', { name: 'Rejoindre le groupe' });
	await expect(join).toBeVisible();
	for (let i = 0; i < 40 && !(await join.evaluate((el) => el === document.activeElement)); i++) await candidate.keyboard.press('Tab');
	await expect(join).toBeFocused();
	await candidate.keyboard.press('Enter');
	await expect(candidate).toHaveURL(/\/candidat/);

	await trainer.goto(`${group.url}/assigner`);
	const box = trainer.getByRole('checkbox', { name: moduleLabel });
	for (let i = 0; i < 60 && !(await box.evaluate((el) => el === document.activeElement)); i++) await trainer.keyboard.press('Tab');
	await expect(box).toBeFocused();
	await trainer.keyboard.press('Space');
	await expect(box).toBeChecked();
	const date = trainer.getByLabel('À faire pour le');
	for (let i = 0; i < 60 && !(await date.evaluate((el) => el === document.activeElement)); i++) await trainer.keyboard.press('Tab');
	await expect(date).toBeFocused();
	await date.fill(addDays(todayInFrance(), 5));
	const submit = trainer.getByRole('button', { name: 'Assigner' });
	for (let i = 0; i < 60 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await trainer.keyboard.press('Tab');
	await expect(submit).toBeFocused();
	await trainer.keyboard.press('Enter');
	await expect(trainer.getByRole('status')).toContainText('Travail assigné');
	await trainer.context().close();
	await candidate.context().close();
});

test('the demo trainer lands on the demo group with its candidates and assignments; a candidate cannot reach it', async ({ page, browser }) => {
	await loginAs(page, 'trainer');
	const demo = page.getByRole('link', { name: 'TCI — session de démonstration' });
	await expect(demo).toBeVisible();
	await demo.click();
	await expect(page.getByRole('rowheader')).toHaveCount(12);
	await page.getByRole('link', { name: 'Réglages et suivi' }).click();
	await expect(page.getByRole('rowheader')).toHaveCount(12);
	await expect(page.getByRole('heading', { name: /Travaux assignés \(4\)/ })).toBeVisible();
	await expect(page.getByText('en retard').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const groupUrl = page.url();

	const candidate = await newPage(browser);
	await loginAs(candidate, 'candidate');
	const response = await candidate.goto(groupUrl);
	expect(response?.status()).toBe(403);
	await candidate.goto('/candidat');
	await expect(candidate.getByRole('heading', { name: 'Prochaine étape' })).toBeVisible();
	await candidate.context().close();
});

test('a trainer changing the group id in a URL or a form reaches nothing of another group', async ({ page, browser, baseURL }) => {
	// The admin (who may create groups) makes one the demo trainer does not belong to.
	await loginAs(page, 'admin');
	const other = await createGroup(page, `Autre groupe ${Date.now().toString(36)}`);

	const trainer = await newPage(browser);
	await loginAs(trainer, 'trainer');
	for (const path of ['', '/reglages', '/assigner']) expect((await trainer.goto(`${other.url}${path}`))?.status()).toBe(404);
	const api = trainer.context().request;
	const closing = await api.post(`${other.settings}?/close`, { form: { x: '1' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(closing.status()).toBe(404);
	const assigning = await api.post(`${other.url}/assigner`, { form: { module: competence.id, dueOn: addDays(todayInFrance(), 3), target: 'all' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(assigning.status()).toBe(404);

	// Nothing changed: the code still opens the group, which has no assignment.
	await page.goto(other.settings);
	await expect(page.locator('.code')).toHaveText(other.code);
	await expect(page.getByRole('heading', { name: 'Travaux assignés (0)' })).toBeVisible();
	await trainer.context().close();
});
