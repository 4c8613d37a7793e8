import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { OrdersModule } from '../orders/orders.module';
import { StoresModule } from '../stores/stores.module';
import { MailDelivery } from './entities/mail-delivery.entity';
import { MailDeliveries } from './mail-deliveries.service';
import { MailSender } from './mail-sender.service';
import { MailTokens } from './mail-tokens';
import { OrderMailReader } from './order-mail-reader';
import { AccountMailSubscriber } from './subscribers/account-mail.subscriber';
import { OrderMailSubscriber } from './subscribers/order-mail.subscriber';
import { MAIL_TRANSPORT, MailTransport } from './transport/mail-transport';
import { mailTransportProvider } from './transport/mail-transport.provider';

/**
 * The shop's emails (docs/mail.md): subscribers of the account and order events, after their commit,
 * through one transport (SMTP, or .eml files in the default run). Owns `mail_deliveries` (migration
 * 0017); reads orders, stores and profiles through their modules' services. Exports nothing: other
 * modules ask for an email by recording the event it follows.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MailDelivery]), AuthModule, OrdersModule, StoresModule],
  providers: [
    mailTransportProvider,
    MailDeliveries,
    MailSender,
    MailTokens,
    OrderMailReader,
    AccountMailSubscriber,
    OrderMailSubscriber,
  ],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
