import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { OrderReturnResponse } from '../../orders/dto/order-fulfilment.dto';
import { RETURN_STATUSES, ReturnStatus } from '../fulfilment.types';
import { LineQuantityDto } from './line-quantity.dto';

const MAX_LINES = 500;

export class CreateReturnDto {
  @ApiProperty({ type: [LineQuantityDto], description: 'Each order item at most once', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  items: LineQuantityDto[];

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Too small' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class ReceivedLineDto extends LineQuantityDto {
  @ApiProperty({ description: 'Put the received units back in stock' })
  @IsBoolean()
  restock: boolean;
}

export class ReceiveReturnDto {
  @ApiProperty({
    type: [ReceivedLineDto],
    minItems: 1,
    description:
      'The lines that came back (each at most once, at most what the return asked for); lines left out came back with 0',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineDto)
  items: ReceivedLineDto[];
}

export class ListReturnsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: RETURN_STATUSES })
  @IsOptional()
  @IsIn(RETURN_STATUSES)
  status?: ReturnStatus;
}

/** The order view's return entry, with its order. */
export class ReturnResponse extends OrderReturnResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
