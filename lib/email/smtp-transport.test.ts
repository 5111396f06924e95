import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from './smtp-transport';

/**
 * The real nodemailer client against a minimal SMTP server on loopback
 * (RFC 5321 commands only: EHLO, MAIL, RCPT, DATA, QUIT), which records what
 * it was sent and can refuse the recipient.
 */
interface Received {
  from: string;
  to: string[];
  data: string;
}
const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function smtpServer(refuseRecipient = false): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let current: Received = { from: '', to: [], data: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 queued');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test');
        else if (verb === 'MAIL') (current.from = line, reply('250 ok'));
        else if (verb === 'RCPT') refuseRecipient ? reply('550 no such user') : (current.to.push(line), reply('250 ok'));
        else if (verb === 'DATA') (inData = true, reply('354 go ahead'));
        else if (verb === 'QUIT') (reply('221 bye'), socket.end());
        else reply('502 not implemented');
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

const message = {
  to: 'someone@example.test',
  subject: 'You are invited',
  text: 'Open https://acme.example.test/invite/abc',
  html: '<p>Open <a href="https://acme.example.test/invite/abc">the link</a></p>',
};

describe('createSmtpTransport', () => {
  it('delivers the message with the configured sender, subject, text and HTML', async () => {
    const server = await smtpServer();
    const transport = createSmtpTransport({ url: server.url, from: 'Tenantforge <no-reply@example.test>', timeoutMs: 5_000 });
    await transport.send(message);
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.from).toContain('no-reply@example.test');
    expect(mail?.to.join()).toContain('someone@example.test');
    expect(mail?.data).toContain('Subject: You are invited');
    expect(mail?.data).toContain('text/html');
    expect(mail?.data).toContain('/invite/abc');
  });

  it('a refused recipient or an unreachable server fails the send (the job retries it)', async () => {
    const refusing = await smtpServer(true);
    await expect(createSmtpTransport({ url: refusing.url, from: 'x@example.test', timeoutMs: 5_000 }).send(message)).rejects.toThrow();
    const closed = await smtpServer();
    const url = closed.url;
    servers.pop()?.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(createSmtpTransport({ url, from: 'x@example.test', timeoutMs: 2_000 }).send(message)).rejects.toThrow();
  });
});
