import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { formatMoney, MAX_DECIMAL_10_2, Money, moneyFromInput } from './money';

export interface MoneyInputOptions {
  /** Smallest allowed amount in minor units (default 0). */
  min?: Money;
  /** Largest allowed amount in minor units (default: what DECIMAL(10,2) holds). */
  max?: Money;
}

/**
 * A money field of a request body: accepts `"19.99"`, `"10"` or a JSON number with at most two
 * decimals, and hands the DTO an integer number of minor units. Anything else (more decimals,
 * out of range, not a number) fails validation with a 400, never reaching the database.
 */
export function MoneyInput(options: MoneyInputOptions = {}): PropertyDecorator {
  const min = options.min ?? 0;
  const max = options.max ?? MAX_DECIMAL_10_2;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => moneyFromInput(value) ?? value, { toClassOnly: true }),
    ValidateBy({
      name: 'isMoney',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be an amount with at most two decimals between ${formatMoney(min)} and ${formatMoney(max)} (e.g. "19.99")`,
      },
    }),
  );
}
