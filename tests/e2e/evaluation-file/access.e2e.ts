import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signedInRequest } from '../support/accounts';
import { enrolIn, signUpCandidate } from '../support/candidate';

/**
 * A candidate reaches only their own projects and invitations, a trainer only the candidates of
 * their formation groups: another user's id in a URL or a form is « not found », nothing is written.
 */
const html = { accept: 'text/html' };

test('another user’s project, link, invitation or report is never reached by changing an id', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const demo = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	const list = await (await demo.get('/preparation/tci/projets', { headers: html })).text();
	const projectId = /\/preparation\/tci\/projets\/([0-9a-f-]{36})/.exec(list)![1]!;
	const detail = await (await demo.get(`/preparation/tci/projets/${projectId}`, { headers: html })).text();
	const linkId = /name="link" value="([0-9a-f-]{36})"/.exec(detail)![1]!;
	// The demo candidate's own open invitation.
	await demo.post('/preparation/tci/avis-entreprise?/invite', { form: { tutorName: 'Tuteur Idor', tutorEmail: 'idor@entreprise.fr' }, headers: html, maxRedirects: 0 });
	const opinionPage = await (await demo.get('/preparation/tci/avis-entreprise', { headers: html })).text();
	const invitationId = /name="invitation" value="([0-9a-f-]{36})"/.exec(opinionPage)![1]!;

	await signUpCandidate(page, 'Noé Curieux');
	await enrolIn(page, 'tci', 'formation');
	const other = page.request;
	expect((await other.get(`/preparation/tci/projets/${projectId}`)).status()).toBe(404);
	for (const action of ['update', 'delete', 'link', 'justify', 'unlink']) {
		const response = await other.post(`/preparation/tci/projets/${projectId}?/${action}`, {
			form: { title: 'Intrusion', context: 'x', role: 'x', startDate: '2026-01-01', objective: 'x', activities: 'x', results: 'x', criterion: 'tci.c1.met1', justification: 'Remplacée', link: linkId },
			headers: { ...html, origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(404);
	}
	const revoke = await other.post('/preparation/tci/avis-entreprise?/revoke', { form: { invitation: invitationId }, headers: { ...html, origin: baseURL! }, maxRedirects: 0 });
	expect(revoke.status()).toBe(404);
	expect(await (await other.get('/preparation/tci/projets')).text()).not.toContain(projectId);
	const after = await (await demo.get(`/preparation/tci/projets/${projectId}`, { headers: html })).text();
	expect(after).not.toContain('Remplacée');
	expect(after).not.toContain('Intrusion');
	expect(await (await demo.get('/preparation/tci/avis-entreprise', { headers: html })).text()).toContain(invitationId);

	// The company's opinion exists only for a CQPM in training; the report only in training.
	const vae = await signedInRequest(baseURL!, DEMO_ACCOUNTS.vae);
	expect((await vae.get('/preparation/tci/projets', { headers: html })).status()).toBe(404);
	expect((await vae.get('/preparation/tci/avis-entreprise', { headers: html })).status()).toBe(404);

	// The trainer's side: the demo trainer reaches the demo candidate; the admin (in no group) does not, nor their review.
	const trainer = await signedInRequest(baseURL!, DEMO_ACCOUNTS.trainer);
	const trainerList = await (await trainer.get('/formateur/projets', { headers: html })).text();
	const candidatePath = /\/formateur\/projets\/tci\/[0-9a-f-]{36}/.exec(trainerList)![0]!;
	expect((await trainer.get(candidatePath, { headers: html })).status()).toBe(200);
	const admin = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
	expect((await admin.get(candidatePath, { headers: html })).status()).toBe(404);
	const review = await admin.post(`${candidatePath}?/review`, { form: { link: linkId, decision: 'validée' }, headers: html, maxRedirects: 0 });
	expect(review.status()).toBe(404);
	expect((await trainer.get(candidatePath.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000'), { headers: html })).status()).toBe(404);
	// The same candidate under another certification of the URL: not found.
	expect((await trainer.get(candidatePath.replace('/tci/', '/ra/'), { headers: html })).status()).toBe(404);
	expect((await other.get('/formateur/projets')).status()).toBe(403);
	await Promise.all([demo.dispose(), vae.dispose(), trainer.dispose(), admin.dispose()]);
});
