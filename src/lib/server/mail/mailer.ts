import type { Executor } from '../db';
import { insertOutboxMessage } from './outbox.repository';
import { createSmtpTransport } from './smtp-mailer';

/** Where a message's secret (a link with a live token) goes in its stored text. */
export const OUTBOX_SECRET_MARKER = '{{lien}}';
/** What a sent message shows instead of its link, in the outbox and in an RGPD export. */
export const SECRET_REMOVED = '(lien retiré une fois le message envoyé)';

export interface MailMessage {
	to: string;
	subject: string;
	/** Plain text, in French; OUTBOX_SECRET_MARKER marks where `secret` goes. */
	text: string;
	/** A link with a live token: stored apart, and only until the message is sent. */
	secret?: string | null;
	/** The account the message is about, so it goes with the account when that is deleted. */
	userId?: string | null;
}

/** What actually delivers a message: SMTP today. */
export interface MailTransport {
	readonly kind: 'smtp';
	send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'Jalon <ne-pas-repondre@jalon.local>';

/**
 * The one way the app sends email: the message is written to the outbox, in the caller's
 * transaction when it passes one, and a background worker (mail-worker.ts) delivers it. A
 * request never waits on a mail server, and a mail server's failure never changes a page.
 */
export async function enqueueMail(db: Executor, message: MailMessage): Promise<void> {
	if (message.secret && !message.text.includes(OUTBOX_SECRET_MARKER)) {
		throw new Error('le texte du message ne dit pas où placer le lien');
	}
	await insertOutboxMessage(db, {
		recipient: message.to,
		subject: message.subject,
		body: message.text,
		secret: message.secret ?? null,
		userId: message.userId ?? null
	});
}

/** The text as delivered: the secret in its place, or the notice that it was removed. */
export function renderMailText(body: string, secret: string | null): string {
	return body.replaceAll(OUTBOX_SECRET_MARKER, secret ?? SECRET_REMOVED);
}

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:587 with STARTTLS, or smtps://…:465);
 * otherwise null: messages stay in the outbox table (readable on /dev/outbox with
 * JALON_DEV_OUTBOX=1), which is how a trial on one machine works without a mail server.
 */
export function createMailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
	const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
	const smtpUrl = env.SMTP_URL?.trim();
	return smtpUrl ? createSmtpTransport(new URL(smtpUrl), from) : null;
}

/** True when messages stay in the outbox (no SMTP_URL). */
export function isOutboxMode(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env.SMTP_URL?.trim();
}
