import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { DEMO_ACCOUNTS, loginAs } from '../support/accounts';
import { catalog } from '../support/candidate';

const question = catalog.questions.get('tci.c1')?.[0];

/**
 * The demo VAE applicant is a member of the demo trainer's VAE group on TCI (demo data
 * created at start-up): the trainer follows her, the admin does not.
 */
test('a trainer of the candidate’s group reads a rehearsal and comments; the candidate sees it; a user outside the group cannot read', async ({ browser }) => {
	test.skip(!question, 'pas encore de questions pour tci.c1');
	const answer = `Je cite mes sources : la revue Machines Production et deux salons (${Date.now().toString(36)}).`;
	const comment = 'Bien : dites aussi ce que vous avez écarté, et pourquoi.';
	const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
	const [candidate, trainer, admin] = await Promise.all(contexts.map((context) => context.newPage()));
	try {
		await loginAs(candidate!, 'vae');
		await candidate!.goto('/modules/tci/c1/entretien/o1');
		await expect(candidate!.getByText('peuvent lire cette réponse et la commenter')).toBeVisible();
		await candidate!.getByLabel(/Votre réponse/).fill(answer);
		await candidate!.getByRole('button', { name: /Enregistrer (ma réponse|cette nouvelle version)/ }).click();
		await expect(candidate!.getByRole('status')).toContainText(/Réponse enregistrée|n’a pas changé/);

		await loginAs(trainer!, 'trainer');
		await trainer!.goto('/formateur/repetitions');
		await expectNoAxeViolations(trainer!);
		await trainer!.getByRole('link', { name: DEMO_ACCOUNTS.vae.displayName }).click();
		const card = trainer!.locator('article', { hasText: answer });
		await expect(card).toBeVisible();
		await expectNoAxeViolations(trainer!);
		await card.getByLabel('Votre commentaire').fill(comment);
		await card.getByRole('button', { name: 'Commenter' }).click();
		await expect(trainer!.getByRole('status')).toContainText('Commentaire enregistré');
		await expect(trainer!.locator('article', { hasText: answer }).getByText(comment)).toBeVisible();

		await candidate!.reload();
		await expect(candidate!.getByRole('heading', { name: 'Commentaires de vos formateurs' })).toBeVisible();
		await expect(candidate!.getByText(comment).first()).toBeVisible();
		await expectNoAxeViolations(candidate!);

		// The admin trains no group with her: answered as if she did not exist.
		await loginAs(admin!, 'admin');
		const response = await admin!.goto(trainer!.url().split('?')[0]!.split('#')[0]!);
		expect(response?.status()).toBe(404);
	} finally {
		await Promise.all(contexts.map((context) => context.close()));
	}
});
