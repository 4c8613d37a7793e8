import { Check, Column } from 'typeorm';

/** The CHECK of migration 0013: a JSON object, never an array, a string or null. */
export const METADATA_CHECK_SQL = `jsonb_typeof("metadata") = 'object'`;

/**
 * The `metadata` column of an entity (JSONB, `{}` by default) with its CHECK, named as migration 0013
 * names it (`chk_<table>_metadata`), so the drift check sees both without a class-level decorator.
 */
export function MetadataColumn(table: string): PropertyDecorator {
  const column = Column({ type: 'jsonb', default: () => `'{}'` });
  const check = Check(`chk_${table}_metadata`, METADATA_CHECK_SQL);
  return (target: object, propertyKey: string | symbol) => {
    column(target, propertyKey);
    check(target, propertyKey);
  };
}

/** The entity property's type, re-exported so that an entity needs one import. */
export type { Metadata } from './metadata';
