// A real SMTP server for the account tests (the smtp-server dev dependency): the links of
// invitation and reset e-mails are read from the messages as a person would read them.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  body: string;
}

/** The message as a reader sees it: soft line breaks joined, =XX bytes decoded as UTF-8. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

export interface TestMailbox {
  url: string;
  mails: CaughtMail[];
  /** The newest message to this address, waiting up to two seconds for it to arrive. */
  waitFor(to: string, after?: number): Promise<CaughtMail>;
  /** The token in the newest link of this kind sent to this address. */
  linkToken(to: string, kind: 'invitation' | 'reset', after?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startTestMailbox(): Promise<TestMailbox> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: decodeQuotedPrintable(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  async function waitFor(to: string, after = 0): Promise<CaughtMail> {
    for (let i = 0; i < 100; i++) {
      const found = mails.slice(after).filter((m) => m.to.includes(to));
      const last = found[found.length - 1];
      if (last) return last;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no e-mail to ${to}`);
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor,
    async linkToken(to, kind, after = 0) {
      // The newest message with such a link (notices of changes carry none).
      const pattern = new RegExp(`/app/account/${kind}#token=([A-Za-z0-9_-]+)`);
      for (let i = 0; i < 100; i++) {
        const found = mails
          .slice(after)
          .filter((m) => m.to.includes(to))
          .map((m) => pattern.exec(m.body)?.[1])
          .filter((token): token is string => token !== undefined);
        const last = found[found.length - 1];
        if (last) return last;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no ${kind} link in the e-mails to ${to}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
