/**
 * Who may read a portfolio: its owner, and the people who review it. One function for every
 * read of portfolio material by someone else (attachments, dossier): a new kind of reviewer (the
 * trainer who reviews a projects report, for instance) is one more entry in REVIEWERS.
 */
import type { Executor } from '../db';
import { accompanies } from '../vae/accompagnement';
import type { ReviewAccess } from './portfolio.service';

/** Each answers whether `viewerId` reviews `ownerId`'s portfolio in that certification. */
export const REVIEWERS: ReviewAccess[] = [
	// The VAE accompagnateur: a trainer of a « vae » group of the certification the applicant is in.
	accompanies
];

/** True when the viewer is the owner or reviews the owner's portfolio in that certification. */
export async function mayReadPortfolio(db: Executor, viewerId: string, owner: { userId: string; certificationId: string }): Promise<boolean> {
	if (viewerId === owner.userId) return true;
	for (const reviews of REVIEWERS) if (await reviews(db, viewerId, owner.userId, owner.certificationId)) return true;
	return false;
}
