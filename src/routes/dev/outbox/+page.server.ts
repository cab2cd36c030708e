import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isOutboxMode, renderMailText } from '$lib/server/mail/mailer';
import { listOutboxMessages } from '$lib/server/mail/outbox.repository';
import type { PageServerLoad } from './$types';

/**
 * The local outbox, readable in a browser: only when JALON_DEV_OUTBOX=1 (set by the e2e
 * server) and mail is not sent through SMTP. Anywhere else the page does not exist. It shows
 * reset links (while they are kept: until sent, or an hour) to whoever opens it, so never set
 * JALON_DEV_OUTBOX on a shared server.
 */
export const load: PageServerLoad = async () => {
	if (process.env.JALON_DEV_OUTBOX !== '1' || !isOutboxMode()) error(404, 'Page introuvable.');
	const messages = await listOutboxMessages(getDb());
	return {
		messages: messages.map((message) => ({
			id: message.id,
			recipient: message.recipient,
			subject: message.subject,
			body: renderMailText(message.body, message.secret),
			createdAt: message.createdAt.toISOString()
		}))
	};
};
