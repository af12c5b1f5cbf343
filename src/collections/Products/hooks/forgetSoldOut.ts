import type { CollectionAfterChangeHook } from 'payload'

import { forgetSoldOut } from '../../../commerce/soldOut'

/** Stock may have been added: checkouts on this instance stop answering "sold out" from memory at once. */
export const forgetSoldOutOnSave: CollectionAfterChangeHook = ({ doc }) => {
  forgetSoldOut([String(doc.id)])
  return doc
}
