import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { defineModel, defineModels } from './model-on';
import { collectionSchema, list, nullable, required } from './schema-fields';

describe('defineModel', () => {
  const conn = mongoose.createConnection();
  afterAll(() => conn.close());

  it('registers the model on a connection once and reuses it', () => {
    const thingModel = defineModel('Thing', collectionSchema('things', { a: required(String) }));
    const model = thingModel(conn);
    expect(model.modelName).toBe('Thing');
    expect(model.collection.collectionName).toBe('things');
    expect(thingModel(conn)).toBe(model);
  });

  it("binds a service's factories to one connection, by name", () => {
    const models = defineModels({
      things: defineModel('Thing', collectionSchema('things', {})),
      others: defineModel('Another', collectionSchema('others', {})),
    })(conn);
    expect(Object.keys(models)).toEqual(['things', 'others']);
    expect(models.things).toBe(conn.models.Thing);
    expect(models.others.modelName).toBe('Another');
  });

  it('gives documents whose fields behave as the house conventions say', async () => {
    const schema = collectionSchema<{ a: string; b: Date | null; c: string[] }>('others', {
      a: required(String),
      b: nullable(Date),
      c: list(String),
    });
    const Other = defineModel('Other', schema)(conn);
    const doc = new Other({});
    expect(doc.toObject()).toMatchObject({ b: null, c: [] });
    await expect(doc.validate()).rejects.toThrow(/`a` is required/);
  });
});
