'use client'
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'
import React, { useState } from 'react'

import { fenToYuanInput, yuanInputToFen } from './moneyInput'

/** Edits an integer-fen field in yuan (¥12.90), the way editors think about prices. */
export const MoneyField: NumberFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { path, value, setValue, showError, disabled } = useField<number | null>({ potentiallyStalePath: pathFromProps })
  const [text, setText] = useState(fenToYuanInput(value))
  const [shownValue, setShownValue] = useState(value)

  // Follow outside changes (load, reset) without fighting the user's typing: adjusted while rendering, as React
  // recommends for state that follows a prop (an effect would render the stale text first). Object.is, as for an
  // effect's dependencies: text that is not an amount sets NaN, and NaN !== NaN would render forever.
  if (!Object.is(value, shownValue)) {
    setShownValue(value)
    if (yuanInputToFen(text) !== value) setText(fenToYuanInput(value))
  }

  const id = `field-${path.replace(/\./g, '__')}`
  return (
    <div className={['field-type', 'number', showError && 'error'].filter(Boolean).join(' ')}>
      <FieldLabel label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <span aria-hidden>¥</span>
          <input
            id={id}
            name={path}
            inputMode="decimal"
            type="text"
            disabled={readOnly || disabled}
            value={text}
            placeholder="0.00"
            onChange={(e) => {
              setText(e.target.value)
              setValue(yuanInputToFen(e.target.value))
            }}
          />
        </div>
        <FieldDescription description={field.admin?.description ?? { en: 'In yuan; stored as fen', zh: '单位：元（按分存储）' }} path={path} />
      </div>
    </div>
  )
}
