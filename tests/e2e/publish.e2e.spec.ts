import { randomBytes } from 'node:crypto'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

// The seeded sandbox account (src/seed/wechatSandbox.ts), served by the in-app emulator at /sandbox/wechat.
const SANDBOX_APP_ID = 'wx7e57ab1e00000001'

/**
 * The sandbox AppSecret is drawn at seed time and never leaves the database, so the brand owner enters a new
 * one (as in 设置 → 公众号) and the test reads the emulator with it once the emulator has picked it up.
 */
async function sandboxAccessToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/users/login', { data: demo.brand })
  expect(login.ok()).toBeTruthy()
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const found = await request.get(`/api/wechat-accounts?where[appId][equals]=${SANDBOX_APP_ID}&depth=0`, { headers })
  expect(found.ok()).toBeTruthy()
  const secret = randomBytes(16).toString('hex')
  const patched = await request.patch(`/api/wechat-accounts/${(await found.json()).docs[0].id}`, { headers, data: { appSecret: secret } })
  expect(patched.ok()).toBeTruthy()
  let accessToken = ''
  await expect
    .poll(
      async () => {
        const res = await request.post('/sandbox/wechat/cgi-bin/stable_token', { data: { grant_type: 'client_credential', appid: SANDBOX_APP_ID, secret } })
        accessToken = String((await res.json()).access_token ?? '')
        return accessToken
      },
      { timeout: 15_000 },
    )
    .not.toBe('')
  return accessToken
}

test('an editor composes a push of two articles, sends it to the draft box and watches it finish', async ({ page, request }) => {
  await loginAs(page, demo.editor)
  await page.goto('/admin/collections/pushes/create')
  await page.locator('#field-title').fill(`E2E 推送 ${Date.now().toString(36)}`)

  const pick = async (field: string, search: string, option: RegExp) => {
    const input = page.locator(`#field-${field} input`).first()
    await input.click()
    await input.fill(search)
    await page.getByRole('option', { name: option }).first().click()
  }
  await pick('account', '沙箱', /沙箱公众号/)
  await pick('articles', '龙井', /明前龙井/)
  await pick('articles', '冷泡', /冷泡茶/)

  await page.getByRole('button', { name: '保存' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/pushes\/[0-9a-f-]{36}/)
  const pushId = page.url().match(/pushes\/([0-9a-f-]{36})/)![1]!

  const panel = page.getByTestId('push-panel')
  await expect(panel.getByRole('button', { name: '推送到草稿箱' })).toBeEnabled()
  await panel.getByRole('button', { name: '推送到草稿箱' }).click()
  // Progress reaches done: every step ticked, status 已存草稿箱.
  await expect(page.getByTestId('push-status')).toHaveAttribute('data-status', 'drafted', { timeout: 60_000 })
  await expect(panel.locator('[data-step="images"]')).toHaveAttribute('data-state', 'done')
  await expect(panel.locator('[data-step="images"]')).toContainText(/上传图片 \d+\/\d+/)
  await expect(panel.locator('[data-step="draft"]')).toHaveAttribute('data-state', 'done')

  // The draft is in the emulator's draft box, articles in order, images on mmbiz.
  const push = await (await page.request.get(`/api/pushes/${pushId}`)).json()
  expect(push.mediaId).toBeTruthy()
  const accessToken = await sandboxAccessToken(request)
  const draft = await (await page.request.post(`/sandbox/wechat/cgi-bin/draft/get?access_token=${accessToken}`, { data: { media_id: push.mediaId } })).json()
  expect(draft.news_item.map((a: { title: string }) => a.title)).toEqual(['明前龙井怎么挑？三步看懂一杯好茶', '夏天的冷泡茶，4 小时就够了'])
  expect(draft.news_item[0].content).toContain('https://mmbiz.qpic.cn/')
})
