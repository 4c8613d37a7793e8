import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDelivery,
  WebhookDeliveryStatus,
} from '../entities/webhook-delivery.entity';
import { WebhookEndpoint } from '../entities/webhook-endpoint.entity';
import { PING_EVENT_TYPE, WEBHOOK_EVENT_TYPES, WebhookEventType } from '../webhook-event-types';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/commerce',
    maxLength: 2048,
    description:
      'http:// or https://. A host that is or resolves to a loopback, private or link-local address is ' +
      'refused (400 WEBHOOK_URL_NOT_ALLOWED) unless the server runs with WEBHOOK_ALLOW_PRIVATE=true.',
  })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    type: [String],
    enum: WEBHOOK_EVENT_TYPES,
    minItems: 1,
    uniqueItems: true,
    description: 'The event types to send to this endpoint',
    example: ['order.paid', 'order.refunded'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, {
    each: true,
    message: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  events: WebhookEventType[];

  @ApiPropertyOptional({ description: 'true when created without it. false: nothing is sent.' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}

export class ListWebhookDeliveriesQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ example: 'https://hooks.example.com/commerce' }) url: string;
  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES, example: ['order.paid'] }) events: string[];
  @ApiProperty({ description: 'false: turned off by an admin, or disabled after repeated failures' })
  isActive: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When repeated failures disabled it; null otherwise (PATCH isActive: true clears it)',
  })
  disabledAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Failed sends since the last success' })
  consecutiveFailures: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(e: WebhookEndpoint): WebhookResponse {
    return {
      id: e.id,
      storeId: e.storeId,
      url: e.url,
      events: e.events,
      isActive: e.isActive,
      disabledAt: e.disabledAt?.toISOString() ?? null,
      consecutiveFailures: e.consecutiveFailures,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

/** The creation response: the only one that shows the signing secret. */
export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (`whsec_` + base64 of 32 random bytes), shown this once: store it now. ' +
      'Verify each delivery’s `webhook-signature` with it (Standard Webhooks).',
  })
  secret: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event’s id: the `webhook-id` header of every attempt' })
  eventId: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, PING_EVENT_TYPE], example: 'order.paid' }) eventType: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Sends so far' }) attempts: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'HTTP status of the last answer; null before the first send or without an answer (timeout)',
  })
  lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 500' }) lastError: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next send is due (pending only); null once succeeded or failed',
  })
  nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;

  static from(d: WebhookDelivery): WebhookDeliveryResponse {
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    };
  }
}
