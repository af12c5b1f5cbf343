import { expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

test.use({ viewport: { width: 375, height: 812 } })

test('community page: story, group QR, event sign-up, coupon claim, join, pinned article, products', async ({ page }) => {
  await page.goto('/c/shanye-tea-club')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('山野茶友会')
  await expect(page.getByRole('heading', { name: '品牌故事' })).toBeVisible()

  // the newest usable group QR (粉丝 1 群 is marked full)
  const qr = page.getByTestId('group-qr')
  await expect(qr).toHaveAttribute('data-kind', 'group')
  await expect(qr).toContainText('粉丝 2 群')
  await expect(qr.locator('img')).toBeVisible()

  // pinned article first, then the latest ones; featured/brand products only
  await expect(page.locator('li[data-pinned="true"]')).toContainText('明前龙井')
  await expect(page.locator('[data-product]').first()).toBeVisible()
  await expect(page.locator('[data-product="yunnan-beans"]')).toHaveCount(0)

  // event sign-up
  const event = page.locator('[data-event]').first()
  await expect(event).toContainText('周六线上品鉴')
  await expect(event.getByTestId('seats')).toContainText('已报名 0/50')
  await event.getByPlaceholder('称呼（选填）').fill('小明')
  await event.getByRole('button', { name: '立即报名' }).click()
  await expect(event.getByText('报名成功')).toBeVisible()
  await expect(event.getByTestId('seats')).toContainText('已报名 1/50')
  await page.reload()
  await expect(page.locator('[data-event]').first().getByTestId('signup')).toHaveText('✓ 已报名')

  // coupon claim (limit one per reader)
  const coupon = page.locator('[data-coupon]').first()
  await expect(coupon).toContainText('满¥199.00减¥20.00')
  await coupon.getByRole('button', { name: '领取' }).click()
  await expect(coupon.getByText(/领取成功，券码 [A-Z0-9]{10}/)).toBeVisible()
  await page.reload()
  await expect(page.locator('[data-coupon]').first().getByTestId('claim')).toHaveText('✓ 已领取')

  // join the member wall
  await expect(page.getByTestId('member-count')).toHaveText('0 位成员')
  await page.getByRole('button', { name: '加入社区' }).click()
  await expect(page.getByTestId('member-count')).toHaveText('1 位成员')
  await expect(page.getByTestId('join')).toHaveText('我是第 1 位成员')

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a fresh reader claims a coupon, joins and signs up on the first click; a second claim shows the limit', async ({ page, context }) => {
    await page.goto('/c/shanye-tea-club')
    // a second tab still showing the 领取 button, for the claim the per-reader limit refuses
    const stale = await context.newPage()
    await stale.goto('/c/shanye-tea-club')

    await page.locator('[data-coupon]').first().getByRole('button', { name: '领取' }).click()
    await expect(page).toHaveURL(/\/c\/shanye-tea-club\?done=claim&/)
    const coupon = page.locator('[data-coupon]').first()
    await expect(coupon.getByRole('status')).toHaveText(/^领取成功，券码 [A-Z0-9]{10}$/)
    const code = (await coupon.getByRole('status').textContent())!.slice(-10)
    await expect(coupon.getByTestId('my-codes')).toContainText(code)
    await expect(coupon.getByTestId('claim')).toHaveText('✓ 已领取')

    await stale.locator('[data-coupon]').first().getByRole('button', { name: '领取' }).click()
    await expect(stale.locator('[data-coupon]').first().getByRole('alert')).toHaveText('你已经领过这张券了')
    await expect(stale.locator('[data-coupon]').first().getByTestId('my-codes').locator('li')).toHaveCount(1)

    await page.getByRole('button', { name: '加入社区' }).click()
    await expect(page).toHaveURL(/done=join/)
    await expect(page.getByTestId('join')).toHaveText(/^我是第 \d+ 位成员$/)
    await expect(page.locator('#join').getByRole('status')).toHaveText(/^欢迎！你是第 \d+ 位成员$/)

    const signUp = async (phone: string) => {
      const event = page.locator('[data-event]').first()
      await event.getByPlaceholder('称呼（选填）').fill('小刚')
      await event.getByPlaceholder('手机号（选填）').fill(phone)
      await event.getByRole('button', { name: '立即报名' }).click()
      return page.locator('[data-event]').first()
    }
    await expect((await signUp('call me')).getByRole('alert')).toHaveText('手机号格式不正确')
    const event = await signUp('138 0013 8000')
    await expect(event.getByRole('status')).toHaveText('报名成功')
    await expect(event.getByTestId('signup')).toHaveText('✓ 已报名')

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test("the other brand's community shows only its own event and coupon", async ({ page }) => {
  await page.goto('/c/lime-coffee-lab')
  await expect(page.locator('[data-event]')).toHaveCount(1)
  await expect(page.locator('[data-event]')).toContainText('手冲入门工作坊')
  await expect(page.locator('[data-coupon]')).toContainText('无门槛享9折')
  await expect(page.getByText('周六线上品鉴')).toHaveCount(0)
})

test('admin: the community editor warns when the last usable group QR expires within two days', async ({ page }) => {
  await loginAs(page, demo.brand)
  await page.goto('/admin/collections/communities')
  await page.getByRole('link', { name: '山野茶友会' }).first().click()
  await expect(page.getByText('群二维码').first()).toBeVisible()
  await expect(page.getByTestId('group-qr-warning')).toHaveCount(0)
  // mark the current group full: nothing usable is left → warning
  const fullBoxes = page.getByRole('checkbox', { name: '群已满' })
  await expect(fullBoxes).toHaveCount(2)
  await fullBoxes.nth(1).check()
  await expect(page.getByTestId('group-qr-warning')).toContainText('没有可用的群二维码')
})
