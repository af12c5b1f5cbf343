import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { brandMember } from '../../access/brandMember'
import { isAdmin } from '../../access/isAdmin'
import { brandField } from '../../fields/brand'
import { callbackEndpoint, callbackVerifyEndpoint } from '../../publishing/callbackEndpoint'
import { templatesEndpoint } from './endpoints/templates'
import { encryptSecrets } from './hooks/encryptSecrets'
import { encodingAESKeyInput } from './validation/callbackSecurity'

export const WechatAccounts: CollectionConfig = {
  slug: 'wechat-accounts',
  labels: { singular: { en: 'WeChat account', zh: '公众号' }, plural: { en: 'WeChat accounts', zh: '公众号' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'appId', 'accountType', 'verified', 'brand'],
    group: { en: 'Settings', zh: '设置' },
    description: {
      en: 'Callback URL for the WeChat platform: <site>/api/wechat-accounts/<id>/callback, with the token, EncodingAESKey and encryption mode below',
      zh: '公众平台「服务器配置」的 URL 填：<站点地址>/api/wechat-accounts/<本条 ID>/callback，令牌、EncodingAESKey 和消息加解密方式与下方一致',
    },
  },
  access: { read: brandMember, create: brandCanCreate('settings'), update: brandCan('settings'), delete: isAdmin },
  endpoints: [callbackEndpoint, callbackVerifyEndpoint, templatesEndpoint],
  hooks: { beforeChange: [encryptSecrets] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 40, label: { en: 'Name', zh: '公众号名称' } },
    {
      type: 'row',
      fields: [
        {
          name: 'appId',
          type: 'text',
          required: true,
          unique: true,
          label: { en: 'AppID', zh: 'AppID' },
          validate: (value: unknown) => (typeof value === 'string' && /^wx[0-9a-f]{16}$/.test(value) ? true : 'AppID 格式应为 wx 加 16 位十六进制'),
        },
        {
          name: 'appSecret',
          type: 'text',
          label: { en: 'AppSecret', zh: 'AppSecret' },
          admin: {
            placeholder: '保存后不再显示；留空表示不修改',
            description: { en: 'Stored encrypted; never shown again', zh: '加密保存，保存后不再显示' },
          },
        },
      ],
    },
    { name: 'appSecretEncrypted', type: 'text', hidden: true },
    {
      name: 'hasAppSecret',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'AppSecret set', zh: '已设置 AppSecret' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'accountType',
          type: 'select',
          required: true,
          defaultValue: 'subscription',
          label: { en: 'Account type', zh: '账号类型' },
          options: [
            { label: { en: 'Subscription', zh: '订阅号' }, value: 'subscription' },
            { label: { en: 'Service', zh: '服务号' }, value: 'service' },
          ],
        },
        {
          name: 'verified',
          type: 'checkbox',
          defaultValue: false,
          label: { en: 'Verified (认证)', zh: '已认证' },
          admin: { description: { en: 'Unverified subscription accounts cannot publish via API', zh: '未认证订阅号不能通过接口发表' } },
        },
      ],
    },
    {
      name: 'miniProgramAppId',
      type: 'text',
      label: { en: 'Mini program AppID', zh: '关联小程序 AppID' },
      validate: (value: unknown) =>
        !value || (typeof value === 'string' && /^wx[0-9a-f]{16}$/.test(value)) ? true : '小程序 AppID 格式应为 wx 加 16 位十六进制',
    },
    {
      name: 'templateIds',
      type: 'array',
      label: { en: 'Template ids', zh: '模板消息 ID' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'key',
              type: 'text',
              required: true,
              label: { en: 'Use', zh: '用途' },
              // A text column still: the stored values (order_paid…) are what orderNotifications.ts looks up.
              admin: { components: { Field: '@/components/admin/templates/TemplateUseSelect#TemplateUseSelect' } },
            },
            {
              name: 'templateId',
              type: 'text',
              required: true,
              label: { en: 'Template id', zh: '模板 ID' },
              admin: { components: { Field: '@/components/admin/templates/TemplatePicker#TemplatePicker' } },
            },
          ],
        },
        {
          name: 'keywords',
          type: 'text',
          label: { en: 'Keyword mapping', zh: '关键词对应' },
          admin: {
            placeholder: 'character_string1:number,thing2:product,amount3:total,time4:time,phrase5:status',
            description: {
              en: 'The template keywords, each mapped to number, product, total, time, status or note; empty = the placeholder',
              zh: '模板的关键词（如 thing2）对应的内容：number 订单号、product 商品、total 金额、time 时间、status 状态、note 备注；留空使用示例格式',
            },
          },
        },
      ],
    },
    {
      name: 'callbackToken',
      type: 'text',
      label: { en: 'Callback token', zh: '服务器配置令牌 (Token)' },
      admin: { placeholder: '保存后不再显示；留空表示不修改' },
    },
    { name: 'callbackTokenEncrypted', type: 'text', hidden: true },
    {
      name: 'hasCallbackToken',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Token set', zh: '已设置令牌' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'callbackMode',
          type: 'select',
          defaultValue: 'plaintext',
          label: { en: 'Message encryption', zh: '消息加解密方式' },
          options: [
            { label: { en: 'Plaintext', zh: '明文模式' }, value: 'plaintext' },
            { label: { en: 'Compatible (plaintext or encrypted)', zh: '兼容模式' }, value: 'compatible' },
            { label: { en: 'Safe (encrypted, recommended)', zh: '安全模式（推荐）' }, value: 'safe' },
          ],
          admin: { description: { en: 'As set in 服务器配置 on the WeChat platform', zh: '与公众平台「服务器配置」中的选择一致' } },
        },
        {
          name: 'encodingAESKey',
          type: 'text',
          label: { en: 'EncodingAESKey', zh: '消息加解密密钥 (EncodingAESKey)' },
          validate: encodingAESKeyInput,
          admin: {
            placeholder: '保存后不再显示；留空表示不修改',
            description: { en: '43 letters and digits; stored encrypted', zh: '43 位字母和数字，加密保存' },
          },
        },
      ],
    },
    { name: 'encodingAESKeyEncrypted', type: 'text', hidden: true },
    {
      name: 'hasEncodingAESKey',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'EncodingAESKey set', zh: '已设置 EncodingAESKey' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'sandbox',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Sandbox (local emulator)', zh: '沙箱（本地模拟公众号）' },
      admin: {
        position: 'sidebar',
        description: { en: 'Talks to /sandbox/wechat instead of api.weixin.qq.com', zh: '推送到本站 /sandbox/wechat 模拟器，而不是真实微信' },
      },
    },
    brandField({ capability: 'settings' }),
  ],
}
