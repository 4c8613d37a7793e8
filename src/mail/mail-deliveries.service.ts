import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryStatement, runStatement } from '../database/prepared-query';
import { mailWasSentStatement, recordMailSentStatement } from './mail-deliveries-sql';
import { MailTemplate } from './mail.types';

/** The record of emails sent per (event, template): what makes a redelivered event send nothing. */
@Injectable()
export class MailDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  async wasSent(eventId: string, template: MailTemplate): Promise<boolean> {
    const rows = await queryStatement(this.dataSource.manager, mailWasSentStatement(eventId, template));
    return rows.length > 0;
  }

  /** One autocommit statement, after the send: a transaction here would only hold a connection longer. */
  async recordSent(eventId: string, template: MailTemplate, messageId: string): Promise<void> {
    await runStatement(this.dataSource.manager, recordMailSentStatement(eventId, template, messageId));
  }
}
