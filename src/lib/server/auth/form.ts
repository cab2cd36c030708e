import { error, isHttpError } from '@sveltejs/kit';

function statusOf(cause: unknown): number | undefined {
	const status = (cause as { status?: unknown } | null)?.status;
	return typeof status === 'number' ? status : undefined;
}

/**
 * The request's form, or an HTTP error with a French message: 413 when the body is over the
 * size limit (BODY_SIZE_LIMIT), 400 when it cannot be read (a malformed multipart body).
 * Without this a broken body is a 500 « erreur inattendue ».
 */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (cause) {
		if (isHttpError(cause)) throw cause;
		if (statusOf(cause) === 413) error(413, 'Le formulaire envoyé est trop volumineux.');
		error(400, 'Le formulaire envoyé est illisible. Rechargez la page et réessayez.');
	}
}
