import type { Access } from 'payload'

/** Nobody through the API; only server code (overrideAccess) writes. */
export const nobody: Access = () => false
