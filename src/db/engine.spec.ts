import { describe, expect, it } from 'vitest'

import { engineFor } from './engine'

describe('engineFor', () => {
  it('defaults to embedded SQLite', () => {
    expect(engineFor(undefined)).toBe('sqlite')
    expect(engineFor('')).toBe('sqlite')
    expect(engineFor('file:./data/x.db')).toBe('sqlite')
  })
  it('selects MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(engineFor('mongodb://127.0.0.1:27017/tuiwen')).toBe('mongodb')
    expect(engineFor('mongodb+srv://cluster.example/tuiwen')).toBe('mongodb')
  })
  it('selects PostgreSQL for postgres:// and postgresql://', () => {
    expect(engineFor('postgres://127.0.0.1:5432/tuiwen')).toBe('postgres')
    expect(engineFor('postgresql://user@db.example/tuiwen')).toBe('postgres')
  })
  it('rejects anything else with a clear message', () => {
    expect(() => engineFor('mysql://localhost/x')).toThrow(/DATABASE_URI/)
  })
})
