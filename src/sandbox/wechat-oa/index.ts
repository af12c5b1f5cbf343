export { createEmulatorClock, type EmulatorClock } from './clock'
export { DEFAULT_LIMITS, type EmulatorLimits, type EmulatorScripts, type EmulatorSettings } from './context'
export { createOfficialAccountEmulator, type OfficialAccountEmulator, type OfficialAccountEmulatorOptions } from './emulator'
export { EmulatedConnectionDrop, type FaultConfig, type FaultKind } from './faults'
export { createSeededRandom } from './rng'
export { type ArticleDayCounts, datacubeOf } from './routes-datacube'
export type {
  AccountType,
  CallbackDelivery,
  EmulatorAccount,
  EmulatorAccountInit,
  EmulatorCallback,
  EmulatorMessage,
  EmulatorTemplateDetails,
  EmulatorUser,
  PublishOutcome,
} from './state'
export { fakeGif, fakeJpeg, fakePng, startEmulator } from './testing'
