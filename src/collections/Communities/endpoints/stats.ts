import type { Endpoint } from 'payload'

import { communityStats } from '@/communities/stats'
import { answersErrors, AppError } from '@/platform/errors'

/** `GET /api/communities/:id/stats` → the community's numbers, for the members of its brand (and admins). */
export const statsEndpoint: Endpoint = {
  path: '/:id/stats',
  method: 'get',
  handler: answersErrors(async (req) => {
    if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, '请先登录')
    const id = String(req.routeParams?.id ?? '')
    // Read as the user: another brand's community (even a published one) is not found for them.
    const { docs } = await req.payload.find({
      collection: 'communities',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      select: { brand: true },
    })
    if (!docs.length) throw new AppError('NOT_FOUND', 404, '找不到该社区')
    return Response.json(await communityStats(req.payload, id))
  }),
}
