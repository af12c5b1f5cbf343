/** A failure the editor must fix (limits, missing cover, permissions): retrying will not help. Message in Chinese. */
export class PublishError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PublishError'
  }
}
