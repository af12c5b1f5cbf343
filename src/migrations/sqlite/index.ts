import * as migration_20261122_220250_initial from './20261122_220250_initial';
import * as migration_20261122_230650_brand_roles from './20261122_230650_brand_roles';
import * as migration_20261201_212722_production_safety from './20261201_212722_production_safety';
import * as migration_20261201_215456_flash_sale_outbox from './20261201_215456_flash_sale_outbox';
import * as migration_20261202_004232_funnel_rollups from './20261202_004232_funnel_rollups';
import * as migration_20261202_162028_page_signals from './20261202_162028_page_signals';
import * as migration_20261204_013059_order_shipment from './20261204_013059_order_shipment';
import * as migration_20261204_015437_shop_storefront from './20261204_015437_shop_storefront';
import * as migration_20261204_020451_sku_image from './20261204_020451_sku_image';

export const migrations = [
  {
    up: migration_20261122_220250_initial.up,
    down: migration_20261122_220250_initial.down,
    name: '20261122_220250_initial',
  },
  {
    up: migration_20261122_230650_brand_roles.up,
    down: migration_20261122_230650_brand_roles.down,
    name: '20261122_230650_brand_roles',
  },
  {
    up: migration_20261201_212722_production_safety.up,
    down: migration_20261201_212722_production_safety.down,
    name: '20261201_212722_production_safety',
  },
  {
    up: migration_20261201_215456_flash_sale_outbox.up,
    down: migration_20261201_215456_flash_sale_outbox.down,
    name: '20261201_215456_flash_sale_outbox',
  },
  {
    up: migration_20261202_004232_funnel_rollups.up,
    down: migration_20261202_004232_funnel_rollups.down,
    name: '20261202_004232_funnel_rollups',
  },
  {
    up: migration_20261202_162028_page_signals.up,
    down: migration_20261202_162028_page_signals.down,
    name: '20261202_162028_page_signals',
  },
  {
    up: migration_20261204_013059_order_shipment.up,
    down: migration_20261204_013059_order_shipment.down,
    name: '20261204_013059_order_shipment',
  },
  {
    up: migration_20261204_015437_shop_storefront.up,
    down: migration_20261204_015437_shop_storefront.down,
    name: '20261204_015437_shop_storefront',
  },
  {
    up: migration_20261204_020451_sku_image.up,
    down: migration_20261204_020451_sku_image.down,
    name: '20261204_020451_sku_image'
  },
];
