import type { Ctx, Route } from './context'
import { json, wxError } from './respond'

/** What a template without details lists: its keys, one a line, as WeChat's content writes them. */
const contentOf = (keys: string[]) => keys.map((key) => `${key}：{{${key}.DATA}}`).join('\n')

function templateList(ctx: Ctx) {
  return Object.entries(ctx.account.templates).map(([templateId, keys]) => {
    const details = ctx.account.templateDetails[templateId]
    return {
      template_id: templateId,
      title: details?.title ?? templateId,
      primary_industry: details?.primaryIndustry ?? 'IT科技',
      deputy_industry: details?.deputyIndustry ?? '互联网|电子商务',
      content: details?.content ?? contentOf(keys),
      example: details?.example ?? '',
    }
  })
}

/** §1.7: template messages are for (verified) service accounts only. */
const getAllPrivateTemplate: Route = {
  method: 'GET',
  auth: true,
  json: false,
  handle(ctx) {
    if (ctx.account.type !== 'service') return wxError(48001)
    // The real answer has no errcode, only the list.
    return json({ template_list: templateList(ctx) })
  },
}

export const templateRoutes: Record<string, Route> = {
  '/cgi-bin/template/get_all_private_template': getAllPrivateTemplate,
}
