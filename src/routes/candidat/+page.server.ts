import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { enrol, listEnrolments } from '$lib/server/enrolment/enrolment.repository';
import { parsePathway } from '$lib/server/enrolment/pathway';
import { candidatePreparation } from '$lib/server/preparation/space-block';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const enrolments = await listEnrolments(getDb(), user.id);
	return {
		enrolments: enrolments.flatMap((enrolment) => {
			const certification = catalog.certifications.find((c) => c.id === enrolment.certificationId);
			if (!certification) return [];
			const last = enrolment.lastCompetenceId ? catalog.competences.get(enrolment.lastCompetenceId) : undefined;
			const competences = certification.units.flatMap((unit) => unit.competences);
			return [
				{
					certificationId: certification.id,
					title: certification.title,
					type: certification.type,
					pathway: enrolment.pathway,
					lastActivityAt: enrolment.lastActivityAt?.toISOString() ?? null,
					resume: last ? { id: last.id, title: last.title } : null,
					modules: competences.map((competence) => ({ id: competence.id, number: competence.number, title: competence.title }))
				}
			];
		}),
		preparation: await candidatePreparation(getDb(), catalog, user.id, enrolments.map((enrolment) => enrolment.certificationId)),
		certifications: catalog.certifications.map((c) => ({ id: c.id, title: c.title, type: c.type }))
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
