// Reminder e-mails through the deployment's SMTP server (ACOMPANA_SMTP_URL). Without it there is
// no mailer and reminders stay in the app. Messages carry no personal data: no names, no case
// details, only "a deadline is due" and a link to sign in.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string | undefined): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from: from ?? 'Acompaña <no-reply@acompana.invalid>',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },
    close: () => transport.close(),
  };
}
