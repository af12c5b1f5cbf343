// Push statuses and the stored, resumable steps of a publishing job.

export const PUSH_STATUSES = [
  { value: 'draft', zh: '未推送', en: 'Not pushed' },
  { value: 'queued', zh: '排队中', en: 'Queued' },
  { value: 'uploading', zh: '上传中', en: 'Uploading' },
  { value: 'drafted', zh: '已存草稿箱', en: 'In draft box' },
  { value: 'publishing', zh: '发表中', en: 'Publishing' },
  { value: 'published', zh: '已发表', en: 'Published' },
  { value: 'sent', zh: '已群发', en: 'Sent' },
  { value: 'failed', zh: '失败', en: 'Failed' },
  { value: 'needs_manual_publish', zh: '草稿已创建，请在公众平台手动发表', en: 'Draft created; publish manually' },
] as const

export type PushStatus = (typeof PUSH_STATUSES)[number]['value']

export const PUSH_ACTIONS = ['draft', 'publish', 'massSend', 'preview'] as const
export type PushAction = (typeof PUSH_ACTIONS)[number]

/** Statuses during which a job owns the push: a second send is refused (409). */
export const BUSY_STATUSES: readonly PushStatus[] = ['queued', 'uploading', 'publishing']

export type StepKey = 'images' | 'cover' | 'draft' | 'publish' | 'massSend' | 'preview'
export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped'

export type Step = { key: StepKey; label: string; state: StepState; done: number; total: number; message?: string }

export const STEP_LABELS: Record<StepKey, string> = {
  images: '上传图片',
  cover: '上传封面',
  draft: '创建草稿',
  publish: '发表',
  massSend: '群发',
  preview: '发送预览',
}

export function stepsFor(action: PushAction): Step[] {
  const keys: StepKey[] = ['images', 'cover', 'draft']
  if (action === 'publish') keys.push('publish')
  if (action === 'massSend') keys.push('massSend')
  if (action === 'preview') keys.push('preview')
  return keys.map((key) => ({ key, label: STEP_LABELS[key], state: 'pending', done: 0, total: 0 }))
}

/** 「上传图片 7/12」 */
export function stepText(step: Step): string {
  return step.total > 0 ? `${step.label} ${step.done}/${step.total}` : step.label
}

export const MANUAL_PUBLISH_MESSAGE = '草稿已创建，请在公众平台手动发表'
