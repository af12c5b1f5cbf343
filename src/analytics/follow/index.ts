export { followQrEndpoint } from './endpoint'
export { type FollowQr, followAccountFor, followQrFor, showQrUrl, TEMP_QR_SECONDS } from './qr'
export { type RecordFollowResult, recordFollow } from './record'
export { type FollowKind, type FollowTarget, isFollowKind, parseScene, sceneFor } from './scene'
