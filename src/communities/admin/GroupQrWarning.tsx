'use client'
import { useAllFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { reduceFieldsToValues } from 'payload/shared'
import React from 'react'

import { type GroupQrInput, groupQrWarning, groupQrWarningText } from '../groupQr'

/** The admin's warning, live while editing: two days before the last usable group QR expires, and once none is usable. */
export const GroupQrWarning: UIFieldClientComponent = () => {
  const [fields] = useAllFormFields()
  const data = reduceFieldsToValues(fields, true) as { groupQrs?: GroupQrInput[] | number }
  // On a new document an empty array field's form value is its row count (0), not an array.
  const rows = Array.isArray(data.groupQrs) ? data.groupQrs : []
  const text = groupQrWarningText(groupQrWarning(rows, new Date()))
  if (!text) return null
  return (
    <div
      role="alert"
      data-testid="group-qr-warning"
      style={{
        margin: '0 0 16px',
        padding: '10px 14px',
        borderRadius: 6,
        background: 'var(--theme-warning-100, #fff4d6)',
        color: 'var(--theme-warning-900, #6b4b00)',
        border: '1px solid var(--theme-warning-400, #f0c14b)',
      }}
    >
      ⚠️ {text}
    </div>
  )
}
