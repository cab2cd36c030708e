import net from 'node:net';

export interface SmtpStub {
	url: string;
	/** Messages accepted (the DATA of each), in order. */
	delivered: string[];
	/** Connections opened so far. */
	connections: () => number;
	/** Lets held connections go on (see `hold`). */
	release: () => void;
	close: () => Promise<void>;
}

/**
 * A small SMTP server on 127.0.0.1. `hold`: the greeting waits until release(), like a slow
 * or stuck relay. `failMail`: every MAIL FROM is answered 451 (temporary failure).
 */
export async function startSmtpStub({ hold = false, failMail = false } = {}): Promise<SmtpStub> {
	const delivered: string[] = [];
	const sockets = new Set<net.Socket>();
	let connections = 0;
	let releaseGate: () => void = () => {};
	const gate = hold ? new Promise<void>((resolve) => (releaseGate = resolve)) : Promise.resolve();
	const server = net.createServer((socket) => {
		connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		let buffer = '';
		let data: string | null = null;
		void gate.then(() => {
			if (socket.destroyed) return;
			socket.write('220 stub ESMTP\r\n');
			socket.on('data', (chunk) => {
				buffer += chunk.toString('utf8');
				let index: number;
				while ((index = buffer.indexOf('\r\n')) >= 0) {
					const line = buffer.slice(0, index);
					buffer = buffer.slice(index + 2);
					if (data !== null) {
						if (line === '.') {
							delivered.push(data);
							data = null;
							socket.write('250 ok\r\n');
						} else data += `${line}\n`;
						continue;
					}
					const verb = line.split(' ')[0]!.toUpperCase();
					if (verb === 'EHLO') socket.write('250-stub\r\n250 8BITMIME\r\n');
					else if (verb === 'MAIL') socket.write(failMail ? '451 4.3.0 essayez plus tard\r\n' : '250 ok\r\n');
					else if (verb === 'RCPT') socket.write('250 ok\r\n');
					else if (verb === 'DATA') {
						data = '';
						socket.write('354 go\r\n');
					} else if (verb === 'QUIT') socket.end('221 bye\r\n');
					else socket.write('502 unknown\r\n');
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		delivered,
		connections: () => connections,
		release: () => releaseGate(),
		close: () =>
			new Promise<void>((resolve) => {
				releaseGate();
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}

/** The decoded text of a delivered message (its base64 body). */
export function deliveredText(data: string): string {
	const body = data.split('\n\n').slice(1).join('').replace(/\n/g, '');
	return Buffer.from(body, 'base64').toString('utf8');
}
