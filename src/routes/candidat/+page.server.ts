import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { enrol, listEnrolments } from '$lib/server/enrolment/enrolment.repository';
import { parsePathway } from '$lib/server/enrolment/pathway';
import { candidatePreparation } from '$lib/server/preparation/space-block';
import { candidateAssignments } from '$lib/server/groups/candidate-view';
import { spaceOf } from './space';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const now = new Date();
	const enrolments = await listEnrolments(getDb(), user.id);
	const spaces = await Promise.all(enrolments.map((enrolment) => spaceOf(catalog, user.id, enrolment, now)));
	return {
		enrolments: spaces.filter((space) => space !== null),
		preparation: await candidatePreparation(getDb(), catalog, user.id, enrolments.map((enrolment) => enrolment.certificationId)),
		certifications: catalog.certifications.map((c) => ({ id: c.id, title: c.title, type: c.type })),
		// Assignments from the candidate's groups; the next step is the one due first.
		groupWork: await candidateAssignments(getDb(), catalog, user.id, now, url.searchParams.get('groupe'))
	};
};

export const actions: Actions = {
	enrol: async ({ locals, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const certificationId = String(form.get('certification') ?? '');
		const pathway = parsePathway(form.get('pathway'));
		const values = { certification: certificationId, pathway: pathway ?? '' };
		const errors: { certification?: string; pathway?: string } = {};
		if (!getCatalog().certifications.some((c) => c.id === certificationId)) {
			errors.certification = 'Choisissez une certification.';
		}
		if (!pathway) errors.pathway = 'Choisissez votre parcours : formation ou VAE.';
		if (errors.certification || !pathway) return fail(400, { values, errors });
		await enrol(getDb(), user.id, certificationId, pathway);
		redirect(303, `/candidat?inscrit=${certificationId}`);
	}
};
