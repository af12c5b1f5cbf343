'use client'
import { FieldDescription, FieldError, FieldLabel, TextField, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import React from 'react'

import { suggestKeywords } from '@/notifications/templateKeys'

import { useAccountTemplates } from './useAccountTemplates'

const SELECT_STYLE: React.CSSProperties = { width: '100%', minHeight: 40, padding: '0 8px', font: 'inherit' }

/**
 * The 模板 ID of a template row, chosen from the account's own templates; choosing one pre-fills the row's
 * keyword mapping. Without the list (unsaved account, no AppSecret, WeChat refusing) it is the typed input.
 */
export const TemplatePicker: TextFieldClientComponent = (props) => {
  const { field, path: pathFromProps, readOnly } = props
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const { path, value, setValue, disabled, showError } = useField<string>({ potentiallyStalePath: pathFromProps })
  const keywords = useField<string>({ path: path.replace(/templateId$/, 'keywords') })
  const state = useAccountTemplates(id)

  if (state.status === 'error' || (state.status === 'ready' && !state.templates.length)) {
    const message =
      state.status === 'error' ? state.message : zh ? '该公众号还没有模板：请先在公众平台「模板消息 → 我的模板」中添加' : 'The account has no templates yet'
    return (
      <div data-testid="template-picker-fallback">
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: '0 0 4px' }}>
          {message}
        </p>
        <TextField {...props} />
      </div>
    )
  }

  const templates = state.status === 'ready' ? state.templates : []
  const known = templates.some((t) => t.templateId === value)
  const choose = (templateId: string) => {
    const template = templates.find((t) => t.templateId === templateId)
    setValue(templateId)
    if (template) keywords.setValue(suggestKeywords(template.keys))
  }
  const selectId = `field-${path.replace(/\./g, '__')}`
  return (
    <div className={['field-type', 'text', showError && 'error'].filter(Boolean).join(' ')} data-testid="template-picker">
      <FieldLabel htmlFor={selectId} label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <select
          id={selectId}
          name={path}
          style={SELECT_STYLE}
          disabled={readOnly || disabled || state.status === 'loading'}
          value={value ?? ''}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{state.status === 'loading' ? (zh ? '正在读取模板列表…' : 'Loading templates…') : zh ? '选择模板…' : 'Choose a template…'}</option>
          {value && !known ? (
            <option value={value}>{state.status === 'ready' ? `${value}（${zh ? '不在模板列表中' : 'not in the list'}）` : value}</option>
          ) : null}
          {templates.map((t) => (
            <option key={t.templateId} value={t.templateId}>{`${t.title}（${t.templateId}）`}</option>
          ))}
        </select>
        <FieldDescription
          path={path}
          description={
            zh
              ? '来自公众平台「模板消息 → 我的模板」；选择后自动填写下方的关键词对应，可再修改'
              : "From the account's template list; choosing one fills in the keyword mapping below"
          }
        />
      </div>
    </div>
  )
}
