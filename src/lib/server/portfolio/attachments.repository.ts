import type { Executor } from '../db';
import type { AttachmentType } from './attachments';

export interface AttachmentMeta {
	id: string;
	experienceId: string;
	userId: string;
	fileName: string;
	mediaType: AttachmentType;
	sizeBytes: number;
	createdAt: Date;
}

const META = ['id', 'experience_id', 'user_id', 'file_name', 'media_type', 'size_bytes', 'created_at'] as const;
type MetaRow = { id: string; experience_id: string; user_id: string; file_name: string; media_type: AttachmentType; size_bytes: number | string; created_at: Date | string };
const toMeta = (row: MetaRow): AttachmentMeta => ({
	id: row.id,
	experienceId: row.experience_id,
	userId: row.user_id,
	fileName: row.file_name,
	mediaType: row.media_type,
	sizeBytes: Number(row.size_bytes),
	createdAt: new Date(row.created_at)
});

/** The bytes one user's documents take, all certifications together. */
export async function usedBytes(db: Executor, userId: string): Promise<number> {
	const row = await db
		.selectFrom('portfolio_attachment')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size_bytes'), eb.lit(0)).as('total'))
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(row?.total ?? 0);
}

/** Locks the user's account row: one user's uploads are checked against the quota one after another. */
export async function lockOwner(db: Executor, userId: string): Promise<void> {
	await db.selectFrom('app_user').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
}

export async function insertAttachment(db: Executor, row: { experienceId: string; userId: string; fileName: string; mediaType: AttachmentType; content: Uint8Array }, at: Date): Promise<string> {
	const inserted = await db
		.insertInto('portfolio_attachment')
		.values({ experience_id: row.experienceId, user_id: row.userId, file_name: row.fileName, media_type: row.mediaType, size_bytes: row.content.byteLength, content: row.content, created_at: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function listAttachments(db: Executor, experienceIds: readonly string[]): Promise<AttachmentMeta[]> {
	if (experienceIds.length === 0) return [];
	const rows = await db.selectFrom('portfolio_attachment').select(META).where('experience_id', 'in', [...experienceIds]).orderBy('created_at').orderBy('id').execute();
	return rows.map(toMeta);
}

export async function findAttachmentMeta(db: Executor, attachmentId: string): Promise<AttachmentMeta | null> {
	const row = await db.selectFrom('portfolio_attachment').select(META).where('id', '=', attachmentId).executeTakeFirst();
	return row ? toMeta(row) : null;
}

export async function readContent(db: Executor, attachmentId: string): Promise<Uint8Array | null> {
	const row = await db.selectFrom('portfolio_attachment').select('content').where('id', '=', attachmentId).executeTakeFirst();
	return row ? new Uint8Array(row.content) : null;
}

export async function deleteAttachmentRow(db: Executor, attachmentId: string): Promise<void> {
	await db.deleteFrom('portfolio_attachment').where('id', '=', attachmentId).execute();
}
