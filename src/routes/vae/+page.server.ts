import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { listEnrolments } from '$lib/server/enrolment/enrolment.repository';
import { vaeHref } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const catalog = getCatalog();
	const enrolments = (await listEnrolments(getDb(), user.id)).filter((e) => e.pathway === 'vae');
	// One VAE certification: its space directly.
	if (enrolments.length === 1) redirect(303, vaeHref(enrolments[0]!.certificationId));
	return {
		certifications: enrolments.flatMap((e) => {
			const certification = catalog.certifications.find((c) => c.id === e.certificationId);
			return certification ? [{ id: certification.id, title: certification.title, type: certification.type }] : [];
		})
	};
};
