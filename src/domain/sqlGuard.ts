/**
 * What an analyst may run in «Consultas» (issue 18): any read of the loaded tables, and writes
 * only to their own schema `usuario` (or temporary tables). The app's tables stay read-only, so
 * the ranking cannot be changed behind the scenario's back. DuckDB has no per-connection
 * permissions, so each statement is classified here before it reaches the engine; the engine
 * itself refuses files and the network (enable_external_access = false, see data/duckdb.ts).
 * Pure: a small SQL lexer (strings, quoted names, comments, dollar quotes) and a classifier.
 */

/** The analyst's own schema: where unqualified CREATE lands (search_path = usuario, main). */
export const USER_SCHEMA = 'usuario';
/** Longest SQL text kept in a scenario. */
export const MAX_SQL_CHARS = 20_000;

export type SqlGuardProblem =
  | { key: 'empty' }
  | { key: 'tooLong'; params: { max: number } }
  | { key: 'unclosed'; params: { what: 'string' | 'identifier' | 'comment' | 'dollar' } }
  | { key: 'notAllowed'; params: { keyword: string; statement: number } }
  | { key: 'appTable'; params: { table: string; statement: number } }
  | { key: 'otherSchema'; params: { name: string; statement: number } }
  | { key: 'writeInWith'; params: { keyword: string; statement: number } };

export class SqlGuardError extends Error {
  constructor(readonly problem: SqlGuardProblem) {
    super(problem.key);
  }
}

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'punct' | 'number';
  /** Words upper-cased; quoted names unquoted. */
  value: string;
  /** As written (a word's case; a quoted name without its quotes). */
  raw: string;
  depth: number;
}

export interface GuardedStatement {
  /** The statement's text, as written (without its `;`). */
  sql: string;
  kind: 'read' | 'write';
  /** Tables a write touches, as written. */
  targets: string[];
}

const READ_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
/** Keywords that make a WITH statement write (DuckDB allows `WITH … INSERT`). */
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'COPY', 'MERGE', 'TRUNCATE', 'ATTACH', 'DETACH', 'EXPORT', 'IMPORT', 'INSTALL', 'LOAD', 'SET', 'RESET', 'PRAGMA', 'CALL', 'USE', 'CHECKPOINT', 'VACUUM']);

/** Splits SQL into statements of tokens; comments are dropped. */
function lex(sql: string): { tokens: Token[]; text: string }[] {
  const out: { tokens: Token[]; text: string }[] = [];
  let tokens: Token[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  const n = sql.length;
  const flush = (end: number) => {
    if (tokens.length > 0) out.push({ tokens, text: sql.slice(start, end).trim() });
    tokens = [];
    depth = 0;
    start = end + 1;
  };
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new SqlGuardError({ key: 'unclosed', params: { what: 'comment' } });
      i = end + 2;
    } else if (c === "'" || ((c === 'E' || c === 'e') && sql[i + 1] === "'")) {
      // '…' with '' inside (and E'…' with \' escapes)
      const escapes = c !== "'";
      let j = escapes ? i + 2 : i + 1;
      for (;;) {
        if (j >= n) throw new SqlGuardError({ key: 'unclosed', params: { what: 'string' } });
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      tokens.push({ kind: 'string', value: sql.slice(i, j + 1), raw: sql.slice(i, j + 1), depth });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= n) throw new SqlGuardError({ key: 'unclosed', params: { what: 'identifier' } });
        if (sql[j] === '"' && sql[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (sql[j] === '"') break;
        else name += sql[j++];
      }
      tokens.push({ kind: 'quoted', value: name, raw: name, depth });
      i = j + 1;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) throw new SqlGuardError({ key: 'unclosed', params: { what: 'dollar' } });
      tokens.push({ kind: 'string', value: sql.slice(i, end + tag.length), raw: '', depth });
      i = end + tag.length;
    } else if (/[A-Za-z_\u00C0-\uFFFF]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u00C0-\uFFFF]/.test(sql[j])) j++;
      tokens.push({ kind: 'word', value: sql.slice(i, j).toUpperCase(), raw: sql.slice(i, j), depth });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9._eE]/.test(sql[j])) j++;
      tokens.push({ kind: 'number', value: sql.slice(i, j), raw: sql.slice(i, j), depth });
      i = j;
    } else if (c === ';') {
      flush(i);
      i++;
    } else {
      if (c === '(') tokens.push({ kind: 'punct', value: c, raw: c, depth: depth++ });
      else if (c === ')') tokens.push({ kind: 'punct', value: c, raw: c, depth: (depth = Math.max(0, depth - 1)) });
      else tokens.push({ kind: 'punct', value: c, raw: c, depth });
      i++;
    }
  }
  flush(n);
  return out;
}

/** A dotted name at `at` (words or quoted parts): its parts as written and the index after it. */
function nameAt(tokens: Token[], at: number): { parts: string[]; next: number } | null {
  const parts: string[] = [];
  let i = at;
  for (;;) {
    const t = tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) return parts.length ? { parts, next: i } : null;
    parts.push(t.raw);
    if (tokens[i + 1]?.value !== '.') return { parts, next: i + 1 };
    i += 2;
  }
}

