import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type RulesByProperty = ReturnType<MetadataStorage['groupByPropertyName']>;

const INSTALLED = Symbol('validation-metadata-cache');

/**
 * class-validator looks a DTO's rules up on every `validate()`: it filters the class's own rules and
 * walks every class that has any (for inherited ones), then groups them by property. With a few hundred
 * DTO classes that lookup was a larger share of the app's CPU under load than the checks themselves.
 * The rules are fixed once the decorated classes are loaded, so the two lookups are remembered per
 * class and options, and forgotten whenever a rule is added (a class loaded later, a schema).
 * Idempotent: installing twice keeps one cache.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  let rules = new Map<unknown, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, RulesByProperty>();
  const forget = (): void => {
    rules = new Map();
    grouped = new WeakMap();
  };

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let ofTarget = rules.get(target);
    if (!ofTarget) rules.set(target, (ofTarget = new Map<string, Rules>()));
    let found = ofTarget.get(key);
    if (!found) ofTarget.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (list) => {
    let found = grouped.get(list);
    if (!found) grouped.set(list, (found = group(list)));
    return found;
  };

  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addRule(metadata);
  };
}
