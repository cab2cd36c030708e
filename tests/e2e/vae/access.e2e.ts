import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signedInRequest } from '../support/accounts';
import { enrolIn, signUpCandidate } from '../support/candidate';

/**
 * An applicant reaches only their own file, an accompagnateur only their VAE groups' applicants:
 * another user's id in a URL or a form is « not found », and nothing is written.
 */
test('another user’s experience, link or file is never reached by changing an id', async ({ page, baseURL }) => {
	const demo = await signedInRequest(baseURL!, DEMO_ACCOUNTS.vae);
	const list = await (await demo.get('/vae/tci/experiences', { headers: { accept: 'text/html' } })).text();
	const experienceId = /\/vae\/tci\/experiences\/([0-9a-f-]{36})/.exec(list)![1]!;
	const detail = await (await demo.get(`/vae/tci/experiences/${experienceId}`, { headers: { accept: 'text/html' } })).text();
	const linkId = /name="link" value="([0-9a-f-]{36})"/.exec(detail)![1]!;

	// Another VAE applicant of the same certification.
	await signUpCandidate(page, 'Noé Curieux');
	await enrolIn(page, 'tci', 'vae');
	const other = page.request;
	expect((await other.get(`/vae/tci/experiences/${experienceId}`)).status()).toBe(404);
	for (const action of ['update', 'delete', 'link']) {
		const response = await other.post(`/vae/tci/experiences/${experienceId}?/${action}`, { form: { title: 'Intrusion', context: 'x', role: 'x', startDate: '2015-01-01', activities: 'x', results: 'x', criterion: 'tci.c1.met1', justification: 'x' }, headers: { accept: 'text/html', origin: baseURL! }, maxRedirects: 0 });
		expect(response.status(), action).toBe(404);
	}
	const ownList = await (await other.get('/vae/tci/experiences')).text();
	expect(ownList).not.toContain(experienceId);
	// Their own experience page, with the demo applicant's link id in the form: not found either.
	for (const action of ['justify', 'unlink']) {
		const response = await other.post(`/vae/tci/experiences/${experienceId}?/${action}`, { form: { link: linkId, justification: 'Remplacée' }, headers: { accept: 'text/html', origin: baseURL! }, maxRedirects: 0 });
		expect(response.status(), action).toBe(404);
	}
	const after = await (await demo.get(`/vae/tci/experiences/${experienceId}`, { headers: { accept: 'text/html' } })).text();
	expect(after).not.toContain('Remplacée');

	// A candidate in training is not on the VAE pathway: no VAE file.
	const trainee = await signedInRequest(baseURL!, DEMO_ACCOUNTS.candidate);
	expect((await trainee.get('/vae/tci', { headers: { accept: 'text/html' } })).status()).toBe(404);

	// The accompagnateur page: the demo trainer reaches the demo applicant; the admin, in no VAE group, does not; nor does a review posted by them.
	const trainer = await signedInRequest(baseURL!, DEMO_ACCOUNTS.trainer);
	const trainerList = await (await trainer.get('/formateur/vae', { headers: { accept: 'text/html' } })).text();
	const applicantPath = /\/formateur\/vae\/tci\/[0-9a-f-]{36}/.exec(trainerList)![0]!;
	expect((await trainer.get(applicantPath, { headers: { accept: 'text/html' } })).status()).toBe(200);
	const admin = await signedInRequest(baseURL!, DEMO_ACCOUNTS.admin);
	expect((await admin.get(applicantPath, { headers: { accept: 'text/html' } })).status()).toBe(404);
	const review = await admin.post(`${applicantPath}?/review`, { form: { link: linkId, decision: 'à compléter', reason: 'Intrusion' }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	expect(review.status()).toBe(404);
	// The other applicant is in no group of the trainer: their id in the trainer's URL is not found.
	expect((await trainer.get(applicantPath.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000'), { headers: { accept: 'text/html' } })).status()).toBe(404);
	expect((await trainee.get('/formateur/vae', { headers: { accept: 'text/html' } })).status()).toBe(403);
});
