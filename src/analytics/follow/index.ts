export { followQrEndpoint } from './endpoint'
export { followAccountFor, type FollowQr, followQrFor, showQrUrl, TEMP_QR_SECONDS } from './qr'
export { recordFollow, type RecordFollowResult } from './record'
export { type FollowKind, type FollowTarget, isFollowKind, parseScene, sceneFor } from './scene'
