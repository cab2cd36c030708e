import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import { readFormData } from '$lib/server/auth/form';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { FILE_MAX_BYTES, formatBytes } from '$lib/server/portfolio/attachments';
import { attachmentsView } from '$lib/server/portfolio/attachments-view';
import { attachDocument, removeDocument } from '$lib/server/portfolio/attachments.service';
import { findExperience } from '$lib/server/portfolio/portfolio.repository';
import { CONFIDENTIALITY_REMINDER } from '$lib/server/projects/draft';
import { requireOwnProject } from '$lib/server/projects/trainee';
import { projectHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/**
 * The attach and remove actions of a project's proof documents (the project page posts here, so
 * that only this route gets the large body limit). Its page is what a browser without
 * JavaScript sees when an upload is refused: the same form, with the message beside the field.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, certification, projectId } = await requireOwnProject(locals, params);
	const db = getDb();
	const project = await findExperience(db, user.id, projectId);
	if (!project) error(404, 'Projet introuvable.');
	return { certification: { id: certification.id, title: certification.title }, project: { id: project.id, title: project.title }, reminder: CONFIDENTIALITY_REMINDER, documents: await attachmentsView(db, user.id, project.id) };
};

const documentsOf = (certificationId: string, projectId: string) => `${projectHref(certificationId, projectId)}`;

export const actions: Actions = {
	attach: async ({ locals, params, request }) => {
		const { user, certification, projectId } = await requireOwnProject(locals, params);
		let form: FormData;
		try {
			form = await readFormData(request);
		} catch (cause) {
			if (isHttpError(cause) && cause.status === 413) return fail(413, { error: `Ce fichier dépasse ${formatBytes(FILE_MAX_BYTES)} : réduisez-le (PDF compressé, image moins grande) puis recommencez.` });
			throw cause;
		}
		const file = form.get('document');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'Choisissez le document à joindre (PDF, PNG ou JPEG).' });
		const content = new Uint8Array(await file.arrayBuffer());
		const result = await attachDocument(getDb(), { userId: user.id, experienceId: projectId, name: file.name, content, at: new Date() });
		if (!result.ok && result.reason === 'not-found') error(404, 'Projet introuvable.');
		if (!result.ok) return fail(400, { error: result.message });
		redirect(303, `${documentsOf(certification.id, projectId)}?jointe=1#documents`);
	},
	remove: async ({ locals, params, request }) => {
		const { user, certification, projectId } = await requireOwnProject(locals, params);
		const id = String((await readFormData(request)).get('attachment') ?? '');
		if (!isUuid(id) || !(await removeDocument(getDb(), { userId: user.id, attachmentId: id }))) error(404, 'Document introuvable.');
		redirect(303, `${documentsOf(certification.id, projectId)}?retiree=1#documents`);
	}
};
