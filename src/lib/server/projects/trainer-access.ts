/**
 * Who reviews a candidate's projects report and reads their company's opinion: a trainer of a
 * formation group of the same certification that the candidate belongs to (../groups/access.ts).
 * Checked on every read and write, so leaving the group ends the access at once.
 */
import type { Executor } from '../db';
import { trainerGroupsOfCandidate } from '../groups/access';
import type { ReviewAccess } from '../portfolio/portfolio.service';

export async function followsInTraining(db: Executor, trainerId: string, candidateId: string, certificationId: string): Promise<boolean> {
	const groups = await trainerGroupsOfCandidate(db, trainerId, candidateId);
	return groups.some((group) => group.kind === 'formation' && group.certificationId === certificationId);
}

/** The portfolio review rule for projects: only a project, only by a trainer who follows the candidate in training. */
export const mayReviewProject: ReviewAccess = async (tx, reviewerId, candidateId, certificationId, kind) => kind === 'projet' && (await followsInTraining(tx, reviewerId, candidateId, certificationId));
