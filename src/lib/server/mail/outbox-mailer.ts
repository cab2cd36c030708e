import type { Executor } from '../db';
import type { Mailer } from './mailer';
import { insertOutboxMessage } from './outbox.repository';

/**
 * Development and trial mailer: keeps each message in the outbox table and prints it to the
 * server log. Printing the reset link is deliberate here (there is no other way to read it
 * locally); messages never contain a password.
 */
export function createOutboxMailer(db: Executor, log: (line: string) => void = console.log): Mailer {
	return {
		kind: 'outbox',
		async send(message) {
			await insertOutboxMessage(db, {
				recipient: message.to,
				subject: message.subject,
				body: message.text,
				userId: message.userId ?? null
			});
			log(`[mail] (boîte d’envoi locale, aucun e-mail réel) à ${message.to} — ${message.subject}\n${message.text}`);
		}
	};
}
