/**
 * Who accompanies a VAE applicant: the trainers of a group of kind « vae », of the same
 * certification, that the applicant belongs to. Every read and write of an accompagnateur goes
 * through these, so leaving the group ends the access at once.
 */
import type { Executor } from '../db';
import { trainerGroupsOfCandidate } from '../groups/access';

/** True when the trainer accompanies the applicant in this certification. */
export async function accompanies(db: Executor, trainerId: string, applicantId: string, certificationId: string): Promise<boolean> {
	const groups = await trainerGroupsOfCandidate(db, trainerId, applicantId);
	return groups.some((group) => group.kind === 'vae' && group.certificationId === certificationId);
}

export interface AccompaniedApplicant {
	id: string;
	displayName: string;
	certificationId: string;
	groupName: string;
}

/** The applicants the trainer accompanies, one line per (applicant, certification), by name. */
export async function listAccompaniedApplicants(db: Executor, trainerId: string): Promise<AccompaniedApplicant[]> {
	const rows = await db
		.selectFrom('group_trainer')
		.innerJoin('trainer_group', 'trainer_group.id', 'group_trainer.group_id')
		.innerJoin('group_member', 'group_member.group_id', 'group_trainer.group_id')
		.innerJoin('app_user', 'app_user.id', 'group_member.candidate_id')
		.select(['app_user.id', 'app_user.display_name', 'trainer_group.certification_id', 'trainer_group.name'])
		.where('group_trainer.trainer_id', '=', trainerId)
		.where('trainer_group.kind', '=', 'vae')
		.orderBy('app_user.display_name')
		.orderBy('trainer_group.name')
		.execute();
	const seen = new Set<string>();
	return rows.flatMap((row) => {
		const key = `${row.id}:${row.certification_id}`;
		if (seen.has(key)) return [];
		seen.add(key);
		return [{ id: row.id, displayName: row.display_name, certificationId: row.certification_id, groupName: row.name }];
	});
}

/** The names of the applicant's accompagnateurs in this certification (the dossier's cover). */
export async function listAccompagnateurNames(db: Executor, applicantId: string, certificationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('group_member')
		.innerJoin('trainer_group', 'trainer_group.id', 'group_member.group_id')
		.innerJoin('group_trainer', 'group_trainer.group_id', 'group_member.group_id')
		.innerJoin('app_user', 'app_user.id', 'group_trainer.trainer_id')
		.select('app_user.display_name')
		.distinct()
		.where('group_member.candidate_id', '=', applicantId)
		.where('trainer_group.kind', '=', 'vae')
		.where('trainer_group.certification_id', '=', certificationId)
		.orderBy('app_user.display_name')
		.execute();
	return rows.map((row) => row.display_name);
}
