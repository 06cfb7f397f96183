import { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { collectionSchema, embeddedSchema, list, nullable, required } from './schema-fields';

describe('field vocabulary', () => {
  it('spells the house conventions', () => {
    expect(required(String)).toEqual({ type: String, required: true });
    expect(nullable(Date)).toEqual({ type: Date, default: null });
    expect(list(String)).toEqual({ type: [String], default: [] });
    expect(required(String, { enum: ['A', 'B'], unique: true })).toEqual({
      type: String,
      required: true,
      enum: ['A', 'B'],
      unique: true,
    });
    expect(nullable(Schema.Types.ObjectId, { index: true })).toEqual({
      type: Schema.Types.ObjectId,
      default: null,
      index: true,
    });
  });

  it('returns a fresh options object every call', () => {
    expect(required(String)).not.toBe(required(String));
    expect(list(String).type).not.toBe(list(String).type);
  });
});

describe('collectionSchema', () => {
  it('names the collection and drops the version key', () => {
    const schema = collectionSchema('things', { a: required(String) });
    expect(schema.get('collection')).toBe('things');
    expect(schema.get('versionKey')).toBe(false);
  });

  it('takes further schema options', () => {
    expect(collectionSchema('things', {}, { minimize: false }).get('minimize')).toBe(false);
  });
});

describe('embeddedSchema', () => {
  it('has no _id of its own', () => {
    expect(embeddedSchema({ a: required(String) }).path('_id')).toBeUndefined();
  });
});
