import { randomBytes } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { readField } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { todayInFrance } from '$lib/server/groups/days';
import { listMembers } from '$lib/server/groups/groups.repository';
import { describeGroup } from '$lib/server/groups/views';
import { COMMENT_MAX, readObservationForm, RESULTS, SITUATIONS, type ObservationFormValues } from '$lib/server/observations/observation-form';
import { findGroupObservation, ObservationConflict, recordObservations } from '$lib/server/observations/observations.service';
import { groupCandidateHref, groupHref } from '$lib/paths';
import { requireManagedGroup } from '../../managed-group';
import type { Actions, PageServerLoad } from './$types';

/** The values a correction starts from: the corrected observation as it was recorded. */
function valuesOf(observation: NonNullable<Awaited<ReturnType<typeof findGroupObservation>>>): ObservationFormValues {
	const values: ObservationFormValues = {
		candidateIds: [observation.candidateId],
		criterionIds: observation.results.map((r) => r.criterionId),
		observedOn: observation.observedOn,
		place: observation.place,
		situation: observation.situation,
		tutorName: observation.tutorName ?? '',
		tutorRole: observation.tutorRole ?? '',
		results: {},
		comments: {}
	};
	for (const r of observation.results) {
		values.results[`resultat__${observation.candidateId}__${r.criterionId}`] = RESULTS.find((x) => x.score === r.score)?.value ?? '';
		values.comments[`commentaire__${observation.candidateId}__${r.criterionId}`] = r.comment ?? '';
	}
	return values;
}

export const load: PageServerLoad = async (event) => {
	const { group } = await requireManagedGroup(event);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === group.certificationId);
	if (!certification) error(404, 'La certification de ce groupe n’est plus au catalogue.');
	const members = await listMembers(getDb(), group.id);
	const params = event.url.searchParams;
	const correctingId = params.get('corrige');
	const correcting = correctingId ? await findGroupObservation(getDb(), group, correctingId) : null;
	if (correctingId && !correcting) error(404, 'Observation introuvable dans ce groupe.');
	const memberIds = new Set(members.map((m) => m.id));
	const criterionIds = new Set(certification.units.flatMap((u) => u.competences.flatMap((c) => c.criteria.map((k) => k.id))));
	// Step one (a GET form, so it works without JavaScript) chooses who and what was observed.
	const chosen = correcting
		? valuesOf(correcting)
		: { candidateIds: params.getAll('candidat').filter((id) => memberIds.has(id)), criterionIds: params.getAll('critere').filter((id) => criterionIds.has(id)) };
	return {
		group: describeGroup(catalog, group),
		members: members.map((m) => ({ id: m.id, name: m.displayName })),
		competences: certification.units.flatMap((u) => u.competences.map((c) => ({ id: c.id, title: `${c.number}. ${c.title}`, criteria: c.criteria.map((k) => ({ id: k.id, label: k.label })) }))),
		chosen,
		choosing: params.get('etape') === '1',
		correcting: correcting ? { id: correcting.id, superseded: correcting.supersededBy !== null } : null,
		initial: correcting ? valuesOf(correcting) : null,
		situations: SITUATIONS,
		results: RESULTS,
		commentMax: COMMENT_MAX,
		today: todayInFrance(),
		requestKey: randomBytes(16).toString('base64url')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, group } = await requireManagedGroup(event);
		const form = await readFormData(event.request);
		const values = readObservationForm(form);
		const correctingId = readField(form, 'corrige');
		const correcting = correctingId ? await findGroupObservation(getDb(), group, correctingId) : null;
		if (correctingId && !correcting) error(404, 'Observation introuvable dans ce groupe.');
		let result;
		try {
			result = await recordObservations(getDb(), getCatalog(), group, user.id, values, { now: new Date(), requestKey: readField(form, 'requestKey'), correcting });
		} catch (err) {
			if (err instanceof ObservationConflict) return fail(409, { values, errors: { form: 'Cette observation vient d’être corrigée par ailleurs : rechargez la page.' } as Record<string, string> });
			throw err;
		}
		if (!result.ok) return fail(400, { values, errors: result.errors });
		if (values.candidateIds.length === 1) redirect(303, `${groupCandidateHref(group.id, values.candidateIds[0]!)}?info=observation#observations`);
		redirect(303, `${groupHref(group.id)}?info=observations&nombre=${values.candidateIds.length}`);
	}
};
