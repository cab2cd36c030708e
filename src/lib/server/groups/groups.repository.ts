import type { Executor } from '../db';
import type { Pathway } from '../enrolment/pathway';
import type { IsoDay } from './days';

/** All SQL of groups, their trainers and members. Rows are mapped to these shapes here only. */

export interface Group {
	id: string;
	name: string;
	certificationId: string;
	kind: Pathway;
	startsOn: IsoDay | null;
	endsOn: IsoDay | null;
	evaluationOn: IsoDay | null;
	joinCode: string | null;
	joinToken: string | null;
	inactivityDays: number;
	createdAt: Date;
}

export interface Person {
	id: string;
	displayName: string;
	email: string;
}

export interface GroupFields {
	name: string;
	certificationId: string;
	kind: Pathway;
	startsOn: IsoDay | null;
	endsOn: IsoDay | null;
	evaluationOn: IsoDay | null;
}

const GROUP_COLUMNS = ['id', 'name', 'certification_id', 'kind', 'starts_on', 'ends_on', 'evaluation_on', 'join_code', 'join_token', 'inactivity_days', 'created_at'] as const;

type GroupRow = {
	id: string;
	name: string;
	certification_id: string;
	kind: Pathway;
	starts_on: string | null;
	ends_on: string | null;
	evaluation_on: string | null;
	join_code: string | null;
	join_token: string | null;
	inactivity_days: number;
	created_at: Date;
};

