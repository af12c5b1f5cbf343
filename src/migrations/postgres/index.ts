import * as migration_20261202_074013_initial from './20261202_074013_initial';
import * as migration_20261202_162039_page_signals from './20261202_162039_page_signals';

export const migrations = [
  {
    up: migration_20261202_074013_initial.up,
    down: migration_20261202_074013_initial.down,
    name: '20261202_074013_initial',
  },
  {
    up: migration_20261202_162039_page_signals.up,
    down: migration_20261202_162039_page_signals.down,
    name: '20261202_162039_page_signals'
  },
];
