/**
 * L'avis de l'entreprise: a candidate invites their tutor by e-mail; the tutor, with no
 * account, opens a single-use link, drafts and signs an opinion per competence.
 *
 * The link carries a 160-bit token; only its SHA-256 is stored (like sessions). The link
 * itself exists in one place only, `outbox.secret`, until the message is sent (../mail):
 * never in a log line (the request log prints route patterns) nor in the RGPD export.
 * Invitations are counted per candidate, and lookups of unknown tokens per client address,
 * before anything is written or read (../auth/throttle.ts).
 */
import type { Kysely } from 'kysely';
import { generateSessionToken, hashToken } from '../auth/session';
import { consumeAttempt, throttleBucket, type ThrottleRule } from '../auth/throttle';
import { findUserById } from '../auth/users.repository';
import type { Catalog, Certification } from '../content/types';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { findEnrolment } from '../enrolment/enrolment.repository';
import { nudgeMailWorker } from '../mail/background';
import { enqueueMail, OUTBOX_SECRET_MARKER, type MailMessage } from '../mail/mailer';
import * as repo from './company-opinion.repository';
import { INVITATION_LIFETIME_MS, invitationState, isOpen, isRevocable, needsCompanyOpinion, type InvitationState } from './invitation';
import type { OpinionInput } from './opinion';

const HOUR_MS = 3_600_000;
export const COMPANY_OPINION_RULES = {
	/** Invitations one candidate may send in a day: a tutor and a manager, and a few mistakes. */
	invitePerCandidate: { limit: 5, windowMs: 24 * HOUR_MS },
	/** Unknown tokens tried from one client address: a mistyped link now and then, no guessing. */
	unknownTokenPerAddress: { limit: 20, windowMs: 15 * 60_000 }
} as const satisfies Record<string, ThrottleRule>;

export const TUTOR_PATH = '/avis-entreprise';
export const tutorLinkHref = (token: string) => `${TUTOR_PATH}/${token}`;
const TOKEN_FORMAT = /^[a-z2-7]{32}$/;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The invitation e-mail; the link goes apart as its secret. */
export function composeInvitationEmail(input: { tutorEmail: string; tutorName: string; candidateName: string; candidateId: string; certification: Pick<Certification, 'type' | 'title'>; expiresAt: Date; link: string }): MailMessage {
	return {
		to: input.tutorEmail,
		userId: input.candidateId,
		secret: input.link,
		subject: `Jalon : ${input.candidateName} vous demande l’avis de l’entreprise`,
		text: [
			`Bonjour ${input.tutorName},`,
			'',
			`${input.candidateName} prépare le ${input.certification.type} ${input.certification.title} et vous demande, comme tuteur ou responsable dans l’entreprise, de donner l’avis de l’entreprise sur chacune des compétences du référentiel.`,
			'',
			'Vous n’avez pas besoin de compte. Ouvrez ce lien pour donner votre avis ; vous pouvez enregistrer un brouillon et revenir par le même lien jusqu’à la signature :',
			'',
			OUTBOX_SECRET_MARKER,
			'',
			`Le lien est personnel, il ne sert qu’une fois et reste valable jusqu’au ${dateFormat.format(input.expiresAt)}. Une fois l’avis signé, il ne donne plus accès au formulaire.`,
			'Si vous ne connaissez pas cette personne, ignorez ce message.',
			'',
			'— Jalon'
		].join('\n')
	};
}

