import { expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

// The seeded sandbox account (src/seed/wechatSandbox.ts), served by the in-app emulator at /sandbox/wechat.
const SANDBOX = { appId: 'wx7e57ab1e00000001', secret: 'sandbox-secret-tuiwen-demo' }

test('an editor composes a push of two articles, sends it to the draft box and watches it finish', async ({ page }) => {
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
  const token = await (
    await page.request.post('/sandbox/wechat/cgi-bin/stable_token', { data: { grant_type: 'client_credential', appid: SANDBOX.appId, secret: SANDBOX.secret } })
  ).json()
  const draft = await (await page.request.post(`/sandbox/wechat/cgi-bin/draft/get?access_token=${token.access_token}`, { data: { media_id: push.mediaId } })).json()
  expect(draft.news_item.map((a: { title: string }) => a.title)).toEqual(['明前龙井怎么挑？三步看懂一杯好茶', '夏天的冷泡茶，4 小时就够了'])
  expect(draft.news_item[0].content).toContain('https://mmbiz.qpic.cn/')
})
