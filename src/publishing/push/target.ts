import type { OfficialAccountClient } from '../../wechat/oa'

/** Where a push goes: the account's API client, the site origin (links, images), and the upload cache's scope. */
export type PushTarget = { client: OfficialAccountClient; origin: string; scope: string }
