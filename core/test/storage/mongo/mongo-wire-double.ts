/**
 * TEST DOUBLE: an in-process server speaking the MongoDB wire protocol, built on `mongodb-mock-server`
 * (framing, OP_QUERY, OP_REPLY) with `mingo` evaluating filters, sorts, projections, updates and
 * aggregation pipelines over documents kept in memory. No MongoDB server can be installed here.
 *
 * It answers what the official driver and TypeORM send for the stores: hello/isMaster, ping, insert,
 * find, update (upsert, $set, replacement), delete, aggregate, count, distinct, createIndexes,
 * listIndexes, listCollections, drop, endSessions. It does NOT enforce unique indexes, has no
 * transactions and returns every result in the first batch (no getMore); see src/storage/mongo/README.md.
 *
 * The hello reply carries `__nodejs_mock_server__`, which makes the driver send its commands as
 * OP_QUERY (the only request format mongodb-mock-server parses) instead of OP_MSG.
 */
import path from 'node:path';
import { Aggregator, find as mingoFind, Query, update as mingoUpdate } from 'mingo';

type Doc = Record<string, unknown>;

interface MockRequest {
  document: Doc;
  response: { ns?: string };
  reply(docs: Doc | Doc[]): void;
}
interface MockServer {
  port: number;
  host: string;
  setMessageHandler(handler: (request: MockRequest) => void): void;
  destroy(): Promise<void>;
}
interface MockServerModule {
  createServer(port: number, host: string): Promise<MockServer>;
}
interface Bson4 {
  ObjectId: new () => { toHexString(): string };
  Long: { ZERO: unknown };
}

/**
 * mongodb-mock-server loads `snappy` (a native module) at start-up only to support compressed messages.
 * Its install script would download a prebuilt binary, so it is denied in the root package.json; the driver
 * here never asks for compression, so a stub that fails loudly if ever called stands in for it.
 */
function loadMockServer(): { mock: MockServerModule; bson: Bson4 } {
  const mockDir = path.dirname(require.resolve('mongodb-mock-server/package.json'));
  const snappyPath = require.resolve('snappy', { paths: [mockDir] });
  if (!require.cache[snappyPath]) {
    const unsupported = () => { throw new Error('mongo-wire-double: snappy compression is not supported'); };
    const stub = { compressSync: unsupported, uncompressSync: unsupported };
    require.cache[snappyPath] = { id: snappyPath, filename: snappyPath, loaded: true, exports: stub } as unknown as NodeJS.Module;
  }
  const mock = require('mongodb-mock-server') as MockServerModule;
  const bson = require(require.resolve('bson', { paths: [mockDir] })) as Bson4;
  return { mock, bson };
}

/** A command the double received, kept so tests can check what reached the database. */
export interface ReceivedCommand {
  name: string;
  db: string;
  body: Doc;
}

const ADMIN_COMMANDS = new Set(['ping', 'endSessions', 'killCursors', 'buildInfo', 'buildinfo', 'getLastError', 'saslStart', 'logout']);

export class MongoWireDouble {
  /** Collections by "db.collection". */
  readonly collections = new Map<string, Doc[]>();
  readonly indexes = new Map<string, Doc[]>();
  readonly received: ReceivedCommand[] = [];

  private constructor(private readonly server: MockServer, private readonly bson: Bson4) {}

  static async start(): Promise<MongoWireDouble> {
    const { mock, bson } = loadMockServer();
    const server = await mock.createServer(0, '127.0.0.1');
    const double = new MongoWireDouble(server, bson);
    server.setMessageHandler((request) => double.handle(request));
    return double;
  }

  /** A connection URL for a database on this server. */
  url(db = 'test'): string {
    return `mongodb://127.0.0.1:${this.server.port}/${db}?directConnection=true`;
  }

  /** The documents of a collection (the live array; tests may seed it). */
  collection(db: string, name: string): Doc[] {
    const key = `${db}.${name}`;
    let docs = this.collections.get(key);
    if (!docs) this.collections.set(key, (docs = []));
    return docs;
  }

  newObjectId(): { toHexString(): string } {
    return new this.bson.ObjectId();
  }

  async stop(): Promise<void> {
    await this.server.destroy();
  }

