// Request body limits, applied by src/cli/server.js BEFORE the app's handler.
// The Node adapter has one BODY_SIZE_LIMIT for every request (512 KB by default) and no
// per-route setting; proof documents need 10 MB. So the adapter gets the large limit
// (UPLOAD_BODY_LIMIT: 10 MB of file plus room for the multipart envelope and the other
// fields), and every other route is held here to SMALL_BODY_LIMIT: refused at once when its
// Content-Length says more, and otherwise (a chunked body) counted while it arrives.
import { Readable } from 'node:stream';

export const SMALL_BODY_LIMIT = 512 * 1024;
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024 + 512 * 1024;

/** The routes that may receive a large body: proof-document uploads (paths, without the query). */
export const LARGE_BODY_ROUTES = [/^\/vae\/[^/]+\/experiences\/[0-9a-f-]{36}\/pieces\/?$/i, /^\/preparation\/[^/]+\/projets\/[0-9a-f-]{36}\/pieces\/?$/i];

/** The body limit of a request, by its path: null when only the adapter's (larger) one applies. */
export function smallLimitFor(url = '/') {
	const pathname = url.split('?')[0] ?? '/';
	return LARGE_BODY_ROUTES.some((route) => route.test(pathname)) ? null : SMALL_BODY_LIMIT;
}

const TOO_LARGE = 'La requête envoyée est trop volumineuse (512 ko au plus, sauf pour joindre un document) : rien n’a été enregistré.\n';

/** @param {import('node:http').ServerResponse} res */
function refuse(res) {
	if (res.headersSent) return;
	res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(TOO_LARGE);
}

/**
 * Calls `next(req)` with the request when its body is within the limit of its route, or answers
 * 413 in French. A chunked body outside the upload routes is read here up to the limit, then
 * handed on as a stream of the same bytes with its Content-Length.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {(req: import('node:http').IncomingMessage) => void} next
 */
export function guardBody(req, res, next) {
	const limit = smallLimitFor(req.url);
	if (limit === null) return next(req);
	const declared = req.headers['content-length'];
	if (declared !== undefined) {
		if (Number(declared) > limit) {
			refuse(res);
			req.resume();
			return;
		}
		return next(req);
	}
	if (req.headers['transfer-encoding'] === undefined) return next(req);
	/** @type {Buffer[]} */
	const chunks = [];
	let size = 0;
	let refused = false;
	req.on('data', (/** @type {Buffer} */ chunk) => {
		if (refused) return;
		size += chunk.length;
		if (size > limit) {
			refused = true;
			chunks.length = 0;
			refuse(res);
			req.destroy();
			return;
		}
		chunks.push(chunk);
	});
	req.on('end', () => {
		if (refused) return;
		const replay = /** @type {any} */ (Readable.from(chunks));
		const headers = { ...req.headers, 'content-length': String(size) };
		delete headers['transfer-encoding'];
		Object.assign(replay, { headers, method: req.method, url: req.url, httpVersion: req.httpVersion, httpVersionMajor: req.httpVersionMajor, httpVersionMinor: req.httpVersionMinor, socket: req.socket, connection: req.socket, rawHeaders: req.rawHeaders });
		next(replay);
	});
}
