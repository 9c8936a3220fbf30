import { describe, expect, it } from 'vitest';
import { runsOutsideTransaction, topLevelStatements } from './migrate';

describe('topLevelStatements', () => {
  it('skips comments, strings, quoted identifiers and dollar-quoted bodies', () => {
    const sql = `-- BEGIN; in a comment
/* COMMIT; /* nested */ still; */
INSERT INTO "we;ird" VALUES ('a;b', 'it''s;', E'x\\';y', $q$ c; d $q$);
DO $$ BEGIN PERFORM 1; END $$;
SELECT $1;`;
    expect(topLevelStatements(sql)).toEqual([['INSERT', 'INTO', '"', 'VALUES', '$$'], ['DO', '$$'], ['SELECT']]);
  });

  it('keeps a BEGIN ATOMIC function body (with CASE … END inside) as one statement', () => {
    const sql = `CREATE OR REPLACE FUNCTION f(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN i > 0 THEN 1 ELSE 0 END;
  SELECT 2;
END;
CREATE TABLE t (id int);`;
    const statements = topLevelStatements(sql);
    expect(statements).toHaveLength(2);
    expect(statements[1]).toEqual(['CREATE', 'TABLE', 'T', 'ID', 'INT']);
  });
});

describe('runsOutsideTransaction', () => {
  it.each([
    ['BEGIN;\nALTER TYPE "A" RENAME TO "B";\nCOMMIT;', true],
    ['START TRANSACTION; SELECT 1; END;', true],
    ['CREATE INDEX CONCURRENTLY i ON t (c);', true],
    ['VACUUM ANALYZE t;', true],
    ['CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);', false],
    ["DO $$ BEGIN RAISE NOTICE 'x'; END $$;", false],
    ["-- BEGIN;\nSELECT 'COMMIT;';", false],
    ['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;', false],
    ['ALTER TYPE "Role" ADD VALUE \'admin\';', false],
  ])('%j → %s', (sql, expected) => {
    expect(runsOutsideTransaction(sql)).toBe(expected);
  });
});
