import * as migration_20261202_074013_initial from './20261202_074013_initial';
import * as migration_20261202_162039_page_signals from './20261202_162039_page_signals';
import * as migration_20261204_013113_order_shipment from './20261204_013113_order_shipment';
import * as migration_20261204_015445_shop_storefront from './20261204_015445_shop_storefront';
import * as migration_20261204_020503_sku_image from './20261204_020503_sku_image';

export const migrations = [
  {
    up: migration_20261202_074013_initial.up,
    down: migration_20261202_074013_initial.down,
    name: '20261202_074013_initial',
  },
  {
    up: migration_20261202_162039_page_signals.up,
    down: migration_20261202_162039_page_signals.down,
    name: '20261202_162039_page_signals',
  },
  {
    up: migration_20261204_013113_order_shipment.up,
    down: migration_20261204_013113_order_shipment.down,
    name: '20261204_013113_order_shipment',
  },
  {
    up: migration_20261204_015445_shop_storefront.up,
    down: migration_20261204_015445_shop_storefront.down,
    name: '20261204_015445_shop_storefront',
  },
  {
    up: migration_20261204_020503_sku_image.up,
    down: migration_20261204_020503_sku_image.down,
    name: '20261204_020503_sku_image'
  },
];
