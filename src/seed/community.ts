// Demo community content: for each seeded community an upcoming event, a coupon, group QR codes (one current,
// one older and full) and an admin contact QR, drawn locally with qrcode + sharp (nothing downloaded). Looked up
// by natural keys first, so seeding twice creates nothing new.
import type { Payload } from 'payload'
import QRCode from 'qrcode'
import sharp from 'sharp'

const DAY = 24 * 3600_000

type Demo = {
  community: string
  brand: string
  color: string
  pinned: string[]
  event: { title: string; place: string; mode: 'offline' | 'online'; inDays: number; capacity: number; description: string }
  coupon: { title: string; kind: 'fixed' | 'percent'; amountOff?: number; percentOff?: number; minSpend: number; total: number; perPerson: number }
  story: string
}

const demos: Demo[] = [
  {
    community: 'shanye-tea-club',
    brand: 'shanye-tea',
    color: '#4f8a3c',
    pinned: ['spring-longjing-guide'],
    story: '山野茶事从杭州龙井村的一间小茶铺开始。我们只做自己愿意每天喝的茶：明前头采、手工炒制、小批量。\n茶友会是我们和大家一起喝茶、聊茶、上茶山的地方。',
    event: {
      title: '周六线上品鉴：明前龙井三种泡法',
      place: '腾讯会议（报名后发送会议号）',
      mode: 'online',
      inDays: 5,
      capacity: 50,
      description: '主理人带大家用盖碗、玻璃杯、冷泡三种方式对比同一款明前龙井。',
    },
    coupon: { title: '茶友会专享券', kind: 'fixed', amountOff: 2000, minSpend: 19900, total: 200, perPerson: 1 },
  },
  {
    community: 'lime-coffee-lab',
    brand: 'lime-coffee',
    color: '#6d4c41',
    pinned: [],
    story: '青柠咖啡只做云南豆，从保山的庄园到你的手冲壶，48 小时内烘焙发货。',
    event: {
      title: '手冲入门工作坊',
      place: '上海市徐汇区青柠咖啡实验室',
      mode: 'offline',
      inDays: 9,
      capacity: 12,
      description: '研磨度、水温、注水节奏，两小时带你冲出第一杯好咖啡。',
    },
    coupon: { title: '实验室会员 9 折券', kind: 'percent', percentOff: 10, minSpend: 0, total: 100, perPerson: 2 },
  },
]

/** A QR code on a card with a caption, drawn locally; WeChat group QRs look like this. */
async function drawQr(text: string, caption: string, color: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(text, { type: 'png', width: 480, margin: 1, color: { dark: '#111111', light: '#ffffff' } })
  const card = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="700"><rect width="600" height="700" rx="24" fill="#ffffff"/><rect width="600" height="90" rx="24" fill="${color}"/><rect y="60" width="600" height="30" fill="${color}"/><text x="300" y="58" font-size="34" text-anchor="middle" fill="#fff" font-family="sans-serif">${caption}</text><text x="300" y="670" font-size="22" text-anchor="middle" fill="#888" font-family="sans-serif">DEMO · scan in WeChat</text></svg>`,
  )
  return sharp(card)
    .composite([{ input: qr, top: 120, left: 60 }])
    .png()
    .toBuffer()
}

export async function seedCommunityExtras(payload: Payload, created: Record<string, number>): Promise<void> {
  const bump = (k: string) => (created[k] = (created[k] ?? 0) + 1)
  const now = Date.now()
  for (const d of demos) {
    const community = (await payload.find({ collection: 'communities', where: { slug: { equals: d.community } }, limit: 1, depth: 0, overrideAccess: true }))
      .docs[0]
    if (!community) continue
    const brand = typeof community.brand === 'string' ? community.brand : community.brand.id

    async function media(file: string, text: string, caption: string) {
      const found = await payload.find({ collection: 'media', where: { filename: { equals: file } }, limit: 1, depth: 0, overrideAccess: true })
      if (found.docs[0]) return found.docs[0].id
      const data = await drawQr(text, caption, d.color)
      bump('media')
      return (
        await payload.create({
          collection: 'media',
          data: { alt: caption, brand },
          file: { data, mimetype: 'image/png', name: file, size: data.length },
          overrideAccess: true,
        })
      ).id
    }

    if (!community.groupQrs?.length) {
      const current = await media(`${d.community}-group-2.png`, `https://weixin.qq.com/g/demo-${d.community}-2`, '粉丝 2 群')
      const older = await media(`${d.community}-group-1.png`, `https://weixin.qq.com/g/demo-${d.community}-1`, '粉丝 1 群')
      const contact = await media(`${d.community}-admin.png`, `https://u.wechat.com/demo-${d.community}-admin`, '社区管理员')
      const pinned = d.pinned.length
        ? (await payload.find({ collection: 'articles', where: { slug: { in: d.pinned } }, depth: 0, overrideAccess: true })).docs.map((a) => a.id)
        : []
      await payload.update({
        collection: 'communities',
        id: community.id,
        overrideAccess: true,
        data: {
          story: d.story,
          pinnedArticles: pinned,
          groupQrs: [
            { image: older, label: '粉丝 1 群', expiresAt: new Date(now + 3 * DAY).toISOString(), full: true },
            { image: current, label: '粉丝 2 群', expiresAt: new Date(now + 7 * DAY).toISOString(), full: false },
          ],
          adminContactQr: contact,
        },
      })
      bump('community QR codes')
    }

    const hasEvent = await payload.count({
      collection: 'community-events',
      where: { and: [{ community: { equals: community.id } }, { title: { equals: d.event.title } }] },
      overrideAccess: true,
    })
    if (!hasEvent.totalDocs) {
      await payload.create({
        collection: 'community-events',
        overrideAccess: true,
        data: {
          title: d.event.title,
          community: community.id,
          brand,
          startsAt: new Date(now + d.event.inDays * DAY).toISOString(),
          endsAt: new Date(now + d.event.inDays * DAY + 2 * 3600_000).toISOString(),
          mode: d.event.mode,
          place: d.event.place,
          description: d.event.description,
          capacity: d.event.capacity,
          status: 'published',
        },
      })
      bump('community-events')
    }

    const hasCoupon = await payload.count({
      collection: 'coupons',
      where: { and: [{ community: { equals: community.id } }, { title: { equals: d.coupon.title } }] },
      overrideAccess: true,
    })
    if (!hasCoupon.totalDocs) {
      await payload.create({
        collection: 'coupons',
        overrideAccess: true,
        data: {
          title: d.coupon.title,
          community: community.id,
          brand,
          kind: d.coupon.kind,
          amountOff: d.coupon.amountOff,
          percentOff: d.coupon.percentOff,
          minSpend: d.coupon.minSpend,
          validFrom: new Date(now - DAY).toISOString(),
          validUntil: new Date(now + 30 * DAY).toISOString(),
          totalQuantity: d.coupon.total,
          perPersonLimit: d.coupon.perPerson,
          status: 'published',
        },
      })
      bump('coupons')
    }
  }
}