export type InviteResult = { ok: true; invitationId: string } | { ok: false; reason: 'not-eligible' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Queues an invitation: the candidate must be on the formation pathway of a CQPM. Counted per
 * candidate before anything is written; the invitation and its e-mail are written together.
 */
export async function inviteTutor(
	db: Kysely<Database>,
	catalog: Pick<Catalog, 'certifications'>,
	input: { userId: string; certificationId: string; tutorName: string; tutorEmail: string; origin: string; now?: Date }
): Promise<InviteResult> {
	const now = input.now ?? new Date();
	const certification = catalog.certifications.find((c) => c.id === input.certificationId);
	const [enrolment, candidate] = await Promise.all([findEnrolment(db, input.userId, input.certificationId), findUserById(db, input.userId)]);
	if (!certification || !candidate || !needsCompanyOpinion(certification.type, enrolment?.pathway)) return { ok: false, reason: 'not-eligible' };
	const attempt = await consumeAttempt(db, throttleBucket('companyOpinionInvite', input.userId), COMPANY_OPINION_RULES.invitePerCandidate, now);
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	const invitationId = await withTransaction(db, async (tx) => {
		const id = await repo.insertInvitation(tx, { userId: input.userId, certificationId: certification.id, tutorEmail: input.tutorEmail, tutorName: input.tutorName, tokenHash: hashToken(token), createdAt: now, expiresAt });
		await enqueueMail(
			tx,
			composeInvitationEmail({ tutorEmail: input.tutorEmail, tutorName: input.tutorName, candidateName: candidate.displayName, candidateId: candidate.id, certification, expiresAt, link: `${input.origin}${tutorLinkHref(token)}` })
		);
		return id;
	});
	nudgeMailWorker();
	return { ok: true, invitationId };
}

export type RevokeResult = 'révoquée' | 'not-found' | 'closed';

/** The candidate withdraws an invitation the tutor has not signed yet (its draft goes with it). */
export async function revokeInvitation(db: Kysely<Database>, input: { userId: string; invitationId: string; now?: Date }): Promise<RevokeResult> {
	const now = input.now ?? new Date();
	return withTransaction(db, async (tx) => {
		const invitation = await repo.findOwnInvitation(tx, input.userId, input.invitationId, { lock: true });
		if (!invitation) return 'not-found' as const;
		if (!isRevocable(invitationState(invitation, now))) return 'closed' as const;
		await repo.revokeInvitationRow(tx, invitation.id, now);
		await tx.deleteFrom('company_opinion').where('invitation_id', '=', invitation.id).execute();
		return 'révoquée' as const;
	});
}

export type TutorLink =
	| { kind: 'open'; invitation: repo.InvitationRow; state: InvitationState; candidateName: string; certification: Certification; opinion: repo.OpinionRow | null }
	| { kind: 'closed'; state: 'signée' | 'révoquée' | 'expirée' }
	| { kind: 'unknown' }
	| { kind: 'throttled'; retryAfterSeconds: number };

/**
 * What a tutor link opens. An unknown token costs one attempt of the client address; a known
 * one never does (the tutor behind a busy address is not locked out by someone else's typos).
 */
export async function openTutorLink(db: Kysely<Database>, catalog: Pick<Catalog, 'certifications'>, input: { token: string; address: string; now?: Date }): Promise<TutorLink> {
	const now = input.now ?? new Date();
	const invitation = TOKEN_FORMAT.test(input.token) ? await repo.findInvitationByHash(db, hashToken(input.token)) : null;
	const certification = invitation ? catalog.certifications.find((c) => c.id === invitation.certificationId) : undefined;
	if (!invitation || !certification) {
		const attempt = await consumeAttempt(db, throttleBucket('companyOpinionLookup', input.address), COMPANY_OPINION_RULES.unknownTokenPerAddress, now);
		return attempt.allowed ? { kind: 'unknown' } : { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
	}
	const state = invitationState(invitation, now);
	if (!isOpen(state)) return { kind: 'closed', state: state as 'signée' | 'révoquée' | 'expirée' };
	const [candidate, opinion] = await Promise.all([findUserById(db, invitation.userId), repo.findOpinion(db, invitation.id)]);
	return { kind: 'open', invitation, state, candidateName: candidate?.displayName ?? 'Candidat', certification, opinion };
}

export type OpinionWriteResult = { ok: true } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'closed'; state: 'signée' | 'révoquée' | 'expirée' };

/**
 * Saves the tutor's draft, or signs it. Both lock the invitation and check it is still open in
 * the same transaction, so a replayed or concurrent signature writes one signed opinion, once,
 * and nothing can be written after it (or after a revocation or the expiry).
 */
export async function writeOpinion(db: Kysely<Database>, input: { token: string; opinion: OpinionInput; sign: boolean; now?: Date }): Promise<OpinionWriteResult> {
	const now = input.now ?? new Date();
	if (!TOKEN_FORMAT.test(input.token)) return { ok: false, reason: 'unknown' };
	return withTransaction(db, async (tx) => {
		const invitation = await repo.findInvitationByHash(tx, hashToken(input.token), { lock: true });
		if (!invitation) return { ok: false, reason: 'unknown' } as const;
		const state = invitationState(invitation, now);
		if (!isOpen(state)) return { ok: false, reason: 'closed', state: state as 'signée' | 'révoquée' | 'expirée' } as const;
		await repo.upsertOpinion(tx, invitation, input.opinion, input.sign ? now : null, now);
		if (input.sign) await repo.markInvitationSigned(tx, invitation.id, now);
		return { ok: true } as const;
	});
}

export interface InvitationSummary {
	id: string;
	tutorName: string;
	tutorEmail: string;
	state: InvitationState;
	createdAt: Date;
	expiresAt: Date;
	revocable: boolean;
}

/** The candidate's invitations in a certification, newest first, with their state now. */
export async function listInvitationSummaries(db: Executor, userId: string, certificationId: string, now = new Date()): Promise<InvitationSummary[]> {
	const rows = await repo.listInvitations(db, userId, certificationId);
	return rows.map((row) => {
		const state = invitationState(row, now);
		return { id: row.id, tutorName: row.tutorName, tutorEmail: row.tutorEmail, state, createdAt: row.createdAt, expiresAt: row.expiresAt, revocable: isRevocable(state) };
	});
}

export { listSignedOpinions, latestSignedAt } from './company-opinion.repository';
