/** Which database engine DATABASE_URI selects. The only place that parses it. */
export type Engine = 'sqlite' | 'postgres' | 'mongodb'

export const DEFAULT_SQLITE_FILE = 'data/tuiwen.db'

export function engineFor(uri: string | undefined): Engine {
  if (!uri || uri.startsWith('file:') || uri === ':memory:') return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(`DATABASE_URI must be unset, "file:…" (SQLite), "postgres://…" (PostgreSQL) or "mongodb://…" (MongoDB); got "${uri.split(':')[0]}:…"`)
}

export function activeEngine(): Engine {
  return engineFor(process.env.DATABASE_URI)
}
