import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes, by first letter. A shape check alone
 * (`^[A-Z]{2}$`) would let "XX" or "UK" into an address, a tax rate or a zone, and a zone that lists a
 * code no address ever carries silently ships nowhere.
 */
const ASSIGNED = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'YE YT',
  'ZA ZM ZW',
].join(' ');

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ASSIGNED.split(' '));

/** True for an assigned ISO 3166-1 alpha-2 code, uppercase ("DE"; not "de", "XX" or "UK"). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODES.has(value);
}

/** An assigned ISO 3166-1 alpha-2 code in uppercase ("DE"); `{ each: true }` for a list. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'country'} must be an assigned ISO 3166-1 alpha-2 country code, e.g. "DE"`,
      },
    },
    options,
  );
}

/**
 * A `country` body field of addresses and tax rates: any case and surrounding spaces on input ("de "),
 * stored upper-case (the CHECKs of migrations 0009 and 0020 insist), assigned codes only.
 */
export function CountryInput({ example = 'US', required = true } = {}): PropertyDecorator {
  const decorators = [
    ApiProperty({
      required,
      example,
      pattern: '^[A-Za-z]{2}$',
      description: 'An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)',
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toUpperCase() : value,
    ),
    IsCountryCode(),
  ];
  return (target: object, property: string | symbol) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
