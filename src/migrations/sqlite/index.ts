import * as migration_20261122_214859_initial from './20261122_214859_initial';

export const migrations = [
  {
    up: migration_20261122_214859_initial.up,
    down: migration_20261122_214859_initial.down,
    name: '20261122_214859_initial'
  },
];
