import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { exportAccountData } from '../../../src/lib/server/auth/account-data';
import { hashToken } from '../../../src/lib/server/auth/session';
import { inviteTutor, listInvitationSummaries, listSignedOpinions, openTutorLink, revokeInvitation, writeOpinion, COMPANY_OPINION_RULES, TUTOR_PATH } from '../../../src/lib/server/company-opinion/company-opinion.service';
import { INVITATION_LIFETIME_MS } from '../../../src/lib/server/company-opinion/invitation';
import type { OpinionInput } from '../../../src/lib/server/company-opinion/opinion';
import { createMailWorker } from '../../../src/lib/server/mail/mail-worker';
import { createMailTransport } from '../../../src/lib/server/mail/mailer';
import { loadProgressPage } from '../../../src/lib/server/mastery/progress.service';
import { formatRequestLine } from '../../../src/lib/server/request-log';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database';
import { insertTestUser } from '../../helpers/users';
import { deliveredText, startSmtpStub } from '../mail/smtp-stub';
import { catalog, tci } from '../vae/support';

const NOW = new Date('2026-12-01T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 86_400_000;
const competences = tci.units.flatMap((u) => u.competences);
const ORIGIN = 'http://jalon.test';

const fullOpinion = (overrides: Partial<OpinionInput> = {}): OpinionInput => ({
	entries: competences.map((c, i) => ({ competenceId: c.id, verdict: i === 1 ? 'réservé' : 'favorable', comment: i === 1 ? 'À accompagner en négociation.' : '' })),
	signerName: 'Marc Dupuis',
	signerRole: 'Responsable commercial',
	signerCompany: 'Mécanique du Rhône',
	signedOn: '2026-12-01',
	...overrides
});

describeEachEngine('company opinion: the tutor invitation and its lifecycle', (engine) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase(engine);
	});
	afterAll(async () => database?.destroy());

	/** A TCI candidate in training who invites a tutor; returns the token read back from the outbox secret. */
	async function invited(now = NOW) {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'formation' });
		const result = await inviteTutor(database.db, catalog, { userId, certificationId: 'tci', tutorName: 'Marc Dupuis', tutorEmail: 'marc.dupuis@entreprise.fr', origin: ORIGIN, now });
		expect(result.ok).toBe(true);
		const outbox = await database.db.selectFrom('outbox').select(['id', 'body', 'secret']).where('user_id', '=', userId).executeTakeFirstOrThrow();
		const token = new RegExp(`${TUTOR_PATH}/([a-z2-7]{32})$`).exec(outbox.secret ?? '')![1]!;
		return { userId, token, invitationId: (result as { invitationId: string }).invitationId, outbox };
	}
	const open = (token: string, now = NOW, address = '192.0.2.10') => openTutorLink(database.db, catalog, { token, address, now });

	it('only the hash of the token is stored; the link lives in outbox.secret alone, not in the body', async () => {
		const { userId, token, outbox } = await invited();
		const row = await database.db.selectFrom('company_opinion_invitation').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);
		expect(outbox.body).not.toContain(token);
		expect(outbox.secret).toBe(`${ORIGIN}${TUTOR_PATH}/${token}`);
		// No other column of the database holds the token (searched as text, table by table).
		const tables = ['company_opinion_invitation', 'company_opinion', 'company_opinion_entry', 'throttle_counter', 'app_user'];
		for (const table of tables) {
			const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} t where t::text like ${`%${token}%`}`.execute(database.db);
			expect(rows[0]!.n, table).toBe(0);
		}
	});

	it('a draft can be saved and reopened through the same link until the tutor signs; then the link is closed for good', async () => {
		const { userId, token } = await invited();
		const first = await open(token);
		expect(first).toMatchObject({ kind: 'open', state: 'en attente', opinion: null });
		if (first.kind !== 'open') return;
		expect(first.certification.id).toBe('tci');

		const draft = fullOpinion({ entries: [{ competenceId: competences[0]!.id, verdict: 'favorable', comment: 'Bon début.' }], signerName: '', signerRole: '', signerCompany: '', signedOn: null });
		expect(await writeOpinion(database.db, { token, opinion: draft, sign: false, now: later(60_000) })).toEqual({ ok: true });
		const reopened = await open(token, later(120_000));
		expect(reopened).toMatchObject({ kind: 'open', state: 'brouillon' });
		if (reopened.kind !== 'open') return;
		expect(reopened.opinion!.entries).toEqual([{ competenceId: competences[0]!.id, verdict: 'favorable', comment: 'Bon début.' }]);
		// A draft is not an opinion received: the candidate's list of signed opinions is empty.
		expect(await listSignedOpinions(database.db, userId, 'tci')).toEqual([]);

		expect(await writeOpinion(database.db, { token, opinion: fullOpinion(), sign: true, now: later(180_000) })).toEqual({ ok: true });
		expect(await open(token, later(240_000))).toEqual({ kind: 'closed', state: 'signée' });
		// Single use: neither a new draft nor a second signature is written after the signature.
		expect(await writeOpinion(database.db, { token, opinion: fullOpinion({ signerName: 'Intrus' }), sign: true, now: later(300_000) })).toEqual({ ok: false, reason: 'closed', state: 'signée' });
		expect(await writeOpinion(database.db, { token, opinion: draft, sign: false, now: later(300_000) })).toEqual({ ok: false, reason: 'closed', state: 'signée' });
		const signed = await listSignedOpinions(database.db, userId, 'tci');
		expect(signed).toHaveLength(1);
		expect(signed[0]).toMatchObject({ signerName: 'Marc Dupuis', signerRole: 'Responsable commercial', signerCompany: 'Mécanique du Rhône', signedOn: '2026-12-01' });
		expect(signed[0]!.entries).toHaveLength(competences.length);
		expect(await revokeInvitation(database.db, { userId, invitationId: signed[0]!.invitationId, now: later(400_000) })).toBe('closed');
	});

	it('two signatures at once write one signed opinion', async () => {
		const { userId, token } = await invited();
		const results = await Promise.all([
			writeOpinion(database.db, { token, opinion: fullOpinion({ signerName: 'Premier' }), sign: true, now: later(1000) }),
			writeOpinion(database.db, { token, opinion: fullOpinion({ signerName: 'Second' }), sign: true, now: later(1000) })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await database.db.selectFrom('company_opinion').select('signer_name').where('user_id', '=', userId).execute()).toHaveLength(1);
	});

	it('a link expires after 30 days, draft or not, and then shows nothing', async () => {
		const { token } = await invited();
		await writeOpinion(database.db, { token, opinion: fullOpinion({ signedOn: null }), sign: false, now: later(DAY) });
		expect((await open(token, later(INVITATION_LIFETIME_MS - 1000))).kind).toBe('open');
		expect(await open(token, later(INVITATION_LIFETIME_MS))).toEqual({ kind: 'closed', state: 'expirée' });
		expect(await writeOpinion(database.db, { token, opinion: fullOpinion(), sign: true, now: later(INVITATION_LIFETIME_MS + 1) })).toEqual({ ok: false, reason: 'closed', state: 'expirée' });
	});

	it('the candidate revokes an open invitation: its draft goes, the link closes; another candidate cannot revoke it', async () => {
		const { userId, token, invitationId } = await invited();
		await writeOpinion(database.db, { token, opinion: fullOpinion({ signedOn: null }), sign: false, now: later(1000) });
		const stranger = await insertTestUser(database.db, { enrolIn: ['tci'] });
		expect(await revokeInvitation(database.db, { userId: stranger, invitationId, now: later(2000) })).toBe('not-found');
		expect((await open(token, later(3000))).kind).toBe('open');
		expect(await revokeInvitation(database.db, { userId, invitationId, now: later(4000) })).toBe('révoquée');
		expect(await open(token, later(5000))).toEqual({ kind: 'closed', state: 'révoquée' });
		expect(await database.db.selectFrom('company_opinion').select('invitation_id').where('invitation_id', '=', invitationId).execute()).toEqual([]);
		expect(await writeOpinion(database.db, { token, opinion: fullOpinion(), sign: true, now: later(6000) })).toEqual({ ok: false, reason: 'closed', state: 'révoquée' });
		expect((await listInvitationSummaries(database.db, userId, 'tci', later(7000)))[0]).toMatchObject({ state: 'révoquée', revocable: false });
	});

	it('unknown tokens are counted per address and refused past the limit; a known link still opens', async () => {
		const { token } = await invited();
		const address = '198.51.100.77';
		for (let i = 0; i < COMPANY_OPINION_RULES.unknownTokenPerAddress.limit; i++) {
			expect((await open(i % 2 ? 'a'.repeat(32) : 'pas-un-jeton', NOW, address)).kind).toBe('unknown');
		}
		expect((await open('b'.repeat(32), NOW, address)).kind).toBe('throttled');
		expect((await open(token, NOW, address)).kind).toBe('open');
	});

	it('invitations are throttled per candidate, and refused outside a CQPM in training', async () => {
		const userId = await insertTestUser(database.db, { enrolIn: ['tci'] });
		const invite = () => inviteTutor(database.db, catalog, { userId, certificationId: 'tci', tutorName: 'Tuteur', tutorEmail: 'tuteur@entreprise.fr', origin: ORIGIN, now: NOW });
		for (let i = 0; i < COMPANY_OPINION_RULES.invitePerCandidate.limit; i++) expect((await invite()).ok).toBe(true);
		expect(await invite()).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await database.db.selectFrom('company_opinion_invitation').select('id').where('user_id', '=', userId).execute()).toHaveLength(COMPANY_OPINION_RULES.invitePerCandidate.limit);

		const ntc = await insertTestUser(database.db, { enrolIn: ['ntc'] });
		const vae = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		expect(await inviteTutor(database.db, catalog, { userId: ntc, certificationId: 'ntc', tutorName: 'T', tutorEmail: 't@e.fr', origin: ORIGIN, now: NOW })).toEqual({ ok: false, reason: 'not-eligible' });
		expect(await inviteTutor(database.db, catalog, { userId: vae, certificationId: 'tci', tutorName: 'T', tutorEmail: 't@e.fr', origin: ORIGIN, now: NOW })).toEqual({ ok: false, reason: 'not-eligible' });
		expect(await database.db.selectFrom('outbox').select('id').where('user_id', 'in', [ntc, vae]).execute()).toEqual([]);
	});

	it('once sent, the link is in neither the outbox body nor the secret; never in a log line; never in the RGPD export', async () => {
		const logged: string[] = [];
		const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args.join(' ')));
		const stub = await startSmtpStub();
		try {
			const { userId, token, outbox } = await invited();
			const exportedBefore = JSON.stringify(await exportAccountData(database.db, userId));
			expect(exportedBefore).not.toContain(token);
			expect(exportedBefore).not.toContain(hashToken(token));

			const worker = createMailWorker({ db: () => database.db, transport: createMailTransport({ SMTP_URL: stub.url })!, log: (line) => logged.push(line) });
			// Earlier tests queued messages too: send until the outbox is empty.
			while ((await worker.runOnce()).sent > 0);
			const delivered = stub.delivered.map(deliveredText).find((text) => text.includes(token));
			expect(delivered, 'the tutor receives the link').toBeDefined();
			const sent = await database.db.selectFrom('outbox').select(['body', 'secret', 'status']).where('id', '=', outbox.id).executeTakeFirstOrThrow();
			expect(sent).toMatchObject({ status: 'sent', secret: null });
			expect(sent.body).not.toContain(token);

			await open(token);
			await writeOpinion(database.db, { token, opinion: fullOpinion(), sign: true, now: later(1000) });
			logged.push(formatRequestLine('GET', '/avis-entreprise/[jeton]', `/avis-entreprise/${token}`, 200, 3));
			logged.push(formatRequestLine('POST', '/avis-entreprise/[jeton]', `/avis-entreprise/${token}?/sign`, 303, 3));
			expect(logged.join('\n')).not.toContain(token);

			const exported = JSON.stringify(await exportAccountData(database.db, userId));
			expect(exported).toContain('Marc Dupuis');
			expect(exported).not.toContain(token);
			expect(exported).not.toContain(hashToken(token));
		} finally {
			spy.mockRestore();
			await stub.close();
		}
	});

	it('the signed opinion completes « prêt pour l’évaluation » for a CQPM in training, and touches no criterion', async () => {
		const { userId, token } = await invited();
		const before = (await loadProgressPage(database.db, catalog, userId, tci, later(1000)))!;
		expect(before.companyOpinion).toEqual({ required: true, receivedAt: null });
		await writeOpinion(database.db, { token, opinion: fullOpinion(), sign: true, now: later(2000) });
		const after = (await loadProgressPage(database.db, catalog, userId, tci, later(3000)))!;
		expect(after.companyOpinion?.receivedAt).toEqual(later(2000));
		expect(await database.db.selectFrom('evidence').select('id').where('user_id', '=', userId).execute()).toEqual([]);
		const vae = await insertTestUser(database.db, { enrolIn: ['tci'], pathway: 'vae' });
		expect((await loadProgressPage(database.db, catalog, vae, tci, NOW))!.companyOpinion).toEqual({ required: false, receivedAt: null });
	});
});
