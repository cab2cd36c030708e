import { error, redirect } from '@sveltejs/kit';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { findJoinOffer, joinGroup } from '$lib/server/groups/groups.service';
import { TOKEN_PATTERN } from '$lib/server/groups/join-code';
import { trainerVisibility, NEVER_VISIBLE } from '$lib/server/groups/visibility';
import { describeGroup } from '$lib/server/groups/views';
import { joinedGroupHref, joinLinkHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const INVALID = 'Ce lien ne permet plus de rejoindre un groupe : les inscriptions ont été fermées ou le lien remplacé. Demandez le nouveau lien ou le code à votre formateur.';

export const load: PageServerLoad = async ({ locals, params }) => {
	const returnTo = joinLinkHref(params.token);
	// Nothing about the group is shown before signing in: the visitor is offered an account first.
	if (!locals.user) return { state: 'anonymous' as const, returnTo };
	if (!TOKEN_PATTERN.test(params.token)) return { state: 'invalid' as const, message: INVALID };
	const result = await findJoinOffer(getDb(), locals.user, params.token);
	if (!result.ok) return result.reason === 'invalid-link' ? { state: 'invalid' as const, message: INVALID } : { state: 'not-a-candidate' as const };
	const { offer } = result;
	return {
		state: 'offer' as const,
		group: describeGroup(getCatalog(), offer.group),
		trainers: offer.trainers.map((t) => t.displayName),
		alreadyMember: offer.alreadyMember,
		pathwaySwitch: offer.pathwaySwitch,
		willEnrol: offer.willEnrol,
		visible: trainerVisibility(offer.group.kind).map(({ key, label, detail }) => ({ key, label, detail: detail ?? null })),
		never: NEVER_VISIBLE
	};
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		if (!locals.user) redirect(303, `/connexion?retour=${encodeURIComponent(joinLinkHref(params.token))}`);
		if (!TOKEN_PATTERN.test(params.token)) error(404, INVALID);
		const result = await joinGroup(getDb(), locals.user, params.token, new Date());
		if (!result.ok) error(result.reason === 'invalid-link' ? 404 : 403, result.reason === 'invalid-link' ? INVALID : 'Seuls les comptes candidats rejoignent un groupe.');
		redirect(303, joinedGroupHref(result.group.id));
	}
};
