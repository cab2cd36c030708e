/**
 * Attaching proof documents to an experience and reading them back. An upload is checked
 * (type from its first bytes, 10 MB a file, 100 MB per owner) and stored in one transaction
 * with the owner's row locked, so two uploads at once cannot both squeeze under the quota and
 * a refused file leaves nothing behind.
 */
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { mayReadPortfolio } from './access';
import { APPLICANT_MAX_BYTES, checkUpload, FILE_MAX_BYTES } from './attachments';
import * as repo from './attachments.repository';
import { findExperience, findExperienceOwner } from './portfolio.repository';

export type AttachResult = { ok: true; id: string } | { ok: false; reason: 'not-found' } | { ok: false; reason: 'refused'; message: string };

export async function attachDocument(db: Kysely<Database>, input: { userId: string; experienceId: string; name: string; content: Uint8Array; at: Date }): Promise<AttachResult> {
	// A file over the per-file limit is refused before any transaction.
	if (input.content.byteLength > FILE_MAX_BYTES) {
		const check = checkUpload({ name: input.name, size: input.content.byteLength, head: input.content.subarray(0, 16) }, 0);
		if (!check.ok) return { ok: false, reason: 'refused', message: check.message };
	}
	return withTransaction(db, async (tx) => {
		const experience = await findExperience(tx, input.userId, input.experienceId, { lock: true });
		if (!experience) return { ok: false, reason: 'not-found' } as const;
		await repo.lockOwner(tx, input.userId);
		const check = checkUpload({ name: input.name, size: input.content.byteLength, head: input.content.subarray(0, 16) }, await repo.usedBytes(tx, input.userId));
		if (!check.ok) return { ok: false, reason: 'refused', message: check.message } as const;
		const id = await repo.insertAttachment(tx, { experienceId: experience.id, userId: input.userId, fileName: check.fileName, mediaType: check.type, content: input.content }, input.at);
		return { ok: true, id } as const;
	});
}

/** Removes one of the owner's documents; false when it is not theirs. */
export async function removeDocument(db: Kysely<Database>, input: { userId: string; attachmentId: string }): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const meta = await repo.findAttachmentMeta(tx, input.attachmentId);
		if (!meta || meta.userId !== input.userId) return false;
		await repo.deleteAttachmentRow(tx, meta.id);
		return true;
	});
}

/**
 * A document for download when the viewer may read its portfolio (owner or reviewer), null
 * otherwise: another person's id is « not found », exactly like an unknown one.
 */
export async function readDocument(db: Executor, viewerId: string, attachmentId: string): Promise<(repo.AttachmentMeta & { content: Uint8Array }) | null> {
	const meta = await repo.findAttachmentMeta(db, attachmentId);
	if (!meta) return null;
	const owner = await findExperienceOwner(db, meta.experienceId);
	if (!owner || !(await mayReadPortfolio(db, viewerId, owner))) return null;
	const content = await repo.readContent(db, meta.id);
	return content ? { ...meta, content } : null;
}

export interface QuotaView {
	usedBytes: number;
	maxBytes: number;
	fileMaxBytes: number;
}

export async function quotaOf(db: Executor, userId: string): Promise<QuotaView> {
	return { usedBytes: await repo.usedBytes(db, userId), maxBytes: APPLICANT_MAX_BYTES, fileMaxBytes: FILE_MAX_BYTES };
}

export { listAttachments } from './attachments.repository';
