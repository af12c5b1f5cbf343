'use client'
import { FieldError, FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import React from 'react'

import { TEMPLATE_USES } from '@/notifications/templateUses'

/** The `key` of a template row as a choice of the three order notifications; stored as the same text as before. */
export const TemplateUseSelect: TextFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const { path, value, setValue, disabled, showError } = useField<string>({ potentiallyStalePath: pathFromProps })
  const known = TEMPLATE_USES.some((u) => u.value === value)
  const selectId = `field-${path.replace(/\./g, '__')}`
  return (
    <div className={['field-type', 'text', showError && 'error'].filter(Boolean).join(' ')} data-testid="template-use">
      <FieldLabel htmlFor={selectId} label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <select
          id={selectId}
          name={path}
          style={{ width: '100%', minHeight: 40, padding: '0 8px', font: 'inherit' }}
          disabled={readOnly || disabled}
          value={value ?? ''}
          onChange={(e) => setValue(e.target.value)}
        >
          <option value="">{zh ? '选择用途…' : 'Choose a use…'}</option>
          {/* A key typed before the choice existed stays as it is until changed. */}
          {value && !known ? <option value={value}>{value}</option> : null}
          {TEMPLATE_USES.map((u) => (
            <option key={u.value} value={u.value}>{`${zh ? u.label.zh : u.label.en}（${u.value}）`}</option>
          ))}
        </select>
      </div>
    </div>
  )
}
