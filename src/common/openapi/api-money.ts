import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/** Money as the API sends it: a decimal string with two places ("19.99", "-5.00"). */
export const MONEY_PATTERN = '^-?\\d+\\.\\d{2}$';
/** Money as the API accepts it in a string: at most two decimals ("19.99", "10"). */
export const MONEY_INPUT_PATTERN = '^\\d+(\\.\\d{1,2})?$';

type MoneyOptions = Pick<ApiPropertyOptions, 'description' | 'example' | 'required' | 'nullable'>;

/** A money field of a response body: `string` with MONEY_PATTERN. */
export function ApiMoney(options: MoneyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'string',
      pattern: MONEY_PATTERN,
      example: '19.99',
      ...options,
      ...(options.nullable ? { type: 'string', nullable: true } : {}),
    } as ApiPropertyOptions),
  );
}

/** A money field of a request body: a decimal string or a JSON number, at most two decimals. */
export function ApiMoneyInput(options: MoneyOptions = {}): PropertyDecorator {
  const { nullable, ...rest } = options as MoneyOptions & { nullable?: boolean };
  const branches = [
    { type: 'string', pattern: MONEY_INPUT_PATTERN, example: '19.99' },
    // No multipleOf: 0.01 is not exact in binary floating point; the server checks the decimals.
    { type: 'number', example: 19.99 },
  ];
  return applyDecorators(
    ApiProperty({
      // OpenAPI 3.0: `nullable` needs a `type` beside it, so a nullable input is nullable in each
      // branch, and anyOf (null matches both branches, which oneOf would refuse).
      ...(nullable ? { anyOf: branches.map((b) => ({ ...b, nullable: true })) } : { oneOf: branches }),
      description: 'A decimal string or number with at most two decimals',
      ...rest,
    } as ApiPropertyOptions),
  );
}
