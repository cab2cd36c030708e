import type { Executor } from '../db';
import type { OpinionInput, Verdict } from './opinion';

export interface InvitationRow {
	id: string;
	userId: string;
	certificationId: string;
	tutorEmail: string;
	tutorName: string;
	createdAt: Date;
	expiresAt: Date;
	revokedAt: Date | null;
	signedAt: Date | null;
	hasDraft: boolean;
}

export interface OpinionRow {
	invitationId: string;
	signerName: string;
	signerRole: string;
	signerCompany: string;
	signedOn: string | null;
	signedAt: Date | null;
	updatedAt: Date;
	entries: { competenceId: string; verdict: Verdict | null; comment: string }[];
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

type Row = { id: string; user_id: string; certification_id: string; tutor_email: string; tutor_name: string; created_at: Date | string; expires_at: Date | string; revoked_at: Date | string | null; signed_at: Date | string | null; draft_id: string | null };
const toInvitation = (row: Row): InvitationRow => ({
	id: row.id,
	userId: row.user_id,
	certificationId: row.certification_id,
	tutorEmail: row.tutor_email,
	tutorName: row.tutor_name,
	createdAt: new Date(row.created_at),
	expiresAt: new Date(row.expires_at),
	revokedAt: date(row.revoked_at),
	signedAt: date(row.signed_at),
	hasDraft: row.draft_id !== null
});

export async function insertInvitation(db: Executor, invitation: { userId: string; certificationId: string; tutorEmail: string; tutorName: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<string> {
	const row = await db
		.insertInto('company_opinion_invitation')
		.values({
			user_id: invitation.userId,
			certification_id: invitation.certificationId,
			tutor_email: invitation.tutorEmail,
			tutor_name: invitation.tutorName,
			token_hash: invitation.tokenHash,
			created_at: invitation.createdAt,
			expires_at: invitation.expiresAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The invitation a token's hash stands for, locked for a change when asked. */
export async function findInvitationByHash(db: Executor, tokenHash: string, { lock = false } = {}): Promise<InvitationRow | null> {
	let query = db
		.selectFrom('company_opinion_invitation as i')
		.leftJoin('company_opinion as o', 'o.invitation_id', 'i.id')
		.select(['i.id', 'i.user_id', 'i.certification_id', 'i.tutor_email', 'i.tutor_name', 'i.created_at', 'i.expires_at', 'i.revoked_at', 'i.signed_at', 'o.invitation_id as draft_id'])
		.where('i.token_hash', '=', tokenHash);
	// Only the invitation row is locked (a left-joined row may not exist).
	if (lock) query = query.forUpdate('i');
	const row = await query.executeTakeFirst();
	return row ? toInvitation(row) : null;
}

/** The user's invitation by its id (another user's id is « not found »). */
export async function findOwnInvitation(db: Executor, userId: string, invitationId: string, { lock = false } = {}): Promise<InvitationRow | null> {
	let query = db
		.selectFrom('company_opinion_invitation as i')
		.leftJoin('company_opinion as o', 'o.invitation_id', 'i.id')
		.select(['i.id', 'i.user_id', 'i.certification_id', 'i.tutor_email', 'i.tutor_name', 'i.created_at', 'i.expires_at', 'i.revoked_at', 'i.signed_at', 'o.invitation_id as draft_id'])
		.where('i.id', '=', invitationId)
		.where('i.user_id', '=', userId);
	if (lock) query = query.forUpdate('i');
	const row = await query.executeTakeFirst();
	return row ? toInvitation(row) : null;
}

export async function listInvitations(db: Executor, userId: string, certificationId: string): Promise<InvitationRow[]> {
	const rows = await db
		.selectFrom('company_opinion_invitation as i')
		.leftJoin('company_opinion as o', 'o.invitation_id', 'i.id')
		.select(['i.id', 'i.user_id', 'i.certification_id', 'i.tutor_email', 'i.tutor_name', 'i.created_at', 'i.expires_at', 'i.revoked_at', 'i.signed_at', 'o.invitation_id as draft_id'])
		.where('i.user_id', '=', userId)
		.where('i.certification_id', '=', certificationId)
		.orderBy('i.created_at', 'desc')
		.execute();
	return rows.map(toInvitation);
}

export async function revokeInvitationRow(db: Executor, invitationId: string, at: Date): Promise<void> {
	await db.updateTable('company_opinion_invitation').set({ revoked_at: at }).where('id', '=', invitationId).execute();
}

export async function markInvitationSigned(db: Executor, invitationId: string, at: Date): Promise<void> {
	await db.updateTable('company_opinion_invitation').set({ signed_at: at }).where('id', '=', invitationId).execute();
}

/** Writes the opinion (draft or signed) of an invitation: one row, its entries replaced whole. */
export async function upsertOpinion(db: Executor, invitation: { id: string; userId: string }, input: OpinionInput, signedAt: Date | null, at: Date): Promise<void> {
	const values = { signer_name: input.signerName, signer_role: input.signerRole, signer_company: input.signerCompany, signed_on: input.signedOn, signed_at: signedAt, updated_at: at };
	await db
		.insertInto('company_opinion')
		.values({ invitation_id: invitation.id, user_id: invitation.userId, ...values })
		.onConflict((oc) => oc.column('invitation_id').doUpdateSet(values))
		.execute();
	await db.deleteFrom('company_opinion_entry').where('invitation_id', '=', invitation.id).execute();
	const entries = input.entries.filter((entry) => entry.verdict !== null || entry.comment !== '');
	if (entries.length) {
		await db
			.insertInto('company_opinion_entry')
			.values(entries.map((entry) => ({ invitation_id: invitation.id, user_id: invitation.userId, competence_id: entry.competenceId, verdict: entry.verdict, comment: entry.comment })))
			.execute();
	}
}

async function opinionsOf(db: Executor, invitationIds: readonly string[]): Promise<OpinionRow[]> {
	if (invitationIds.length === 0) return [];
	const [opinions, entries] = await Promise.all([
		db.selectFrom('company_opinion').selectAll().where('invitation_id', 'in', [...invitationIds]).execute(),
		db.selectFrom('company_opinion_entry').select(['invitation_id', 'competence_id', 'verdict', 'comment']).where('invitation_id', 'in', [...invitationIds]).execute()
	]);
	return opinions.map((o) => ({
		invitationId: o.invitation_id,
		signerName: o.signer_name,
		signerRole: o.signer_role,
		signerCompany: o.signer_company,
		signedOn: o.signed_on,
		signedAt: date(o.signed_at),
		updatedAt: new Date(o.updated_at),
		entries: entries.filter((e) => e.invitation_id === o.invitation_id).map((e) => ({ competenceId: e.competence_id, verdict: e.verdict, comment: e.comment }))
	}));
}

export async function findOpinion(db: Executor, invitationId: string): Promise<OpinionRow | null> {
	return (await opinionsOf(db, [invitationId]))[0] ?? null;
}

/** The signed opinions of a candidate in a certification, newest first. */
export async function listSignedOpinions(db: Executor, userId: string, certificationId: string): Promise<(OpinionRow & { tutorName: string })[]> {
	const rows = await db
		.selectFrom('company_opinion_invitation')
		.select(['id', 'tutor_name'])
		.where('user_id', '=', userId)
		.where('certification_id', '=', certificationId)
		.where('signed_at', 'is not', null)
		.orderBy('signed_at', 'desc')
		.execute();
	const opinions = await opinionsOf(db, rows.map((r) => r.id));
	return rows.flatMap((row) => {
		const opinion = opinions.find((o) => o.invitationId === row.id);
		return opinion ? [{ ...opinion, tutorName: row.tutor_name }] : [];
	});
}

/** The date of the latest signed opinion, or null (what readiness needs). */
export async function latestSignedAt(db: Executor, userId: string, certificationId: string): Promise<Date | null> {
	const row = await db
		.selectFrom('company_opinion_invitation')
		.select('signed_at')
		.where('user_id', '=', userId)
		.where('certification_id', '=', certificationId)
		.where('signed_at', 'is not', null)
		.orderBy('signed_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.signed_at ? new Date(row.signed_at) : null;
}
