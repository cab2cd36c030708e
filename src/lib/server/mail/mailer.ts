import type { Executor } from '../db';
import { createOutboxMailer } from './outbox-mailer';
import { createSmtpMailer } from './smtp-mailer';

export interface MailMessage {
	to: string;
	subject: string;
	/** Plain text, in French. */
	text: string;
	/** The account the message is about, so it goes with the account when that is deleted. */
	userId?: string | null;
}

/** The one way the app sends email. */
export interface Mailer {
	readonly kind: 'smtp' | 'outbox';
	send(message: MailMessage): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'Jalon <ne-pas-repondre@jalon.local>';

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:587 with STARTTLS, or smtps://…:465),
 * otherwise the outbox: messages are stored in the `outbox` table and printed to the server
 * log, so a reset link can be followed on a machine with no mail server.
 */
export function createMailer(db: Executor, env: NodeJS.ProcessEnv = process.env): Mailer {
	const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
	const smtpUrl = env.SMTP_URL?.trim();
	if (smtpUrl) return createSmtpMailer(new URL(smtpUrl), from);
	return createOutboxMailer(db);
}

/** True when messages go to the outbox (no SMTP_URL). */
export function isOutboxMode(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env.SMTP_URL?.trim();
}
