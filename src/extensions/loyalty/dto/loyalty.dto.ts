import { ApiProperty } from '@nestjs/swagger';
import { formatMoney } from '../../../common/money';
import { ApiMoney } from '../../../common/openapi';
import { LOYALTY_REASONS, LoyaltyReason } from '../loyalty.types';
import { LEDGER_ENTRIES_SHOWN, LoyaltyBalance } from '../services/loyalty-ledger.service';
import { LoyaltyLedgerEntry } from '../entities/loyalty-ledger-entry.entity';

export class LoyaltyEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The order the points are for' }) orderId: string;

  @ApiProperty({
    type: 'integer',
    description:
      'Signed: positive for a credit (order_paid), zero or negative for a take-back (order_refunded)',
    example: 42,
  })
  points: number;

  @ApiProperty({ enum: LOYALTY_REASONS, example: 'order_paid' }) reason: LoyaltyReason;

  @ApiMoney({ example: '42.50', description: 'What was paid (order_paid) or refunded (order_refunded)' })
  amount: string;

  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(entry: LoyaltyLedgerEntry): LoyaltyEntryResponse {
    return {
      id: entry.id,
      orderId: entry.orderId,
      points: entry.points,
      reason: entry.reason,
      amount: formatMoney(entry.amount),
      createdAt: entry.createdAt.toISOString(),
    };
  }
}

export class LoyaltyBalanceResponse {
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'uuid', description: 'The customer whose points these are' }) profileId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Points now: the sum of all entries, never below zero',
    example: 42,
  })
  balance: number;

  @ApiProperty({
    type: [LoyaltyEntryResponse],
    description: `The newest ${LEDGER_ENTRIES_SHOWN} ledger entries, newest first`,
  })
  entries: LoyaltyEntryResponse[];

  static from(balance: LoyaltyBalance): LoyaltyBalanceResponse {
    return {
      storeId: balance.storeId,
      profileId: balance.profileId,
      balance: balance.balance,
      entries: balance.entries.map((e) => LoyaltyEntryResponse.from(e)),
    };
  }
}
