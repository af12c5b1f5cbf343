// Process-wide clock of the Official Account callback endpoint: tests pin it to the emulator's clock, whose
// timestamps the ±5-minute window is checked against.
import { type Clock, systemClock } from '@/platform/clock'

export const callbackRuntime: Clock = { now: systemClock.now }