function toGroup(row: GroupRow): Group {
	return {
		id: row.id,
		name: row.name,
		certificationId: row.certification_id,
		kind: row.kind,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		evaluationOn: row.evaluation_on,
		joinCode: row.join_code,
		joinToken: row.join_token,
		inactivityDays: row.inactivity_days,
		createdAt: new Date(row.created_at)
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from a URL or a form that cannot be a uuid never reaches the database (it would raise). */
export const isUuid = (value: string) => UUID.test(value);

export async function insertGroup(db: Executor, fields: GroupFields, joinCode: string, joinToken: string): Promise<string> {
	const row = await db
		.insertInto('trainer_group')
		.values({
			name: fields.name,
			certification_id: fields.certificationId,
			kind: fields.kind,
			starts_on: fields.startsOn,
			ends_on: fields.endsOn,
			evaluation_on: fields.evaluationOn,
			join_code: joinCode,
			join_token: joinToken
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function findGroup(db: Executor, groupId: string): Promise<Group | null> {
	if (!isUuid(groupId)) return null;
	const row = await db.selectFrom('trainer_group').select(GROUP_COLUMNS).where('id', '=', groupId).executeTakeFirst();
	return row ? toGroup(row) : null;
}

export async function findGroupByCode(db: Executor, code: string): Promise<Group | null> {
	const row = await db.selectFrom('trainer_group').select(GROUP_COLUMNS).where('join_code', '=', code).executeTakeFirst();
	return row ? toGroup(row) : null;
}

export async function findGroupByToken(db: Executor, token: string): Promise<Group | null> {
	const row = await db.selectFrom('trainer_group').select(GROUP_COLUMNS).where('join_token', '=', token).executeTakeFirst();
	return row ? toGroup(row) : null;
}

/** The groups a trainer belongs to, or every group (an admin), by name. */
export async function listGroups(db: Executor, trainerId: string | 'all'): Promise<Group[]> {
	let query = db.selectFrom('trainer_group').select(GROUP_COLUMNS.map((c) => `trainer_group.${c}` as const));
	if (trainerId !== 'all') {
		query = query.innerJoin('group_trainer', 'group_trainer.group_id', 'trainer_group.id').where('group_trainer.trainer_id', '=', trainerId);
	}
	const rows = await query.orderBy('trainer_group.name').orderBy('trainer_group.created_at').execute();
	return rows.map(toGroup);
}

export async function setJoining(db: Executor, groupId: string, joinCode: string | null, joinToken: string | null): Promise<void> {
	await db.updateTable('trainer_group').set({ join_code: joinCode, join_token: joinToken }).where('id', '=', groupId).execute();
}

export async function setInactivityDays(db: Executor, groupId: string, days: number): Promise<void> {
	await db.updateTable('trainer_group').set({ inactivity_days: days }).where('id', '=', groupId).execute();
}

export async function deleteGroup(db: Executor, groupId: string): Promise<void> {
	await db.deleteFrom('trainer_group').where('id', '=', groupId).execute();
}

export async function addTrainer(db: Executor, groupId: string, trainerId: string): Promise<void> {
	await db.insertInto('group_trainer').values({ group_id: groupId, trainer_id: trainerId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteTrainer(db: Executor, groupId: string, trainerId: string): Promise<number> {
	const result = await db.deleteFrom('group_trainer').where('group_id', '=', groupId).where('trainer_id', '=', trainerId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function listTrainers(db: Executor, groupId: string): Promise<Person[]> {
	const rows = await db
		.selectFrom('group_trainer')
		.innerJoin('app_user', 'app_user.id', 'group_trainer.trainer_id')
		.select(['app_user.id', 'app_user.display_name', 'app_user.email'])
		.where('group_trainer.group_id', '=', groupId)
		.orderBy('group_trainer.added_at')
		.execute();
	return rows.map((row) => ({ id: row.id, displayName: row.display_name, email: row.email }));
}

/** Locks the group's trainer rows (the last-trainer rule is checked under this lock). */
export async function lockTrainers(db: Executor, groupId: string): Promise<string[]> {
	const rows = await db.selectFrom('group_trainer').select('trainer_id').where('group_id', '=', groupId).forUpdate().execute();
	return rows.map((row) => row.trainer_id);
}

export async function addMember(db: Executor, groupId: string, candidateId: string, at: Date): Promise<boolean> {
	const result = await db.insertInto('group_member').values({ group_id: groupId, candidate_id: candidateId, joined_at: at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ends a membership and the candidate's personal assignments in that group. */
export async function deleteMember(db: Executor, groupId: string, candidateId: string): Promise<boolean> {
	await db
		.deleteFrom('assignment_target')
		.where('candidate_id', '=', candidateId)
		.where('assignment_id', 'in', (qb) => qb.selectFrom('assignment').select('id').where('group_id', '=', groupId))
		.execute();
	const result = await db.deleteFrom('group_member').where('group_id', '=', groupId).where('candidate_id', '=', candidateId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export interface Member extends Person {
	joinedAt: Date;
}

export async function listMembers(db: Executor, groupId: string): Promise<Member[]> {
	const rows = await db
		.selectFrom('group_member')
		.innerJoin('app_user', 'app_user.id', 'group_member.candidate_id')
		.select(['app_user.id', 'app_user.display_name', 'app_user.email', 'group_member.joined_at'])
		.where('group_member.group_id', '=', groupId)
		.orderBy('app_user.display_name')
		.execute();
	return rows.map((row) => ({ id: row.id, displayName: row.display_name, email: row.email, joinedAt: new Date(row.joined_at) }));
}

export async function countMembers(db: Executor, groupId: string): Promise<number> {
	const row = await db.selectFrom('group_member').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', groupId).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The groups a candidate is a member of, with when they joined. */
export async function listGroupsOfMember(db: Executor, candidateId: string): Promise<Array<Group & { joinedAt: Date }>> {
	const rows = await db
		.selectFrom('group_member')
		.innerJoin('trainer_group', 'trainer_group.id', 'group_member.group_id')
		.select([...GROUP_COLUMNS.map((c) => `trainer_group.${c}` as const), 'group_member.joined_at'])
		.where('group_member.candidate_id', '=', candidateId)
		.orderBy('group_member.joined_at')
		.execute();
	return rows.map((row) => ({ ...toGroup(row), joinedAt: new Date(row.joined_at) }));
}
