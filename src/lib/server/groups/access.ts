import type { Executor } from '../db';

/**
 * Who follows whom: a trainer sees a candidate's data only while both belong to the same group
 * (the trainer as one of its trainers, the candidate as a member). Leaving a group, or being
 * removed from it, ends that access at once, since every read goes through these queries.
 * Other domains (VAE, evaluation preparation…) call these before showing a trainer anything.
 */

export interface FollowingGroup {
	id: string;
	name: string;
	certificationId: string;
	kind: 'formation' | 'vae';
}

/** True when the trainer is a trainer of a group the candidate is a member of. */
export async function trainerFollowsCandidate(db: Executor, trainerId: string, candidateId: string): Promise<boolean> {
	const row = await db
		.selectFrom('group_trainer')
		.innerJoin('group_member', 'group_member.group_id', 'group_trainer.group_id')
		.select('group_trainer.group_id')
		.where('group_trainer.trainer_id', '=', trainerId)
		.where('group_member.candidate_id', '=', candidateId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The groups through which the trainer follows the candidate (empty: no access), by name. */
export async function trainerGroupsOfCandidate(db: Executor, trainerId: string, candidateId: string): Promise<FollowingGroup[]> {
	const rows = await db
		.selectFrom('group_trainer')
		.innerJoin('group_member', 'group_member.group_id', 'group_trainer.group_id')
		.innerJoin('trainer_group', 'trainer_group.id', 'group_trainer.group_id')
		.select(['trainer_group.id', 'trainer_group.name', 'trainer_group.certification_id', 'trainer_group.kind'])
		.where('group_trainer.trainer_id', '=', trainerId)
		.where('group_member.candidate_id', '=', candidateId)
		.orderBy('trainer_group.name')
		.execute();
	return rows.map((row) => ({ id: row.id, name: row.name, certificationId: row.certification_id, kind: row.kind }));
}

/** True when the user is one of the group's trainers. */
export async function isTrainerOfGroup(db: Executor, trainerId: string, groupId: string): Promise<boolean> {
	const row = await db.selectFrom('group_trainer').select('group_id').where('trainer_id', '=', trainerId).where('group_id', '=', groupId).executeTakeFirst();
	return row !== undefined;
}

/** True when the candidate is a member of the group. */
export async function isMemberOfGroup(db: Executor, candidateId: string, groupId: string): Promise<boolean> {
	const row = await db.selectFrom('group_member').select('group_id').where('candidate_id', '=', candidateId).where('group_id', '=', groupId).executeTakeFirst();
	return row !== undefined;
}
