import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import type { MailTransport } from './mailer';

type MailMessage = { to: string; subject: string; text: string };

/**
 * A deliberately small SMTP client (no dependency): one connection per message, EHLO,
 * STARTTLS when the server offers it (smtp://, default port 587) or TLS from the start
 * (smtps://, default port 465), AUTH PLAIN with the URL's user and password, then one
 * plain-text UTF-8 message (base64 body). Credentials are never sent over a clear channel
 * except to localhost. Retries are the mail worker's (mail-worker.ts); for bounces, DKIM or
 * pooling, put a local relay (e.g. Postfix) in front or switch to a full client.
 */
export function createSmtpTransport(url: URL, from: string, timeoutMs = 15_000): MailTransport {
	return { kind: 'smtp', send: (message) => sendSmtpMessage(url, from, message, timeoutMs) };
}

type Reply = { code: number; text: string };

class SmtpConnection {
	private buffer = '';
	private lines: string[] = [];
	private waiting: ((line: string) => void) | null = null;
	private failure: Error | null = null;

	constructor(public socket: net.Socket, timeoutMs: number) {
		this.attach(socket, timeoutMs);
	}

	attach(socket: net.Socket, timeoutMs: number): void {
		this.socket = socket;
		socket.setEncoding('utf8');
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('délai SMTP dépassé')));
		socket.on('data', (chunk: string) => {
			this.buffer += chunk;
			let index: number;
			while ((index = this.buffer.indexOf('\r\n')) >= 0) {
				this.lines.push(this.buffer.slice(0, index));
				this.buffer = this.buffer.slice(index + 2);
			}
			this.flush();
		});
		socket.on('error', (error) => this.fail(error));
		socket.on('close', () => this.fail(new Error('connexion SMTP fermée')));
	}

	private fail(error: Error): void {
		this.failure ??= error;
		this.flush();
	}

	private flush(): void {
		if (!this.waiting) return;
		const line = this.lines.shift();
		if (line !== undefined) {
			const resolve = this.waiting;
			this.waiting = null;
			resolve(line);
		} else if (this.failure) {
			const resolve = this.waiting;
			this.waiting = null;
			resolve('');
		}
	}

	private nextLine(): Promise<string> {
		return new Promise((resolve, reject) => {
			this.waiting = (line) => (line === '' && this.failure ? reject(this.failure) : resolve(line));
			this.flush();
		});
	}

	/** Reads one (possibly multi-line) reply and checks its code. */
	async read(expected: number[]): Promise<Reply> {
		const texts: string[] = [];
		for (;;) {
			const line = await this.nextLine();
			texts.push(line.slice(4));
			if (line[3] !== '-') {
				const code = Number(line.slice(0, 3));
				if (!expected.includes(code)) throw new Error(`réponse SMTP inattendue : ${line}`);
				return { code, text: texts.join('\n') };
			}
		}
	}

	async command(line: string, expected: number[]): Promise<Reply> {
		this.socket.write(`${line}\r\n`);
		return this.read(expected);
	}
}

function connect(url: URL, timeoutMs: number): Promise<net.Socket> {
	const host = url.hostname;
	const implicitTls = url.protocol === 'smtps:';
	const port = Number(url.port) || (implicitTls ? 465 : 587);
	return new Promise((resolve, reject) => {
		const socket = implicitTls
			? tls.connect({ host, port, servername: host }, () => resolve(socket))
			: net.connect({ host, port }, () => resolve(socket));
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('délai SMTP dépassé')));
		socket.once('error', reject);
	});
}

function upgradeToTls(socket: net.Socket, host: string): Promise<tls.TLSSocket> {
	return new Promise((resolve, reject) => {
		socket.removeAllListeners('data').removeAllListeners('close').removeAllListeners('error');
		const secure = tls.connect({ socket, servername: host }, () => resolve(secure));
		secure.once('error', reject);
	});
}

function encodeHeader(value: string): string {
	return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export function mailboxAddress(value: string): string {
	return /<([^>]+)>/.exec(value)?.[1]?.trim() ?? value.trim();
}

/** The message as sent after DATA: headers, blank line, base64 body in 76-character lines. */
export function formatMessage(from: string, message: MailMessage, date = new Date()): string {
	const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
	const domain = mailboxAddress(from).split('@')[1] ?? 'localhost';
	const headers = [
		`From: ${from.replace(/^([^<]+)</, (_, name: string) => `${encodeHeader(name.trim())} <`)}`,
		`To: ${message.to}`,
		`Subject: ${encodeHeader(message.subject)}`,
		`Date: ${date.toUTCString().replace('GMT', '+0000')}`,
		`Message-ID: <${crypto.randomUUID()}@${domain}>`,
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		'Content-Transfer-Encoding: base64'
	];
	return `${headers.join('\r\n')}\r\n\r\n${body.replace(/.{1,76}/g, '$&\r\n')}`;
}

export async function sendSmtpMessage(url: URL, from: string, message: MailMessage, timeoutMs = 15_000): Promise<void> {
	if (/[\r\n<>]/.test(message.to)) throw new Error('adresse de destination invalide');
	const conn = new SmtpConnection(await connect(url, timeoutMs), timeoutMs);
	try {
		await conn.read([220]);
		const hello = `EHLO ${os.hostname() || 'localhost'}`;
		let capabilities = (await conn.command(hello, [250])).text;
		let secure = url.protocol === 'smtps:';
		if (!secure && /^STARTTLS$/im.test(capabilities)) {
			await conn.command('STARTTLS', [220]);
			conn.attach(await upgradeToTls(conn.socket, url.hostname), timeoutMs);
			secure = true;
			capabilities = (await conn.command(hello, [250])).text;
		}
		if (url.username) {
			const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
			if (!secure && !local) throw new Error('le serveur SMTP ne propose pas STARTTLS : identifiants non envoyés');
			const credentials = `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`;
			await conn.command(`AUTH PLAIN ${Buffer.from(credentials, 'utf8').toString('base64')}`, [235]);
		}
		await conn.command(`MAIL FROM:<${mailboxAddress(from)}>`, [250]);
		await conn.command(`RCPT TO:<${message.to}>`, [250, 251]);
		await conn.command('DATA', [354]);
		await conn.command(`${formatMessage(from, message)}.`, [250]);
		await conn.command('QUIT', [221]).catch(() => undefined);
	} finally {
		conn.socket.destroy();
	}
}
