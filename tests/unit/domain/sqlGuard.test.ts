import { describe, expect, it } from 'vitest';
import { guardSql, SqlGuardError, type SqlGuardProblem } from '../../../src/domain/sqlGuard';

const APP = ['establecimientos', 'indicadores_provincia', 'conflictos'];
const problem = (sql: string): SqlGuardProblem | null => {
  try {
    guardSql(sql, APP);
    return null;
  } catch (e) {
    if (e instanceof SqlGuardError) return e.problem;
    throw e;
  }
};

describe('the «Consultas» SQL guard', () => {
  it('lets every read through, however it starts', () => {
    for (const sql of [
      'SELECT count(*) FROM establecimientos',
      'with t as (select 1) select * from t',
      'FROM establecimientos LIMIT 3',
      'DESCRIBE establecimientos',
      'SUMMARIZE establecimientos',
      'SHOW TABLES',
      'EXPLAIN SELECT 1',
      '(SELECT 1) UNION (SELECT 2)',
      "PIVOT establecimientos ON categoria USING count(*)",
    ]) {
      expect(guardSql(sql, APP).map((s) => s.kind), sql).toEqual(['read']);
    }
  });

  it('splits statements on `;` outside strings, quoted names and comments', () => {
    const out = guardSql(
      `-- un comentario; con punto y coma
       SELECT 'a;b' AS "x;y" /* otro ; */ FROM establecimientos;
       CREATE TABLE mis_datos AS SELECT $$;$$ AS z;
       SELECT * FROM mis_datos;`,
      APP,
    );
    expect(out.map((s) => s.kind)).toEqual(['read', 'write', 'read']);
    expect(out[0].sql).toContain("'a;b'");
    expect(out[1].targets).toEqual(['mis_datos']);
  });

  it('allows writes to the analyst\'s schema and temporary tables', () => {
    expect(guardSql('CREATE OR REPLACE TABLE usuario.Brechas AS SELECT 1', APP)[0].targets).toEqual(['usuario.Brechas']);
    expect(guardSql('create temp table t as select 1', APP)[0].kind).toBe('write');
    expect(guardSql('INSERT INTO usuario.brechas VALUES (1)', APP)[0].targets).toEqual(['usuario.brechas']);
    expect(guardSql('DELETE FROM "usuario"."mi tabla" WHERE x > 1', APP)[0].targets).toEqual(['usuario.mi tabla']);
    expect(guardSql('DROP TABLE IF EXISTS usuario.a, usuario.b', APP)[0].targets).toEqual(['usuario.a', 'usuario.b']);
    expect(guardSql('UPDATE mis_datos SET x = 2', APP)[0].targets).toEqual(['mis_datos']);
    expect(guardSql('ALTER TABLE memory.usuario.t RENAME TO u', APP)[0].kind).toBe('write');
    // an unqualified CREATE lands in `usuario` (first on the search path), even with an app table's name
    expect(guardSql('CREATE TABLE establecimientos AS SELECT 1', APP)[0].kind).toBe('write');
  });

  it('keeps the app\'s tables read-only, whatever the spelling', () => {
    expect(problem('DROP TABLE establecimientos')).toEqual({ key: 'appTable', params: { table: 'establecimientos', statement: 1 } });
    expect(problem('SELECT 1; delete from main."Establecimientos"')).toEqual({ key: 'appTable', params: { table: 'Establecimientos', statement: 2 } });
    expect(problem('INSERT INTO conflictos SELECT * FROM conflictos')).toMatchObject({ key: 'appTable' });
    expect(problem('UPDATE indicadores_provincia SET valor = 0')).toMatchObject({ key: 'appTable' });
    expect(problem('CREATE TABLE main.x AS SELECT 1')).toEqual({ key: 'otherSchema', params: { name: 'main.x', statement: 1 } });
    expect(problem('DROP TABLE IF EXISTS usuario.a, establecimientos')).toMatchObject({ key: 'appTable' });
  });

  it('refuses what reaches outside the tables: settings, files, extensions, attachments', () => {
    for (const [sql, keyword] of [
      ["COPY establecimientos TO 'x.csv'", 'COPY'],
      ['SET enable_external_access = true', 'SET'],
      ['PRAGMA disable_checkpoint_on_shutdown', 'PRAGMA'],
      ["ATTACH 'x.db'", 'ATTACH'],
      ['INSTALL httpfs', 'INSTALL'],
      ['CREATE SCHEMA otro', 'CREATE SCHEMA'],
      ['CREATE MACRO m(x) AS x', 'CREATE MACRO'],
      ['DROP SCHEMA usuario CASCADE', 'DROP SCHEMA'],
      ["EXPORT DATABASE 'x'", 'EXPORT'],
    ] as const) {
      expect(problem(sql), sql).toEqual({ key: 'notAllowed', params: { keyword, statement: 1 } });
    }
    expect(problem('WITH t AS (SELECT 1) INSERT INTO establecimientos SELECT * FROM t')).toMatchObject({ key: 'writeInWith', params: { keyword: 'INSERT' } });
  });

  it('says plainly when there is nothing to run or the text is cut', () => {
    expect(problem('  -- solo un comentario\n ; ;')).toEqual({ key: 'empty' });
    expect(problem("SELECT 'sin cerrar")).toEqual({ key: 'unclosed', params: { what: 'string' } });
    expect(problem('SELECT 1 /* sin cerrar')).toEqual({ key: 'unclosed', params: { what: 'comment' } });
    expect(problem('SELECT "sin cerrar')).toEqual({ key: 'unclosed', params: { what: 'identifier' } });
    expect(problem('SELECT ' + 'x,'.repeat(10_001) + '1')).toMatchObject({ key: 'tooLong' });
  });
});
