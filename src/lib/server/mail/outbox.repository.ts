import type { Executor } from '../db';

export interface OutboxMessage {
	id: string;
	recipient: string;
	subject: string;
	body: string;
	createdAt: Date;
}

export async function insertOutboxMessage(
	db: Executor,
	message: { recipient: string; subject: string; body: string; userId: string | null }
): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ recipient: message.recipient, subject: message.subject, body: message.body, user_id: message.userId })
		.execute();
}

export async function listOutboxMessages(db: Executor, limit = 50): Promise<OutboxMessage[]> {
	const rows = await db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'body', 'created_at'])
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		id: String(row.id),
		recipient: row.recipient,
		subject: row.subject,
		body: row.body,
		createdAt: row.created_at
	}));
}
