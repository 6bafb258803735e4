/**
 * A real SMTP server on the loopback interface (smtp-server, from the nodemailer project), for the
 * delivery tests: it receives real messages, parsed back with mailparser. `refuse` answers 550 to some
 * recipients; `dropOn` cuts the connection in the middle of the DATA phase of some messages, as a
 * server that crashes or a network that fails would.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly envelopeTo: string[];
  readonly raw: string;
  readonly parsed: ParsedMail;
}

export interface SmtpTestServer {
  readonly url: string;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(
  options: { refuse?: (address: string) => boolean; dropOn?: (address: string) => boolean } = {},
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      const to = session.envelope.rcptTo.map((r) => r.address);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (to.some((address) => options.dropOn?.(address))) {
          for (const connection of server.connections)
            if ((connection as unknown as { id: string }).id === session.id)
              (connection as unknown as { _socket: { destroy(): void } })._socket.destroy();
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ envelopeTo: to, raw, parsed: await simpleParser(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
