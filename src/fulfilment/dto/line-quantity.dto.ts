import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** Some units of one order line (fulfilments, return requests). */
export class LineQuantityDto {
  @ApiProperty({ format: 'uuid', description: 'An order item of this order (items[].id)' })
  @IsUUID()
  orderItemId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;
}
