import { sql } from 'kysely';
import type { Executor } from '../db';

export interface OutboxMessage {
	id: string;
	recipient: string;
	subject: string;
	body: string;
	secret: string | null;
	status: 'pending' | 'sent' | 'failed';
	attempts: number;
	createdAt: Date;
}

export async function insertOutboxMessage(
	db: Executor,
	message: { recipient: string; subject: string; body: string; secret: string | null; userId: string | null }
): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ recipient: message.recipient, subject: message.subject, body: message.body, secret: message.secret, user_id: message.userId })
		.execute();
}

export type ClaimedMessage = Pick<OutboxMessage, 'id' | 'recipient' | 'subject' | 'body' | 'secret' | 'attempts'>;

/**
 * Claims up to `limit` messages due for sending: each gets a lease (`locked_until`) and one
 * more attempt, in one statement. `for update skip locked` lets several workers (instances)
 * claim at once without waiting on each other or taking the same row; a row whose lease ran
 * out (its worker died mid-send) is due again.
 */
export async function claimOutboxMessages(db: Executor, { now, leaseMs, limit }: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedMessage[]> {
	const { rows } = await sql<{ id: string | number; recipient: string; subject: string; body: string; secret: string | null; attempts: number }>`
		update outbox set locked_until = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
		where id in (
			select id from outbox
			where status = 'pending' and next_attempt_at <= ${now} and (locked_until is null or locked_until <= ${now})
			order by id
			limit ${limit}
			for update skip locked
		)
		returning id, recipient, subject, body, secret, attempts`.execute(db);
	return rows.map((row) => ({ ...row, id: String(row.id), attempts: Number(row.attempts) }));
}

/** Sent: the link is dropped, only the text without it stays. */
export async function markOutboxSent(db: Executor, id: string, now: Date): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ status: 'sent', sent_at: now, secret: null, locked_until: null, last_error: null })
		.where('id', '=', Number(id))
		.execute();
}

export async function markOutboxRetry(db: Executor, id: string, { nextAttemptAt, error }: { nextAttemptAt: Date; error: string }): Promise<void> {
	await db.updateTable('outbox').set({ next_attempt_at: nextAttemptAt, locked_until: null, last_error: error }).where('id', '=', Number(id)).execute();
}

/** Given up: the link is dropped too. */
export async function markOutboxFailed(db: Executor, id: string, error: string): Promise<void> {
	await db.updateTable('outbox').set({ status: 'failed', secret: null, locked_until: null, last_error: error }).where('id', '=', Number(id)).execute();
}

/** Drops links older than `before` from messages never sent (the outbox without SMTP). */
export async function clearOutboxSecretsBefore(db: Executor, before: Date): Promise<number> {
	const result = await db
		.updateTable('outbox')
		.set({ secret: null })
		.where('secret', 'is not', null)
		.where('created_at', '<=', before)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function listOutboxMessages(db: Executor, limit = 50): Promise<OutboxMessage[]> {
	const rows = await db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'body', 'secret', 'status', 'attempts', 'created_at'])
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		id: String(row.id),
		recipient: row.recipient,
		subject: row.subject,
		body: row.body,
		secret: row.secret,
		status: row.status,
		attempts: row.attempts,
		createdAt: row.created_at
	}));
}
