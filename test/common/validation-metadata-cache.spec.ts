import { IsInt, IsString, MaxLength, Min, getMetadataStorage, validate } from 'class-validator';
import { cacheValidationMetadata } from '../../src/common/validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  quantity!: number;
}

function messagesOf(errors: Awaited<ReturnType<typeof validate>>): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {})).sort();
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('gives the same rules as the uncached lookup, inherited ones included, and the same array twice', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    const again = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(again).toBe(first);
    expect(first.map((m) => `${m.propertyName}:${m.name ?? m.type}`).sort()).toEqual(
      ['name:isString', 'quantity:isInt', 'quantity:min'].sort(),
    );
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
  });

  it('validates as before, and keys the cache by the options (groups)', async () => {
    const child = Object.assign(new Child(), { name: 7, quantity: 0 });
    expect(messagesOf(await validate(child))).toEqual([
      'name must be a string',
      'quantity must not be less than 1',
    ]);
    // With a group asked for, rules without groups are left out (always: false): no rule applies,
    // which class-validator reports as an unknown value.
    expect(messagesOf(await validate(child, { groups: ['other'] }))).toEqual([
      'an unknown value was passed to the validate function',
    ]);
    expect(messagesOf(await validate(child))).toHaveLength(2);
  });

  it('sees a rule added after a lookup was cached', async () => {
    const child = Object.assign(new Child(), { name: 'a long name', quantity: 2 });
    expect(await validate(child)).toEqual([]);
    MaxLength(3)(Child.prototype, 'name');
    expect(messagesOf(await validate(child))).toEqual(['name must be shorter than or equal to 3 characters']);
  });

  it('installs once', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
