// QR scene strings for follow attribution (§1.9): `a:<articleId>` / `c:<communityId>`, 1–64 characters.
export type FollowKind = 'article' | 'community'
export type FollowTarget = { kind: FollowKind; id: string }

const PREFIX: Record<FollowKind, string> = { article: 'a', community: 'c' }
const ID_RE = /^[A-Za-z0-9_-]{1,60}$/
export const MAX_SCENE_LENGTH = 64

export const isFollowKind = (value: unknown): value is FollowKind => value === 'article' || value === 'community'
export const isTargetId = (value: unknown): value is string => typeof value === 'string' && ID_RE.test(value)

export function sceneFor(target: FollowTarget): string {
  if (!isTargetId(target.id)) throw new Error(`follow: malformed ${target.kind} id`)
  const scene = `${PREFIX[target.kind]}:${target.id}`
  if (scene.length > MAX_SCENE_LENGTH) throw new Error('follow: scene longer than 64 characters')
  return scene
}

/** Inverse of sceneFor; anything else (integer scenes, other campaigns) gives undefined. */
export function parseScene(scene: string | undefined | null): FollowTarget | undefined {
  const match = /^([ac]):([A-Za-z0-9_-]{1,60})$/.exec(scene ?? '')
  if (!match) return undefined
  return { kind: match[1] === 'a' ? 'article' : 'community', id: match[2] }
}
