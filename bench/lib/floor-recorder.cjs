'use strict';
// The overhead bench's "floor" side: the least a middleware can do and still store one SQLite row
// per request. On 'finish' it keeps seven fields in an array; every 100 ms the array goes to a
// worker thread that inserts it in one transaction, 16 rows per prepared statement (the cheapest
// way we know to put rows into SQLite from Node; the warden's writer does the same). No sessions, no
// redaction, no body, no blocklist, no classification. Whatever this side costs against bare is a
// cost any recorder of every request into SQLite pays on the same machine.
const { Worker } = require('node:worker_threads');

const FLUSH_MS = 100;

const writerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.database);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS floor_log (id INTEGER PRIMARY KEY, client_ip TEXT, method TEXT, url TEXT, status INTEGER, started_at INTEGER, duration_ms REAL, user_agent TEXT)');
const GROUP = 16;
const insertSql = (rows) => 'INSERT INTO floor_log (client_ip, method, url, status, started_at, duration_ms, user_agent) VALUES '
  + Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ');
const insertOne = db.prepare(insertSql(1));
const insertGroup = db.prepare(insertSql(GROUP));
const insertAll = db.transaction((rows) => {
  let next = 0;
  for (; next + GROUP <= rows.length; next += GROUP) insertGroup.run(rows.slice(next, next + GROUP).flat());
  for (; next < rows.length; next++) insertOne.run(rows[next]);
});
parentPort.on('message', (rows) => insertAll(rows));
`;

/** Returns `track(req, res)` for a middleware to call on every request. */
function floorRecorder(database) {
  const worker = new Worker(writerSource, { eval: true, workerData: { database, driver: require.resolve('better-sqlite3') } });
  worker.unref();
  let rows = [];
  setInterval(() => {
    if (rows.length === 0) return;
    worker.postMessage(rows);
    rows = [];
  }, FLUSH_MS).unref();
  return (req, res) => {
    const startedAt = Date.now();
    const startedHr = performance.now();
    res.on('finish', () => {
      rows.push([req.socket?.remoteAddress ?? null, req.method, req.url, res.statusCode, startedAt, performance.now() - startedHr, req.headers['user-agent'] ?? null]);
    });
  };
}

module.exports = { floorRecorder };
