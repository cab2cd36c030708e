import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { enrol, findEnrolment } from '../enrolment/enrolment.repository';
import type { Pathway } from '../enrolment/pathway';
import { findUserByEmail } from '../auth/users.repository';
import { isTrainerOfGroup } from './access';
import { generateJoinCode, generateJoinToken } from './join-code';
import {
	addMember,
	addTrainer,
	countMembers,
	deleteGroup,
	deleteMember,
	deleteTrainer,
	findGroup,
	findGroupByToken,
	insertGroup,
	isUuid,
	listTrainers,
	lockTrainers,
	setJoining,
	type Group,
	type GroupFields,
	type Person
} from './groups.repository';

/** True for the error PostgreSQL raises when a unique index refuses a row. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';
const CODE_ATTEMPTS = 8;

/**
 * Runs `work` with a fresh code and link, again with another pair when the code is taken by
 * an open group (a collision is rare: 23^6 × 1000 ≈ 1.5 × 10^11 codes).
 */
async function withFreshCode<T>(work: (code: string, token: string) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await work(generateJoinCode(), generateJoinToken());
		} catch (error) {
			if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(error)) throw error;
		}
	}
}

/** Creates a group with its creator as its trainer, joining open. Returns its id. */
export async function createGroup(db: Kysely<Database>, creatorId: string, fields: GroupFields): Promise<string> {
	return withFreshCode((code, token) =>
		withTransaction(db, async (tx) => {
			const id = await insertGroup(tx, fields, code, token);
			await addTrainer(tx, id, creatorId);
			return id;
		})
	);
}

/**
 * The group a signed-in user may manage: a trainer of it, or an admin (who sees every group).
 * Null for anyone else and for an id that names no group: the caller answers 404 either way.
 */
export async function findManagedGroup(db: Executor, user: { id: string; role: string }, groupId: string): Promise<Group | null> {
	const group = await findGroup(db, groupId);
	if (!group) return null;
	if (user.role === 'admin' || (user.role === 'trainer' && (await isTrainerOfGroup(db, user.id, group.id)))) return group;
	return null;
}

/** A new code and link; the old ones stop working at once. */
export async function regenerateJoining(db: Kysely<Database>, groupId: string): Promise<void> {
	await withFreshCode((code, token) => setJoining(db, groupId, code, token));
}

/** No one can join any more, by code or by link, until a new code is made. */
export async function closeJoining(db: Executor, groupId: string): Promise<void> {
	await setJoining(db, groupId, null, null);
}

export type AddTrainerResult = { ok: true; trainer: Person } | { ok: false; error: string };

/** Adds a co-trainer by the e-mail of an existing trainer account. */
export async function addCoTrainer(db: Executor, groupId: string, email: string): Promise<AddTrainerResult> {
	if (!email.trim()) return { ok: false, error: 'Saisissez l’adresse e-mail du formateur à ajouter.' };
	const user = await findUserByEmail(db, email);
	if (!user || user.role !== 'trainer') {
		return { ok: false, error: 'Aucun compte formateur n’a cette adresse. Le compte doit exister et avoir le rôle formateur (un administrateur le donne).' };
	}
	await addTrainer(db, groupId, user.id);
	return { ok: true, trainer: { id: user.id, displayName: user.displayName, email: user.email } };
}

export type RemoveTrainerResult = 'removed' | 'group-deleted' | 'last-trainer' | 'not-a-trainer';

/**
 * Removes a trainer from a group. The last trainer cannot leave a group that still has
 * candidates (they would be followed by no one); leaving an empty group deletes it.
 */
export async function removeTrainer(db: Kysely<Database>, groupId: string, trainerId: string): Promise<RemoveTrainerResult> {
	return withTransaction(db, async (tx) => {
		const trainers = await lockTrainers(tx, groupId);
		if (!trainers.includes(trainerId)) return 'not-a-trainer';
		if (trainers.length === 1) {
			if ((await countMembers(tx, groupId)) > 0) return 'last-trainer';
			await deleteGroup(tx, groupId);
			return 'group-deleted';
		}
		await deleteTrainer(tx, groupId, trainerId);
		return 'removed';
	});
}

/** What a candidate sees before confirming: the group, its trainers, and what joining changes. */
export interface JoinOffer {
	group: Group;
	trainers: Person[];
	alreadyMember: boolean;
	/** Enrolled on the other pathway: confirming switches it (evidence kept). */
	pathwaySwitch: { from: Pathway; to: Pathway } | null;
	/** Not enrolled yet: confirming enrols them in the group's certification. */
	willEnrol: boolean;
}

export type JoinOfferResult = { ok: true; offer: JoinOffer } | { ok: false; reason: 'invalid-link' | 'not-a-candidate' };

/** The offer behind a join link, for this candidate. A closed or replaced link is invalid. */
export async function findJoinOffer(db: Executor, user: { id: string; role: string }, token: string): Promise<JoinOfferResult> {
	const group = await findGroupByToken(db, token);
	if (!group) return { ok: false, reason: 'invalid-link' };
	if (user.role !== 'candidate') return { ok: false, reason: 'not-a-candidate' };
	const enrolment = await findEnrolment(db, user.id, group.certificationId);
	const members = await db.selectFrom('group_member').select('candidate_id').where('group_id', '=', group.id).where('candidate_id', '=', user.id).executeTakeFirst();
	return {
		ok: true,
		offer: {
			group,
			trainers: await listTrainers(db, group.id),
			alreadyMember: members !== undefined,
			pathwaySwitch: enrolment && enrolment.pathway !== group.kind ? { from: enrolment.pathway, to: group.kind } : null,
			willEnrol: !enrolment
		}
	};
}

export type JoinResult = { ok: true; group: Group; switched: boolean; enrolled: boolean } | { ok: false; reason: 'invalid-link' | 'not-a-candidate' };

/**
 * Joins the group behind the link, in one transaction: membership, and the enrolment in the
 * group's certification on the group's pathway (created, or switched: evidence is the
 * candidate's and stays). Confirming twice is harmless.
 */
export async function joinGroup(db: Kysely<Database>, user: { id: string; role: string }, token: string, at: Date): Promise<JoinResult> {
	if (user.role !== 'candidate') return { ok: false, reason: 'not-a-candidate' };
	return withTransaction(db, async (tx) => {
		const group = await findGroupByToken(tx, token);
		if (!group) return { ok: false, reason: 'invalid-link' } as const;
		const enrolment = await findEnrolment(tx, user.id, group.certificationId);
		await addMember(tx, group.id, user.id, at);
		if (!enrolment || enrolment.pathway !== group.kind) await enrol(tx, user.id, group.certificationId, group.kind);
		return { ok: true, group, switched: !!enrolment && enrolment.pathway !== group.kind, enrolled: !enrolment } as const;
	});
}

/** The candidate leaves: the group's trainers lose access at once; evidence stays theirs. */
export async function leaveGroup(db: Kysely<Database>, candidateId: string, groupId: string): Promise<boolean> {
	if (!isUuid(candidateId) || !(await findGroup(db, groupId))) return false;
	return withTransaction(db, (tx) => deleteMember(tx, groupId, candidateId));
}

/** A trainer removes a candidate: the same effect as the candidate leaving. */
export async function removeMember(db: Kysely<Database>, groupId: string, candidateId: string): Promise<boolean> {
	return leaveGroup(db, candidateId, groupId);
}