  private handle(request: MockRequest): void {
    let body = request.document;
    if (body && typeof body.$query === 'object') body = body.$query as Doc; // OP_QUERY wrapping of a read preference
    const name = Object.keys(body)[0] ?? '';
    const db = typeof body.$db === 'string' ? body.$db : (request.response.ns ?? 'admin.$cmd').split('.')[0]!;
    this.received.push({ name, db, body });
    try {
      request.reply({ ...this.run(name, db, body), ok: 1 });
    } catch (err) {
      request.reply({ ok: 0, errmsg: `mongo-wire-double: ${(err as Error).message}`, code: 59, codeName: 'CommandNotFound' });
    }
  }

  private run(name: string, db: string, body: Doc): Doc {
    if (ADMIN_COMMANDS.has(name)) return {};
    switch (name) {
      case 'hello': case 'ismaster': case 'isMaster': return this.hello();
      case 'insert': return this.insert(this.collection(db, body.insert as string), sequence(body.documents));
      case 'find': return this.find(db, body);
      case 'update': return this.update(this.collection(db, body.update as string), sequence(body.updates));
      case 'delete': return this.delete(this.collection(db, body.delete as string), sequence(body.deletes));
      case 'aggregate': return this.cursor(db, body.aggregate as string,
        new Aggregator(body.pipeline as Doc[]).run(this.collection(db, body.aggregate as string)) as Doc[]);
      case 'count': return { n: mingoFind(this.collection(db, body.count as string), (body.query ?? {}) as Doc).all().length };
      case 'distinct': {
        const docs = mingoFind(this.collection(db, body.distinct as string), (body.query ?? {}) as Doc).all() as Doc[];
        return { values: [...new Set(docs.map((d) => d[body.key as string]))] };
      }
      case 'createIndexes': {
        const key = `${db}.${body.createIndexes as string}`;
        this.collection(db, body.createIndexes as string);
        this.indexes.set(key, [...(this.indexes.get(key) ?? []), ...(body.indexes as Doc[])]);
        return { createdCollectionAutomatically: false, numIndexesBefore: 1, numIndexesAfter: 1 };
      }
      case 'listIndexes': return this.cursor(db, body.listIndexes as string,
        [{ v: 2, key: { _id: 1 }, name: '_id_' }, ...(this.indexes.get(`${db}.${body.listIndexes as string}`) ?? [])]);
      case 'listCollections': return this.cursor(db, '$cmd.listCollections', [...this.collections.keys()]
        .filter((k) => k.startsWith(`${db}.`)).map((k) => ({ name: k.slice(db.length + 1), type: 'collection' })));
      case 'drop': {
        this.collections.delete(`${db}.${body.drop as string}`);
        return { ns: `${db}.${body.drop as string}` };
      }
      default: throw new Error(`command "${name}" is not implemented`);
    }
  }

  private hello(): Doc {
    return {
      __nodejs_mock_server__: true,
      helloOk: true,
      ismaster: true,
      isWritablePrimary: true,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
    };
  }

  /** Every result fits in the first batch: cursor id 0 tells the driver there is nothing to getMore. */
  private cursor(db: string, collection: string, docs: Doc[]): Doc {
    return { cursor: { id: this.bson.Long.ZERO, ns: `${db}.${collection}`, firstBatch: docs } };
  }

  private insert(docs: Doc[], incoming: Doc[]): Doc {
    for (const doc of incoming) docs.push(doc._id === undefined ? { _id: this.newObjectId(), ...doc } : doc);
    return { n: incoming.length };
  }

  private find(db: string, body: Doc): Doc {
    const query = new Query((body.filter ?? {}) as Doc, {});
    let docs = this.collection(db, body.find as string).filter((d) => query.test(d));
    // Sorted here, not by mingo: mingo's sort hashes ObjectIds through their hex string, quadratic on large finds.
    if (body.sort && Object.keys(body.sort as Doc).length > 0) docs = sortDocs(docs, body.sort as Record<string, number>);
    const skip = typeof body.skip === 'number' ? body.skip : 0;
    const limit = Math.abs(Number(body.limit ?? 0));
    docs = docs.slice(skip, limit > 0 ? skip + limit : undefined);
    if (body.projection && Object.keys(body.projection as Doc).length > 0) docs = mingoFind(docs, {}, body.projection as Doc).all() as Doc[];
    return this.cursor(db, body.find as string, docs);
  }