const words = (tokens: Token[], from: number, ...expected: string[]): number => {
  let i = from;
  for (const w of expected) {
    if (tokens[i]?.kind !== 'word' || tokens[i].value !== w) return -1;
    i++;
  }
  return i;
};
/** Skips optional words in order (e.g. OR REPLACE, TEMP), returning the index after those present. */
const optional = (tokens: Token[], from: number, ...seqs: string[][]): number => {
  let i = from;
  for (const seq of seqs) {
    const after = words(tokens, i, ...seq);
    if (after >= 0) i = after;
  }
  return i;
};

/**
 * The statements of `sql`, each classified, or a SqlGuardError saying which statement (1-based)
 * does what the app does not allow. `appTables`: the app's own table names (read-only).
 */
export function guardSql(sql: string, appTables: readonly string[]): GuardedStatement[] {
  if (sql.length > MAX_SQL_CHARS) throw new SqlGuardError({ key: 'tooLong', params: { max: MAX_SQL_CHARS } });
  const statements = lex(sql);
  if (statements.length === 0) throw new SqlGuardError({ key: 'empty' });
  const protectedNames = new Set(appTables.map((t) => t.toLowerCase()));
  return statements.map(({ tokens, text }, k) => {
    const statement = k + 1;
    const first = tokens[0];
    const refuse = (keyword: string): never => {
      throw new SqlGuardError({ key: 'notAllowed', params: { keyword, statement } });
    };
    // EXPLAIN [ANALYZE] runs (ANALYZE) the statement after it: that one is what counts
    let at = first.value === 'EXPLAIN' ? optional(tokens, 1, ['ANALYZE']) : 0;
    const head = tokens[at];
    if (!head) refuse('EXPLAIN');
    if (head.value === '(' || (head.kind === 'word' && READ_STARTS.has(head.value))) {
      if (head.value === 'WITH' || head.value === '(') {
        const write = tokens.find((t) => t.kind === 'word' && t.depth === 0 && WRITES.has(t.value));
        if (write) throw new SqlGuardError({ key: 'writeInWith', params: { keyword: write.value, statement } });
      }
      return { sql: text, kind: 'read', targets: [] };
    }
    if (head.kind !== 'word') refuse(head.value);
    // the writes allowed, and where their target name starts
    let targetAt = -1;
    let creates = false;
    switch (head.value) {
      case 'CREATE': {
        at = optional(tokens, at + 1, ['OR', 'REPLACE'], ['TEMP'], ['TEMPORARY']);
        const kind = tokens[at];
        if (kind?.kind !== 'word' || (kind.value !== 'TABLE' && kind.value !== 'VIEW')) refuse(`CREATE ${kind?.value ?? ''}`.trim());
        targetAt = optional(tokens, at + 1, ['IF', 'NOT', 'EXISTS']);
        creates = true;
        break;
      }
      case 'INSERT':
        at = optional(tokens, at + 1, ['OR', 'REPLACE'], ['OR', 'IGNORE']);
        targetAt = words(tokens, at, 'INTO');
        break;
      case 'UPDATE':
        targetAt = at + 1;
        break;
      case 'DELETE':
        targetAt = words(tokens, at + 1, 'FROM');
        break;
      case 'TRUNCATE':
        targetAt = optional(tokens, at + 1, ['TABLE']);
        break;
      case 'DROP':
      case 'ALTER': {
        const kind = tokens[at + 1];
        if (kind?.kind !== 'word' || (kind.value !== 'TABLE' && kind.value !== 'VIEW')) refuse(`${head.value} ${kind?.value ?? ''}`.trim());
        targetAt = optional(tokens, at + 2, ['IF', 'EXISTS']);
        break;
      }
      default:
        refuse(head.value);
    }
    const targets: string[] = [];
    for (let i = targetAt; ; ) {
      const name = i >= 0 ? nameAt(tokens, i) : null;
      if (!name) refuse(head.value);
      checkTarget(name!.parts, creates, protectedNames, statement);
      targets.push(name!.parts.join('.'));
      // DROP TABLE a, b
      if (head.value === 'DROP' && tokens[name!.next]?.value === ',') i = name!.next + 1;
      else break;
    }
    return { sql: text, kind: 'write', targets };
  });
}

function checkTarget(parts: string[], creates: boolean, protectedNames: Set<string>, statement: number) {
  const lower = parts.map((p) => p.toLowerCase());
  const name = parts.join('.');
  if (lower.length === 1) {
    // unqualified: CREATE lands in `usuario` (first on the search path); other writes would find an app table first
    if (!creates && protectedNames.has(lower[0])) throw new SqlGuardError({ key: 'appTable', params: { table: parts[0], statement } });
    return;
  }
  const schema = lower[lower.length - 2];
  const catalog = lower.length === 3 ? lower[0] : null;
  const ok = (schema === USER_SCHEMA && (catalog === null || catalog === 'memory')) || schema === 'temp' || catalog === 'temp';
  if (!ok) {
    if (schema === 'main' && protectedNames.has(lower[lower.length - 1])) throw new SqlGuardError({ key: 'appTable', params: { table: parts[parts.length - 1], statement } });
    throw new SqlGuardError({ key: 'otherSchema', params: { name, statement } });
  }
}
