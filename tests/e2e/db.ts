// Reads the server's real SQLite database (NAGRIK_DB, set by `cargo xtask test`) with
// Python's sqlite3 module, which every machine here has, so tests can check what was stored.
import { execFileSync } from 'node:child_process';

export function query(sql: string, ...params: string[]): unknown[][] {
  const db = process.env.NAGRIK_DB;
  if (!db) throw new Error('NAGRIK_DB is not set: run through cargo xtask test');
  const script =
    'import json,sqlite3,sys\n' +
    'c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True,timeout=10)\n' +
    'print(json.dumps(c.execute(sys.argv[2],sys.argv[3:]).fetchall()))';
  return JSON.parse(execFileSync('python3', ['-c', script, db, sql, ...params], { encoding: 'utf8' }));
}
