import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listFollowedRehearsers } from '$lib/server/preparation/rehearsal.service';
import { trainerCandidateRehearsalsHref } from '$lib/paths';
import type { PageServerLoad } from './$types';

// The access policy lets trainers and admins in; the list holds only candidates of the user's own groups.
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const rehearsers = await listFollowedRehearsers(getDb(), user.id);
	return {
		candidates: rehearsers.map((candidate) => ({ href: trainerCandidateRehearsalsHref(candidate.candidateId), name: candidate.name, questions: candidate.questions, lastAt: candidate.lastAt.toISOString() }))
	};
};
