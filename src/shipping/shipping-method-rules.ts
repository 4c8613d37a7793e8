import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { RatedMethod, tierOrderProblem } from './shipping-rates';
import { RateType, WeightTier } from './shipping.types';

/** The rate fields a create or update asks for (undefined: not sent; null: clear). */
export interface RateInput {
  rateType?: RateType;
  amount?: Money;
  freeOver?: Money | null;
  weightTiers?: WeightTier[] | null;
}

function invalid(field: string, message: string): AppException {
  return new AppException(400, 'VALIDATION_FAILED', message, [{ field, errors: [message] }]);
}

/**
 * The rate a method ends up with after `input` is applied to `current` (null on create), or a 400
 * naming the field: free_over needs freeOver, weight needs weightTiers (strictly ascending), flat and
 * free_over need an amount; a field that does not belong to the resulting type may not be sent (and a
 * stored one is cleared when the type changes away from it).
 */
export function resolveRate(current: RatedMethod | null, input: RateInput): RatedMethod {
  const rateType = input.rateType ?? current?.rateType;
  if (rateType === undefined) throw invalid('rateType', 'rateType is required');

  const amount = input.amount ?? current?.amount ?? (rateType === 'weight' ? 0 : undefined);
  if (amount === undefined) throw invalid('amount', `amount is required for ${rateType}`);

  const freeOver = ownField(
    rateType === 'free_over',
    'freeOver',
    input.freeOver,
    current?.freeOver,
    rateType,
  );
  const weightTiers = ownField(
    rateType === 'weight',
    'weightTiers',
    input.weightTiers,
    current?.weightTiers,
    rateType,
  );
  if (weightTiers) {
    const problem = tierOrderProblem(weightTiers);
    if (problem) throw invalid('weightTiers', problem);
  }
  return { rateType, amount, freeOver, weightTiers };
}

/** A field that only one rate type has: required there (sent or stored), refused and cleared elsewhere. */
function ownField<T>(
  belongs: boolean,
  field: string,
  sent: T | null | undefined,
  stored: T | null | undefined,
  rateType: RateType,
): T | null {
  if (!belongs) {
    if (sent !== undefined && sent !== null) throw invalid(field, `${field} does not apply to ${rateType}`);
    return null;
  }
  const value = sent === undefined ? (stored ?? null) : sent;
  if (value === null) throw invalid(field, `${field} is required for ${rateType}`);
  return value;
}
