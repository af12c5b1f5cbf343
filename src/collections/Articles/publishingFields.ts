import type { Field, PayloadRequest } from 'payload'

import type { Push } from '../../payload-types'

type Published = { articleId: string; url: string }

/**
 * Read-only publish status of an article on WeChat, derived from the latest push that carried it (pushes are the
 * record: the callback and the poller write there). Virtual, so callbacks never create article versions.
 * Computed for single-document reads only.
 */
async function latestPush(req: PayloadRequest, id: string) {
  const found = await req.payload.find({
    collection: 'pushes',
    where: { and: [{ articles: { contains: id } }, { status: { in: ['drafted', 'publishing', 'published', 'sent', 'needs_manual_publish'] } }] },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0] as Push | undefined
}

export const publishingFields: Field[] = [
  {
    name: 'wechatStatus',
    type: 'text',
    virtual: true,
    label: { en: 'WeChat status', zh: '公众号状态' },
    admin: { readOnly: true, position: 'sidebar' },
    hooks: {
      afterRead: [
        async ({ data, req, findMany }) => {
          if (findMany || !data?.id) return undefined
          return (await latestPush(req, String(data.id)))?.status ?? undefined
        },
      ],
    },
  },
  {
    name: 'wechatUrl',
    type: 'text',
    virtual: true,
    label: { en: 'Published URL', zh: '公众号文章链接' },
    admin: { readOnly: true, position: 'sidebar' },
    hooks: {
      afterRead: [
        async ({ data, req, findMany }) => {
          if (findMany || !data?.id) return undefined
          const push = await latestPush(req, String(data.id))
          const urls = Array.isArray(push?.publishedUrls) ? (push.publishedUrls as Published[]) : []
          return urls.find((u) => u.articleId === String(data.id))?.url
        },
      ],
    },
  },
]
