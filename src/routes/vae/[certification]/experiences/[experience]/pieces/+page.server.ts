import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { FILE_MAX_BYTES, formatBytes } from '$lib/server/portfolio/attachments';
import { attachDocument, listAttachments, quotaOf, removeDocument } from '$lib/server/portfolio/attachments.service';
import { findExperience } from '$lib/server/portfolio/portfolio.repository';
import { requireVaeApplicant } from '$lib/server/vae/applicant';
import { vaeAttachmentsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, certification } = await requireVaeApplicant(locals, params.certification);
	const db = getDb();
	const experience = isUuid(params.experience) ? await findExperience(db, user.id, params.experience) : null;
	if (!experience || experience.certificationId !== certification.id) error(404, 'Expérience introuvable.');
	const [attachments, quota] = await Promise.all([listAttachments(db, [experience.id]), quotaOf(db, user.id)]);
	return {
		certification: { id: certification.id, title: certification.title },
		experience: { id: experience.id, title: experience.title },
		attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: formatBytes(a.sizeBytes), at: a.createdAt.toISOString() })),
		quota: { used: formatBytes(quota.usedBytes), usedBytes: quota.usedBytes, max: formatBytes(quota.maxBytes), maxBytes: quota.maxBytes, fileMax: formatBytes(quota.fileMaxBytes), fileMaxBytes: quota.fileMaxBytes }
	};
};

export const actions: Actions = {
	attach: async ({ locals, params, request }) => {
		const { user, certification } = await requireVaeApplicant(locals, params.certification);
		if (!isUuid(params.experience)) error(404, 'Expérience introuvable.');
		let form: FormData;
		try {
			form = await readFormData(request);
		} catch (cause) {
			// Over the server's body limit: the message beside the field, not an error page.
			if (isHttpError(cause) && cause.status === 413) return fail(413, { action: 'attach' as const, error: `Ce fichier dépasse ${formatBytes(FILE_MAX_BYTES)} : réduisez-le (PDF compressé, image moins grande) puis recommencez.` });
			throw cause;
		}
		const file = form.get('document');
		if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'attach' as const, error: 'Choisissez le document à joindre (PDF, PNG ou JPEG).' });
		const content = new Uint8Array(await file.arrayBuffer());
		const result = await attachDocument(getDb(), { userId: user.id, experienceId: params.experience, name: file.name, content, at: new Date() });
		if (!result.ok && result.reason === 'not-found') error(404, 'Expérience introuvable.');
		if (!result.ok) return fail(400, { action: 'attach' as const, error: result.message });
		redirect(303, `${vaeAttachmentsHref(certification.id, params.experience)}?jointe=1`);
	},
	remove: async ({ locals, params, request }) => {
		const { user, certification } = await requireVaeApplicant(locals, params.certification);
		const id = String((await readFormData(request)).get('attachment') ?? '');
		if (!isUuid(id) || !(await removeDocument(getDb(), { userId: user.id, attachmentId: id }))) error(404, 'Document introuvable.');
		redirect(303, `${vaeAttachmentsHref(certification.id, params.experience)}?retiree=1`);
	}
};
