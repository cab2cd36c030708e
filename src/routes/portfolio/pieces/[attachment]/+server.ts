import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { contentDisposition } from '$lib/server/portfolio/attachments';
import { readDocument } from '$lib/server/portfolio/attachments.service';
import type { RequestHandler } from './$types';

/**
 * A proof document, as a download only (never shown inline: a PDF or an image from a user is
 * not rendered in our origin), for its owner and the people who review their portfolio.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireUser(locals);
	const document = isUuid(params.attachment) ? await readDocument(getDb(), user.id, params.attachment) : null;
	if (!document) error(404, 'Document introuvable.');
	return new Response(document.content as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': document.mediaType,
			'content-length': String(document.content.byteLength),
			'content-disposition': contentDisposition(document.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