  private update(docs: Doc[], updates: Doc[]): Doc {
    let n = 0;
    let nModified = 0;
    const upserted: Doc[] = [];
    updates.forEach((spec, index) => {
      const q = (spec.q ?? {}) as Doc;
      const u = spec.u as Doc;
      if (Array.isArray(u)) throw new Error('pipeline updates are not implemented');
      const query = new Query(q, {});
      const matches = docs.filter((d) => query.test(d));
      const targets = spec.multi ? matches : matches.slice(0, 1);
      const isReplacement = !Object.keys(u).some((k) => k.startsWith('$'));
      for (const doc of targets) {
        n++;
        const before = JSON.stringify(doc);
        if (isReplacement) {
          for (const key of Object.keys(doc)) if (key !== '_id') delete doc[key];
          Object.assign(doc, u, { _id: doc._id });
        } else {
          const { $setOnInsert: _ignored, ...modifier } = u;
          if (Object.keys(modifier).length > 0) mingoUpdate(doc, modifier);
        }
        if (JSON.stringify(doc) !== before) nModified++;
      }
      if (targets.length === 0 && spec.upsert) {
        const doc: Doc = isReplacement ? { ...u } : { ...equalityFields(q) };
        if (!isReplacement) {
          const { $setOnInsert, ...modifier } = u;
          mingoUpdate(doc, { ...modifier, ...($setOnInsert ? { $set: { ...(modifier.$set as Doc), ...($setOnInsert as Doc) } } : {}) });
        }
        if (doc._id === undefined) doc._id = this.newObjectId();
        docs.push(doc);
        n++;
        upserted.push({ index, _id: doc._id });
      }
    });
    return upserted.length > 0 ? { n, nModified, upserted } : { n, nModified };
  }

  private delete(docs: Doc[], deletes: Doc[]): Doc {
    let n = 0;
    for (const spec of deletes) {
      const query = new Query((spec.q ?? {}) as Doc, {});
      for (let i = 0; i < docs.length;) {
        if (query.test(docs[i]!)) {
          docs.splice(i, 1);
          n++;
          if (spec.limit === 1) break;
        } else i++;
      }
    }
    return { n };
  }
}

/** Rank and comparable value of a BSON value, in MongoDB's cross-type sort order (the types the stores use). */
function sortKey(value: unknown): [number, number | string] {
  if (value === undefined || value === null) return [0, 0];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'string') return [2, value];
  if (value instanceof Date) return [5, value.getTime()];
  if (typeof value === 'boolean') return [4, Number(value)];
  if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return [3, (value as { toHexString(): string }).toHexString()];
  return [2.5, JSON.stringify(value)];
}

function valueAt(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Doc)[key] : undefined), doc);
}

function sortDocs(docs: Doc[], spec: Record<string, number>): Doc[] {
  const fields = Object.entries(spec);
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([path]) => sortKey(valueAt(doc, path))) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const [ra, va] = a.keys[i]!;
      const [rb, vb] = b.keys[i]!;
      const order = ra !== rb ? ra - rb : va < vb ? -1 : va > vb ? 1 : 0;
      if (order !== 0) return fields[i]![1] < 0 ? -order : order;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}

/**
 * A batch of documents. The driver's bulk writes build an OP_MSG document sequence; sent over OP_QUERY
 * (as to this double) it arrives as a subdocument `{ field, documents, ... }`.
 */
function sequence(value: unknown): Doc[] {
  if (Array.isArray(value)) return value as Doc[];
  const docs = (value as { documents?: unknown } | undefined)?.documents;
  if (Array.isArray(docs)) return docs as Doc[];
  throw new Error('expected an array of documents');
}

/** The fields an upsert copies from its filter: top-level equalities, as MongoDB does. */
function equalityFields(q: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(q)) {
    if (key.startsWith('$')) continue;
    const isOperator = typeof value === 'object' && value !== null && !(value instanceof Date)
      && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOperator) out[key] = value;
  }
  return out;
}
