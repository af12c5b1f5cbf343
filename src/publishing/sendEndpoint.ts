// POST /api/pushes/:id/send { action: draft|publish|massSend|preview, to? } → 202 { job }
//   | 401 LOGIN_REQUIRED | 403 FORBIDDEN | 404 NOT_FOUND | 400 INVALID_BODY | 409 PUSH_BUSY (error.job: the running job)
import type { Endpoint, PayloadRequest } from 'payload'

import { canInBrand, idOf } from '../access/roles'
import type { Push } from '../payload-types'
import { answersErrors, AppError } from '../platform/errors'
import { publicOrigin } from '../platform/http/origin'
import { BUSY_STATUSES, PUSH_ACTIONS, type PushAction, type PushStatus, stepsFor } from './steps'

export function canEditPush(user: PayloadRequest['user'], push: Pick<Push, 'brand'>): boolean {
  return canInBrand(user, idOf(push.brand), 'content')
}

export const sendEndpoint: Endpoint = {
  path: '/:id/send',
  method: 'post',
  handler: answersErrors(async (req) => {
    if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, '请先登录')
    const id = String(req.routeParams?.id ?? '')
    const push = (await req.payload.findByID({ collection: 'pushes', id, depth: 0, overrideAccess: false, req, disableErrors: true })) as Push | null
    if (!push) throw new AppError('NOT_FOUND', 404, '找不到该推送')
    if (!canEditPush(req.user, push)) throw new AppError('FORBIDDEN', 403, '你没有权限推送该内容')

    let body: { action?: unknown; to?: unknown }
    try {
      body = ((await req.json?.()) ?? {}) as typeof body
    } catch {
      throw new AppError('INVALID_BODY', 400, '请求体必须是 JSON')
    }
    const action = body.action as PushAction
    if (!PUSH_ACTIONS.includes(action)) throw new AppError('INVALID_BODY', 400, 'action 须为 draft、publish、massSend 或 preview', { field: 'action' })
    const to = typeof body.to === 'string' ? body.to.trim() : undefined
    if (action === 'preview' && !to) throw new AppError('INVALID_BODY', 400, '预览须填写接收者的微信号或 openid（to）', { field: 'to' })
    if (BUSY_STATUSES.includes(push.status as PushStatus)) {
      throw new AppError('PUSH_BUSY', 409, '该推送正在处理中，请等待完成', { details: push.jobId ? { job: push.jobId } : undefined })
    }

    const origin = publicOrigin(req)
    const job = await req.payload.jobs.queue({ task: 'publishPush', input: { pushId: push.id, action, to, origin } })
    await req.payload.update({
      collection: 'pushes',
      id: push.id,
      overrideAccess: true,
      context: { publishing: true },
      data: { status: 'queued', action, jobId: String(job.id), lastError: null, steps: stepsFor(action) },
    })
    // The server's job runner polls once a minute; start this one now so the editor watches it progress.
    if (process.env.TUIWEN_JOBS_AUTORUN !== 'false') {
      void req.payload.jobs.runByID({ id: job.id }).catch((error: unknown) => req.payload.logger.error({ err: error }, 'publishPush failed'))
    }
    return Response.json({ job: String(job.id) }, { status: 202 })
  }),
}
