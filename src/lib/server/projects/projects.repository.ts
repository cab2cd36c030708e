import type { Executor } from '../db';
import type { ProjectDetails } from './project';

export async function insertProjectDetails(db: Executor, experienceId: string, userId: string, details: ProjectDetails): Promise<void> {
	await db.insertInto('portfolio_project').values({ experience_id: experienceId, user_id: userId, ...details }).execute();
}

export async function updateProjectDetails(db: Executor, experienceId: string, details: ProjectDetails): Promise<void> {
	await db.updateTable('portfolio_project').set(details).where('experience_id', '=', experienceId).execute();
}

export async function listProjectDetails(db: Executor, experienceIds: readonly string[]): Promise<Map<string, ProjectDetails>> {
	if (experienceIds.length === 0) return new Map();
	const rows = await db.selectFrom('portfolio_project').select(['experience_id', 'objective', 'figures', 'documents']).where('experience_id', 'in', [...experienceIds]).execute();
	return new Map(rows.map((row) => [row.experience_id, { objective: row.objective, figures: row.figures, documents: row.documents }]));
}

/** True when the experience is one of this user's projects. */
export async function isOwnProject(db: Executor, userId: string, experienceId: string): Promise<boolean> {
	const row = await db.selectFrom('portfolio_experience').select('id').where('id', '=', experienceId).where('user_id', '=', userId).where('kind', '=', 'projet').executeTakeFirst();
	return row !== undefined;
}

export interface FollowedTrainee {
	id: string;
	displayName: string;
	certificationId: string;
	groupName: string;
	projects: number;
	toReview: number;
}

/** The candidates of the trainer's formation groups, one line per (candidate, certification), with their projects' counts. */
export async function listFollowedTrainees(db: Executor, trainerId: string): Promise<FollowedTrainee[]> {
	const rows = await db
		.selectFrom('group_trainer')
		.innerJoin('trainer_group', 'trainer_group.id', 'group_trainer.group_id')
		.innerJoin('group_member', 'group_member.group_id', 'group_trainer.group_id')
		.innerJoin('app_user', 'app_user.id', 'group_member.candidate_id')
		.select(['app_user.id', 'app_user.display_name', 'trainer_group.certification_id', 'trainer_group.name'])
		.where('group_trainer.trainer_id', '=', trainerId)
		.where('trainer_group.kind', '=', 'formation')
		.orderBy('app_user.display_name')
		.orderBy('trainer_group.name')
		.execute();
	const seen = new Set<string>();
	const unique = rows.filter((row) => {
		const key = `${row.id}:${row.certification_id}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	if (unique.length === 0) return [];
	const counts = await db
		.selectFrom('portfolio_experience as e')
		.leftJoin('portfolio_link as l', 'l.experience_id', 'e.id')
		.select((eb) => ['e.user_id', 'e.certification_id', eb.fn.count<string>('e.id').distinct().as('projects'), eb.fn.count<string>('l.id').filterWhere('l.status', '=', 'à revoir').as('to_review')])
		.where('e.kind', '=', 'projet')
		.where('e.user_id', 'in', [...new Set(unique.map((r) => r.id))])
		.groupBy(['e.user_id', 'e.certification_id'])
		.execute();
	return unique.map((row) => {
		const count = counts.find((c) => c.user_id === row.id && c.certification_id === row.certification_id);
		return { id: row.id, displayName: row.display_name, certificationId: row.certification_id, groupName: row.name, projects: Number(count?.projects ?? 0), toReview: Number(count?.to_review ?? 0) };
	});
}
