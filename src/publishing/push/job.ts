// One run of a publishing job: its steps stored on the push as they progress, and every artefact saved the moment
// WeChat returns it, so a failed or repeated run resumes instead of duplicating.
import type { Payload } from 'payload'

import type { Push } from '../../payload-types'
import { AccountSetupError } from '../../wechat/account/errors'
import { publishingRuntime } from '../../wechat/account/runtime'
import { isWechatApiError, withRetry } from '../../wechat/oa'
import { PublishError } from '../errors'
import type { PushStatus, Step, StepKey } from '../steps'

export type RunPushResult = { status: PushStatus; uploadedImages: number; uploadedCovers: number; error?: string }

export type PushJob = {
  payload: Payload
  /** The push as stored: every `save` updates it. */
  push: Push
  /** Stores `data` on the push now. */
  save: (data: Partial<Push>) => Promise<void>
  /** Marks a step running, with `total` units of work (`step.done` counts them). */
  start: (key: StepKey, total?: number) => Promise<Step>
  /** Stores the running step's progress. */
  progress: () => Promise<void>
  finish: (step: Step, message?: string, state?: Step['state']) => Promise<void>
  /** What this run uploaded (the rest came from the upload cache). */
  uploaded: { images: number; covers: number }
  result: () => RunPushResult
  /** Ends the run on `error`: the running step and the push marked failed; transient WeChat trouble rethrown. */
  fail: (error: unknown) => Promise<RunPushResult>
}

/** A WeChat call retried on transient failures, as the process-wide runtime says. */
export const callWechat = <T>(fn: () => Promise<T>): Promise<T> => withRetry(fn, { attempts: publishingRuntime.retryAttempts, sleep: publishingRuntime.sleep })

export function openPushJob(payload: Payload, push: Push): PushJob {
  let running: Step | undefined
  const uploaded = { images: 0, covers: 0 }
  const save = async (data: Partial<Push>) => {
    Object.assign(push, data)
    await payload.update({ collection: 'pushes', id: push.id, data, overrideAccess: true, depth: 0, context: { publishing: true } })
  }
  // The steps are the push's own (set by the run's first save), so what is stored is what progresses.
  const saveSteps = () => save({ steps: push.steps })
  const finish = async (step: Step, message?: string, state: Step['state'] = 'done') => {
    Object.assign(step, { state, message })
    running = undefined
    await saveSteps()
  }
  return {
    payload,
    push,
    save,
    start: async (key, total = 0) => {
      running = (push.steps as Step[]).find((s) => s.key === key)!
      Object.assign(running, { state: 'running', done: 0, total, message: undefined })
      await saveSteps()
      return running
    },
    progress: saveSteps,
    finish,
    uploaded,
    result: () => ({ status: push.status as PushStatus, uploadedImages: uploaded.images, uploadedCovers: uploaded.covers }),
    fail: async (error) => {
      const message = errorMessage(error)
      if (running) await finish(running, message, 'failed').catch(() => undefined)
      await save({ status: 'failed', lastError: message }).catch(() => undefined)
      // Transient trouble that outlived our retries: let the job queue retry the whole (resumable) job.
      if (isWechatApiError(error) && error.retryable) throw error
      return { status: 'failed', uploadedImages: uploaded.images, uploadedCovers: uploaded.covers, error: message }
    },
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof PublishError || error instanceof AccountSetupError) return error.message
  if (isWechatApiError(error)) return `微信接口错误 ${error.errcode}：${error.messageZh}`
  if (error instanceof Error && error.name === 'SecretDecryptError') return error.message
  if (error instanceof Error && error.name === 'ImageSourceError') return error.message
  return `推送失败：${error instanceof Error ? error.message : String(error)}`
}
