// Row ids for append-heavy tables. A random UUID v4 lands anywhere in the primary-key index, so a batch of a
// thousand inserts dirties a thousand index pages; a UUID v7 starts with the time, so new rows go to the index's end.
import { v7 as uuidv7 } from 'uuid'

export const timeOrderedId = (): string => uuidv7()

/**
 * For ids made inside SQL (`${prefix} || lower(hex(randomblob(8)))`): the time part of a v7 id, so the rows of one
 * statement sit together at the index's end like the v7 ids made in JavaScript.
 */
export const timeOrderedPrefix = (): string => uuidv7().slice(0, 18)
