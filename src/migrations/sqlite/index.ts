import * as migration_20261122_220250_initial from './20261122_220250_initial';

export const migrations = [
  {
    up: migration_20261122_220250_initial.up,
    down: migration_20261122_220250_initial.down,
    name: '20261122_220250_initial'
  },
];
