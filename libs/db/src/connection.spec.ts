import { MongoClient, WriteConcern } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { connectionOptions } from './connection';

/** What the driver makes of a URI plus our options (a client is built, never connected). */
function driverOptions(uri: string) {
  const client = new MongoClient(uri, connectionOptions({ uri, dbName: 'portal_content' }));
  const { writeConcern, retryWrites, maxPoolSize } = client.options;
  return { w: WriteConcern.fromOptions({ writeConcern })?.w, retryWrites, maxPoolSize };
}

describe('connection options', () => {
  it('writes to a majority with retries on a replica set (replicaSet= or mongodb+srv://)', () => {
    for (const uri of [
      'mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0',
      'mongodb://127.0.0.1:27017/?replicaSet=rs0&directConnection=false',
    ])
      expect(driverOptions(uri), uri).toEqual({
        w: 'majority',
        retryWrites: true,
        maxPoolSize: 20,
      });
    expect(
      connectionOptions({ uri: 'mongodb+srv://cluster0.example.net/', dbName: 'd' }),
    ).toMatchObject({ w: 'majority', retryWrites: true });
  });

  it('leaves a single server (FerretDB, a standalone MongoDB) on its defaults', () => {
    for (const uri of ['mongodb://127.0.0.1:27017/', 'mongodb://db.internal:27017/portal']) {
      const options = connectionOptions({ uri, dbName: 'd' });
      expect(options, uri).not.toHaveProperty('w');
      expect(options, uri).not.toHaveProperty('retryWrites');
    }
  });

  it('keeps what the URI says over its own choice', () => {
    expect(
      driverOptions('mongodb://a:27017,b:27017/?replicaSet=rs0&w=1&retryWrites=false'),
    ).toEqual({ w: 1, retryWrites: false, maxPoolSize: 20 });
    expect(driverOptions('mongodb://a:27017/?replicaset=rs0&W=2')).toMatchObject({
      w: 2,
      retryWrites: true,
    });
  });
});
