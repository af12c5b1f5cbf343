import * as migration_20261122_200826_initial from './20261122_200826_initial';

export const migrations = [
  {
    up: migration_20261122_200826_initial.up,
    down: migration_20261122_200826_initial.down,
    name: '20261122_200826_initial'
  },
];
