import type { BrandRole } from '../access/roles'

type DemoAccount = { email: string; password: string; name: string; admin: boolean; role?: BrandRole; brand?: 'tea' | 'coffee' }

/** Demo logins, one per role. The admin's can be overridden with SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD. */
export function demoAccounts(env: Record<string, string | undefined> = process.env) {
  return {
    admin: {
      email: env.SEED_ADMIN_EMAIL || 'admin@tuiwen.demo',
      password: env.SEED_ADMIN_PASSWORD || 'tuiwen-admin-2026',
      name: '平台管理员',
      admin: true,
    },
    editor: { email: 'editor@tuiwen.demo', password: 'tuiwen-editor-2026', name: '林编辑', admin: false, role: 'editor', brand: 'tea' },
    brand: { email: 'brand@tuiwen.demo', password: 'tuiwen-brand-2026', name: '山野茶事负责人', admin: false, role: 'owner', brand: 'tea' },
    operator: { email: 'ops@tuiwen.demo', password: 'tuiwen-ops-2026', name: '山野茶事运营', admin: false, role: 'operator', brand: 'tea' },
    otherBrand: { email: 'coffee@tuiwen.demo', password: 'tuiwen-coffee-2026', name: '青柠咖啡负责人', admin: false, role: 'owner', brand: 'coffee' },
  } satisfies Record<string, DemoAccount>
}

/** Whether `email` and `password` are one of the published demo logins (the defaults above, whatever the env says). */
export function isPublicDemoLogin(email: unknown, password: unknown): boolean {
  if (typeof email !== 'string' || typeof password !== 'string') return false
  const typed = email.trim().toLowerCase()
  return Object.values(demoAccounts({})).some((account) => account.email === typed && account.password === password)
}
