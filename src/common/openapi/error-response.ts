import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBody } from '../errors';

/** The one error body of the API (API.md, Conventions): every 4xx and 5xx answers with it. */
export class ErrorResponse implements ErrorBody {
  @ApiProperty({ example: 409, minimum: 400, maximum: 599 })
  statusCode: number;

  @ApiProperty({ example: 'Conflict', description: 'The HTTP reason phrase' })
  error: string;

  @ApiProperty({ example: 'Not enough stock for one or more items' })
  message: string;

  @ApiProperty({
    example: 'INSUFFICIENT_STOCK',
    pattern: '^[A-Z][A-Z0-9_]*$',
    description: 'Stable UPPER_SNAKE code to branch on',
  })
  code: string;

  @ApiPropertyOptional({
    // Any JSON: an array of short lines, the validation messages, an object of context.
    oneOf: [
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
    description: 'Machine-readable context, e.g. the lines that are short of stock',
  })
  details?: unknown;
}
