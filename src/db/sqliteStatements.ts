// Prepared statements, kept. libsql's client prepares every statement again on every call (@libsql/client's
// executeStmt: `db.prepare(sql)`, then `raw(true)`, which throws for a statement that returns no rows). On the
// push-day checkout that was a quarter of the server's CPU: prepare 18 %, the thrown raw() 7 % (bench/README.md).
// Here each connection keeps its statements by SQL text (the least recently used dropped past a bound), and raw()
// of a statement that returns no rows throws one prebuilt error instead of building a new one.
//
// Why by hand: neither libsql nor @libsql/client has a statement cache, and the client's executeStmt is private, so
// the hook is libsql's Database.prototype.prepare — of the copy of libsql that @libsql/client loads (resolved from
// it, never from here, so that a second copy in node_modules cannot be patched by mistake). A libsql statement may
// be run again with new arguments, also after an error or a half-read result (src/db/sqliteStatements.spec.ts);
// everything runs synchronously, so no two callers ever hold one statement at once. The client opens a new
// connection after each interactive transaction; a closed connection's statements are dropped with it.
import { createRequire } from 'node:module'
import path from 'node:path'

type Statement = { reader: boolean; raw: (toggle?: boolean) => Statement }
type Connection = object
type DatabaseClass = { prototype: { prepare: (this: Connection, sql: string) => Statement; close: (this: Connection) => unknown } }

const INSTALLED = Symbol.for('tuiwen.db.sqliteStatements')
/** Statements kept per connection; Payload's queries are a few hundred distinct texts. */
export const STATEMENTS_PER_CONNECTION = 500
/** Longer texts (the funnel flush's generated batches) are used once and not kept. */
const MAX_KEPT_SQL = 20_000
const NOT_A_READER = new TypeError('The raw() method is only for statements that return data')

const kept = new WeakMap<Connection, Map<string, Statement>>()
const counts = { prepared: 0, reused: 0 }

/** Where the copy of libsql that @libsql/client uses lives (the one Payload's SQLite adapter talks to). */
export function libsqlPath(root = process.cwd()): string {
  // Resolved at run time from the project's node_modules, as Node does (the bundler must not resolve these).
  const resolveFrom = (from: string, name: string) => createRequire(from).resolve(name)
  return resolveFrom(resolveFrom(resolveFrom(path.join(root, 'package.json'), '@payloadcms/db-sqlite'), '@libsql/client'), 'libsql')
}

/** That copy's Database class. */
export function clientsDatabaseClass(root = process.cwd()): DatabaseClass {
  const file = libsqlPath(root)
  return createRequire(file)(file) as DatabaseClass
}

function keepStatement(statements: Map<string, Statement>, sql: string, statement: Statement) {
  // A statement that returns no rows answers raw() as libsql does (it throws), without building an error each time.
  if (!statement.reader)
    statement.raw = (toggle?: boolean) => {
      if (toggle === false) return statement
      throw NOT_A_READER
    }
  statements.set(sql, statement)
  if (statements.size > STATEMENTS_PER_CONNECTION) statements.delete(statements.keys().next().value as string)
}

/** Installs the statement cache on `Database` (once; later calls do nothing). */
export function keepPreparedStatements(Database: DatabaseClass = clientsDatabaseClass()): void {
  const proto = Database.prototype as DatabaseClass['prototype'] & { [INSTALLED]?: true }
  if (proto[INSTALLED]) return
  const prepare = proto.prepare
  const close = proto.close
  proto.prepare = function keptPrepare(sql) {
    if (typeof sql !== 'string' || sql.length > MAX_KEPT_SQL) return prepare.call(this, sql)
    let statements = kept.get(this)
    if (!statements) kept.set(this, (statements = new Map()))
    const hit = statements.get(sql)
    if (hit) {
      counts.reused++
      statements.delete(sql) // most recently used last: the first key is the one to drop
      statements.set(sql, hit)
      return hit
    }
    counts.prepared++
    const statement = prepare.call(this, sql)
    keepStatement(statements, sql, statement)
    return statement
  }
  proto.close = function keptClose() {
    kept.delete(this)
    return close.call(this)
  }
  proto[INSTALLED] = true
}

/** Statements prepared and reused since the process started (tests, benches). */
export const statementCounts = () => ({ ...counts })
