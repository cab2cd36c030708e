/** What a page shows of an entry's proof documents and of the owner's quota (ProofDocumentUpload, ProofDocumentList). */
import type { Executor } from '../db';
import { formatBytes } from './attachments';
import { listAttachments, quotaOf } from './attachments.service';

export async function attachmentsView(db: Executor, userId: string, experienceId: string) {
	const [attachments, quota] = await Promise.all([listAttachments(db, [experienceId]), quotaOf(db, userId)]);
	return {
		attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: formatBytes(a.sizeBytes), at: a.createdAt.toISOString() })),
		quota: { used: formatBytes(quota.usedBytes), usedBytes: quota.usedBytes, max: formatBytes(quota.maxBytes), maxBytes: quota.maxBytes, fileMax: formatBytes(quota.fileMaxBytes), fileMaxBytes: quota.fileMaxBytes }
	};
}
