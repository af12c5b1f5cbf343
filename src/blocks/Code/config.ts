import type { Block } from 'payload'

/** A code listing; WeChat mangles <pre> whitespace, so its converter handles that. */
export const CodeBlock: Block = {
  slug: 'code',
  interfaceName: 'CodeBlock',
  labels: { singular: { en: 'Code', zh: '代码' }, plural: { en: 'Code', zh: '代码' } },
  fields: [
    {
      name: 'language',
      type: 'select',
      defaultValue: 'plaintext',
      label: { en: 'Language', zh: '语言' },
      options: ['plaintext', 'typescript', 'javascript', 'python', 'bash', 'json', 'html', 'css', 'sql', 'go', 'java'].map((v) => ({ label: v, value: v })),
    },
    { name: 'code', type: 'code', required: true, label: { en: 'Code', zh: '代码' } },
  ],
}
