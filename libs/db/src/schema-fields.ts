import {
  Schema,
  type SchemaDefinition,
  type SchemaDefinitionType,
  type SchemaOptions,
  type SchemaTypeOptions,
} from 'mongoose';

// The house conventions, written once: a field is either required, or stored as null when
// unset (never absent, so queries can match `null` and documents all have the same keys),
// and lists are stored as `[]` when empty. Each call returns a fresh options object, so no
// two schemas share one.

/** What a field holds: `String`, `Number`, `Date`, `Schema.Types.ObjectId`… or a sub-schema. */
type FieldType = SchemaTypeOptions<any>['type'];

/** More options of a field (`enum`, `unique`, `index`, `select`, `default`…). */
type FieldOptions = Omit<SchemaTypeOptions<any>, 'type'>;

/** A field every document has: `{ type, required: true, ...options }`. */
export function required(type: FieldType, options?: FieldOptions): SchemaTypeOptions<any> {
  return { type, required: true, ...options };
}

/** A field stored as null when unset, never absent: `{ type, default: null, ...options }`. */
export function nullable(type: FieldType, options?: FieldOptions): SchemaTypeOptions<any> {
  return { type, default: null, ...options };
}

/** A list of `type`, stored as `[]` when empty: `{ type: [type], default: [], ...options }`. */
export function list(type: FieldType, options?: FieldOptions): SchemaTypeOptions<any> {
  return { type: [type], default: [], ...options };
}

/** The schema of a model's collection, with the house options: no version key (`__v`). */
export function collectionSchema<T>(
  collection: string,
  fields: SchemaDefinition<SchemaDefinitionType<T>, T>,
  options?: SchemaOptions<any>,
): Schema<T> {
  return new Schema<T>(fields, { collection, versionKey: false, ...options });
}

/** The schema of a sub-document kept inside its parent: no `_id` of its own. */
export function embeddedSchema<T>(fields: SchemaDefinition<SchemaDefinitionType<T>, T>): Schema<T> {
  return new Schema<T>(fields, { _id: false });
}
