/** Demo logins. The admin's can be overridden with SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD. */
export function demoAccounts(env: NodeJS.ProcessEnv = process.env) {
  return {
    admin: {
      email: env.SEED_ADMIN_EMAIL || 'admin@tuiwen.demo',
      password: env.SEED_ADMIN_PASSWORD || 'tuiwen-admin-2026',
      name: '平台管理员',
      roles: ['admin'] as const,
    },
    editor: { email: 'editor@tuiwen.demo', password: 'tuiwen-editor-2026', name: '林编辑', roles: ['editor'] as const },
    brand: { email: 'brand@tuiwen.demo', password: 'tuiwen-brand-2026', name: '山野茶事品牌方', roles: ['brand'] as const },
    otherBrand: { email: 'coffee@tuiwen.demo', password: 'tuiwen-coffee-2026', name: '青柠咖啡编辑', roles: ['editor'] as const },
  }
}
