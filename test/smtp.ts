import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '#server/mail.ts';

export interface ReceivedMail {
  to: string[];
  /** The message as raw RFC 5322 text. */
  raw: string;
}

export interface TestSmtp {
  /** Every message received so far, in order (a test may empty it). */
  received: ReceivedMail[];
  /** The next message to arrive. */
  nextMail(): Promise<ReceivedMail>;
  /** A mailer that sends to this server. */
  mailer: Mailer;
  close(): Promise<void>;
}

/** A real SMTP server in this process (outside world faked at the wire): start it in beforeAll, close it in afterAll. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiting: ((m: ReceivedMail) => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    received,
    nextMail: () => new Promise((resolve) => waiting.push(resolve)),
    mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Lotse <no-reply@lotse.invalid>', dataDir: '/nonexistent' }),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
