/**
 * Who may read a portfolio: its owner, and the people who review it. One function for every
 * read of portfolio material by someone else (attachments, dossier, projects report); each kind
 * of reviewer is one entry in REVIEWERS and sees only the kind of entry it reviews.
 */
import type { Executor } from '../db';
import { mayReviewProject } from '../projects/trainer-access';
import { accompanies } from '../vae/accompagnement';
import type { ExperienceKind } from './portfolio.repository';
import type { ReviewAccess } from './portfolio.service';

/** The VAE accompagnateur (a trainer of a « vae » group of the applicant's certification) reviews experiences, never projects. */
export const mayReviewVaeExperience: ReviewAccess = async (db, reviewerId, applicantId, certificationId, kind) =>
	kind === 'expérience' && (await accompanies(db, reviewerId, applicantId, certificationId));

/** Each answers whether `viewerId` reviews `ownerId`'s entries of that kind in that certification. */
export const REVIEWERS: ReviewAccess[] = [mayReviewVaeExperience, mayReviewProject];

/** True when the viewer is the owner or reviews the owner's entries of that kind in that certification. */
export async function mayReadPortfolio(db: Executor, viewerId: string, owner: { userId: string; certificationId: string; kind: ExperienceKind }): Promise<boolean> {
	if (viewerId === owner.userId) return true;
	for (const reviews of REVIEWERS) if (await reviews(db, viewerId, owner.userId, owner.certificationId, owner.kind)) return true;
	return false;
}
