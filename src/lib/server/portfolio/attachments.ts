/**
 * Proof documents of a portfolio experience: which files are accepted and how big they may be.
 * Pure. The type is read from the file's first bytes (its « magic number »), never from its
 * name or the type the browser declares: a text file renamed « preuve.pdf » is refused.
 */

export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** At most 10 MB a file (France VAE's own upload limit is of this order). */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;
/** At most 100 MB for all of one applicant's documents. */
export const APPLICANT_MAX_BYTES = 100 * 1024 * 1024;

const SIGNATURES: { type: AttachmentType; bytes: readonly number[]; extension: string }[] = [
	// « %PDF- »
	{ type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: 'pdf' },
	// PNG's eight-byte signature.
	{ type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: 'png' },
	// JPEG: start of image, then a marker.
	{ type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extension: 'jpg' }
];

export const TYPE_LABELS: Record<AttachmentType, string> = { 'application/pdf': 'PDF', 'image/png': 'image PNG', 'image/jpeg': 'image JPEG' };

/** The file's type from its first bytes, or null when it is none of the accepted ones. */
export function sniffType(head: Uint8Array): AttachmentType | null {
	for (const signature of SIGNATURES) {
		if (head.length >= signature.bytes.length && signature.bytes.every((byte, i) => head[i] === byte)) return signature.type;
	}
	return null;
}

export const extensionOf = (type: AttachmentType) => SIGNATURES.find((s) => s.type === type)!.extension;

/** « 2,4 Mo », « 512 ko »: sizes as the pages show them. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
	if (bytes >= 1024) return `${Math.ceil(bytes / 1024).toLocaleString('fr-FR')} ko`;
	return `${bytes} octet${bytes > 1 ? 's' : ''}`;
}

/**
 * A file name safe to show and to send in `content-disposition`: the last path segment, no
 * control or quote characters, at most 120 characters, and the extension of its real type.
 */
export function safeFileName(name: string, type: AttachmentType): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		.normalize('NFC')
		.replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\.[A-Za-z0-9]{1,5}$/, '');
	const stem = (base || 'document').slice(0, 110).replace(/^\.+/, '') || 'document';
	return `${stem}.${extensionOf(type)}`;
}

/** `content-disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
	const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export type UploadCheck = { ok: true; type: AttachmentType; fileName: string } | { ok: false; message: string };

/**
 * Whether a file may be attached: not empty, within 10 MB, within what is left of the
 * applicant's 100 MB, and a real PDF, PNG or JPEG. The messages are the ones shown beside
 * the file field.
 */
export function checkUpload(file: { name: string; size: number; head: Uint8Array }, usedBytes: number): UploadCheck {
	if (file.size === 0) return { ok: false, message: 'Ce fichier est vide : choisissez le document à joindre.' };
	if (file.size > FILE_MAX_BYTES) return { ok: false, message: `Ce fichier pèse ${formatBytes(file.size)} : un document ne doit pas dépasser ${formatBytes(FILE_MAX_BYTES)}. Réduisez-le (PDF compressé, image moins grande) puis recommencez.` };
	const type = sniffType(file.head);
	if (!type) {
		const claimed = /\.(pdf|png|jpe?g)$/i.test(file.name);
		return {
			ok: false,
			message: claimed
				? 'Ce fichier porte le nom d’un PDF ou d’une image, mais son contenu n’en est pas un : seuls les vrais PDF, PNG et JPEG sont acceptés.'
				: 'Ce type de fichier n’est pas accepté : joignez un PDF, une image PNG ou une image JPEG.'
		};
	}
	if (usedBytes + file.size > APPLICANT_MAX_BYTES) {
		return { ok: false, message: `Vos documents occupent déjà ${formatBytes(usedBytes)} sur ${formatBytes(APPLICANT_MAX_BYTES)} : ce fichier de ${formatBytes(file.size)} n’y tient plus. Retirez un document ou réduisez celui-ci.` };
	}
	return { ok: true, type, fileName: safeFileName(file.name, type) };
}
