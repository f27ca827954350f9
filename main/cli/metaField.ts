/// `awb meta set --clear FIELD`: the field names it takes (`published` for `publishedAt`), in a
/// module of its own so that reading the options loads nothing else of the command.
import { InvalidArgumentError } from 'commander';
import { META_FIELDS, type MetaField } from '../core/documentDetails.js';

/// `--clear`'s argument: a metadata field's name.
export function parseMetaField(value: string): MetaField {
  const field = value === 'published' ? 'publishedAt' : value;
  if (!(META_FIELDS as readonly string[]).includes(field)) {
    throw new InvalidArgumentError(`expected one of ${META_FIELDS.map((f) => (f === 'publishedAt' ? 'published' : f)).join(', ')}`);
  }
  return field as MetaField;
}
