import { readFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { DteError, UsageError } from '../../domain/errors.js';
import { svgToPng } from '../png.js';
import { emailContent } from './emailContent.js';
import type { AlertChannel, Destination } from './types.js';

type EmailDestination = Extract<Destination, { channel: 'email' }>;

/** The SMTP server did not take the message (connection, TLS, auth or a refused recipient). */
export class EmailDeliveryError extends DteError {}

/** `<notification id@sender's domain>`: the same notification always has the same Message-ID. */
export function messageIdOf(notificationId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'dte-pipeline.invalid';
  return `<${notificationId}@${domain}>`;
}

/** Sends the notification as one email (HTML and plain text, chart inline) to the destination's list. */
export const emailChannel: AlertChannel<EmailDestination> = {
  name: 'email',
  describe: (d) => `email ${d.to.join(', ')}`,
  async send(notification, destination, { ctx, settings, secrets, target }) {
    const email = settings.email;
    if (!email) throw new UsageError('email recipients without alerts.email settings');
    const { smtp } = email;
    if (smtp.user && !secrets.smtpPassword)
      throw new UsageError('alerts.email.smtp.user is set: give its password in DTE_SMTP_PASSWORD');
    const content = emailContent(notification, target, email.language ?? settings.language);
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.require_tls,
      auth: smtp.user ? { user: smtp.user, pass: secrets.smtpPassword } : undefined,
      tls: smtp.ca_file ? { ca: readFileSync(path.resolve(ctx.baseDir, smtp.ca_file)) } : undefined,
      connectionTimeout: smtp.timeout_ms,
      greetingTimeout: smtp.timeout_ms,
      socketTimeout: smtp.timeout_ms,
    });
    try {
      const info = await transport.sendMail({
        from: email.from,
        to: destination.to,
        replyTo: email.reply_to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId: messageIdOf(notification.id, email.from),
        headers: { 'X-DTE-Notification-Id': notification.id },
        attachments: content.chart
          ? [
              {
                filename: 'chart.png',
                content: svgToPng(content.chart.svg),
                contentType: 'image/png',
                cid: content.chart.cid,
                contentDisposition: 'inline',
              },
            ]
          : [],
      });
      return `SMTP ${info.response}`;
    } catch (error) {
      throw new EmailDeliveryError(`email delivery failed: ${(error as Error).message}`, {
        notification: notification.id,
        smtp: `${smtp.host}:${smtp.port}`,
      });
    } finally {
      transport.close();
    }
  },
};
