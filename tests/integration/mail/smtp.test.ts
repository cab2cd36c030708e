import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport, isOutboxMode } from '../../../src/lib/server/mail/mailer';
import { sendSmtpMessage } from '../../../src/lib/server/mail/smtp-mailer';

/**
 * A small SMTP server on 127.0.0.1 speaking the server side of the protocol, so the client is
 * tested over a real socket. It offers AUTH but not STARTTLS, like a local relay.
 */
function startSmtpServer() {
	const received: { commands: string[]; data: string }[] = [];
	const server = net.createServer((socket) => {
		const session = { commands: [] as string[], data: '' };
		received.push(session);
		let buffer = '';
		let inData = false;
		socket.write('220 test ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let index: number;
			while ((index = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				if (inData) {
					if (line === '.') {
						inData = false;
						socket.write('250 2.0.0 accepté\r\n');
					} else session.data += `${line}\n`;
					continue;
				}
				session.commands.push(line);
				const verb = line.split(' ')[0]!.toUpperCase();
				if (verb === 'EHLO') socket.write('250-test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
				else if (verb === 'AUTH') socket.write('235 2.7.0 ok\r\n');
				else if (verb === 'MAIL' || verb === 'RCPT') socket.write('250 ok\r\n');
				else if (verb === 'DATA') {
					inData = true;
					socket.write('354 go\r\n');
				} else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('502 unknown\r\n');
			}
		});
	});
	return { server, received };
}

describe('SMTP mailer', () => {
	const { server, received } = startSmtpServer();
	let port = 0;
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as net.AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('is chosen when SMTP_URL is set; the outbox otherwise', () => {
		expect(createMailTransport({ SMTP_URL: 'smtp://relais.exemple.fr:587' })?.kind).toBe('smtp');
		expect(createMailTransport({})).toBeNull();
		expect(isOutboxMode({ SMTP_URL: 'smtp://relais.exemple.fr' })).toBe(false);
		expect(isOutboxMode({})).toBe(true);
	});

	it('delivers one UTF-8 message with AUTH PLAIN to a local relay', async () => {
		const url = new URL(`smtp://jalon:s%C3%A9cret@127.0.0.1:${port}`);
		await sendSmtpMessage(url, 'Jalon <ne-pas-repondre@jalon.test>', {
			to: 'camille@exemple.fr',
			subject: 'Réinitialiser votre mot de passe',
			text: 'Bonjour Camille,\n.ligne qui commence par un point\nhttp://jalon.test/lien'
		});
		const session = received.at(-1)!;
		expect(session.commands[0]).toMatch(/^EHLO /);
		expect(session.commands).toContain(`AUTH PLAIN ${Buffer.from('\0jalon\0sécret').toString('base64')}`);
		expect(session.commands).toContain('MAIL FROM:<ne-pas-repondre@jalon.test>');
		expect(session.commands).toContain('RCPT TO:<camille@exemple.fr>');
		expect(session.commands.at(-1)).toBe('QUIT');
		expect(session.data).toContain(`Subject: =?UTF-8?B?${Buffer.from('Réinitialiser votre mot de passe').toString('base64')}?=`);
		const body = session.data.split('\n\n').slice(1).join('').replace(/\n/g, '');
		expect(Buffer.from(body, 'base64').toString('utf8')).toBe('Bonjour Camille,\r\n.ligne qui commence par un point\r\nhttp://jalon.test/lien');
	});

	it('refuses a recipient that would inject SMTP commands', async () => {
		await expect(
			sendSmtpMessage(new URL(`smtp://127.0.0.1:${port}`), 'x@jalon.test', { to: 'a@b.fr>\r\nRCPT TO:<c@d.fr', subject: 's', text: 't' })
		).rejects.toThrow(/invalide/);
	});

	it('fails with an error, not a hang, when the server is down', async () => {
		const closed = net.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const deadPort = (closed.address() as net.AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		await expect(sendSmtpMessage(new URL(`smtp://127.0.0.1:${deadPort}`), 'x@jalon.test', { to: 'a@b.fr', subject: 's', text: 't' }, 2000)).rejects.toThrow();
	});
});
