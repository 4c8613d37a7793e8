import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { isCountryCode } from '../countries';

/** An assigned ISO 3166-1 alpha-2 code in uppercase ("DE"); `{ each: true }` for a list. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'country'} must be ISO 3166-1 alpha-2 country codes in uppercase (e.g. "DE")`,
      },
    },
    options,
  );
}
