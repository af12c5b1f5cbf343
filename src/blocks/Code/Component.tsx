import React from 'react'

import type { CodeBlock as CodeFields } from '@/payload-types'

export function CodeComponent({ fields }: { fields: CodeFields }) {
  return (
    <pre className="code-block" data-language={fields.language ?? 'plaintext'}>
      <code>{fields.code}</code>
    </pre>
  )
}
