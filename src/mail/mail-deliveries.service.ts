import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MailDelivery } from './entities/mail-delivery.entity';
import { MailTemplate } from './mail.types';

/** The record of emails sent per (event, template): what makes a redelivered event send nothing. */
@Injectable()
export class MailDeliveries {
  constructor(@InjectRepository(MailDelivery) private readonly deliveries: Repository<MailDelivery>) {}

  wasSent(eventId: string, template: MailTemplate): Promise<boolean> {
    return this.deliveries.existsBy({ eventId, template });
  }

  /** One autocommit statement, after the send: a transaction here would only hold a connection longer. */
  async recordSent(eventId: string, template: MailTemplate, messageId: string): Promise<void> {
    await this.deliveries
      .createQueryBuilder()
      .insert()
      .values({ eventId, template, messageId })
      .orIgnore()
      .execute();
  }
}
