// The demo catalogue: a tea brand (the main demo) and a coffee brand (to show brand isolation).
export const brands = [
  { key: 'tea', name: '山野茶事', slug: 'shanye-tea', primaryColor: '#4f8a3c' },
  { key: 'coffee', name: '青柠咖啡', slug: 'lime-coffee', primaryColor: '#6d4c41' },
] as const

export type BrandKey = (typeof brands)[number]['key']

/** The tea brand's shop shelves (店铺货架), by product slug, in the order the shop home shows them. */
export const teaShelves = [
  { title: '春茶上新', products: ['mingqian-longjing', 'osmanthus-oolong'] },
  { title: '好茶配好器', products: ['white-gaiwan', 'yixing-teapot', 'bamboo-tray', 'travel-tea-set'] },
]

export const products = [
  // Sold per SKU: the product's stock (500) is the sum of its variants'; 250g uses the product price.
  {
    brand: 'tea',
    slug: 'mingqian-longjing',
    category: '绿茶',
    title: '明前龙井 250g 罐装',
    price: 26800,
    compareAtPrice: 32800,
    stock: 500,
    image: 'longjing.jpg',
    points: ['西湖产区 明前头采', '豆香清雅 回甘持久', '铁罐充氮 锁住鲜爽'],
    variants: [
      { sku: 'LJ-50G', name: '50g 尝鲜装', price: 6800, stock: 200, image: 'longjing-50g.jpg' },
      { sku: 'LJ-250G', name: '250g 罐装', stock: 300 },
    ],
  },
  {
    brand: 'tea',
    slug: 'white-gaiwan',
    category: '茶器',
    title: '德化白瓷盖碗 150ml',
    price: 8900,
    compareAtPrice: 12900,
    stock: 120,
    image: 'gaiwan.jpg',
    points: ['羊脂白瓷 透光温润', '不烫手的宽沿设计'],
  },
  {
    brand: 'tea',
    slug: 'osmanthus-oolong',
    category: '乌龙茶',
    title: '桂花乌龙 冷泡茶包 20袋',
    price: 5900,
    stock: 800,
    image: 'oolong.jpg',
    points: ['冷泡 4 小时即饮', '真桂花窨制 无香精'],
  },
  {
    brand: 'tea',
    slug: 'yixing-teapot',
    category: '茶器',
    title: '宜兴紫砂壶 西施 220ml',
    price: 49900,
    compareAtPrice: 68000,
    stock: 30,
    image: 'teapot.jpg',
    points: ['原矿紫泥 手工拍身', '出水顺畅 断水利落'],
  },
  {
    brand: 'tea',
    slug: 'bamboo-tray',
    category: '茶器',
    title: '重竹茶盘 储水式',
    price: 15900,
    stock: 60,
    image: 'tray.jpg',
    points: ['重竹压制 不开裂', '隐藏式储水 免接管'],
  },
  {
    brand: 'tea',
    slug: 'travel-tea-set',
    category: '茶器',
    title: '便携旅行茶具 一壶三杯',
    price: 12800,
    compareAtPrice: 16800,
    stock: 200,
    image: 'travel-set.jpg',
    points: ['收纳包随身带', '防烫双层杯'],
  },
  {
    brand: 'coffee',
    slug: 'yunnan-beans',
    category: '咖啡豆',
    title: '云南保山 小粒咖啡豆 454g',
    price: 9800,
    compareAtPrice: 12800,
    stock: 300,
    image: 'coffee-beans.jpg',
    points: ['中浅烘 坚果与焦糖', '下单后 48 小时内烘焙'],
  },
] as const satisfies readonly {
  brand: BrandKey
  slug: string
  category: string
  title: string
  price: number
  compareAtPrice?: number
  stock: number
  image: string
  points: readonly string[]
  variants?: readonly { sku: string; name: string; price?: number; stock: number; image?: string }[]
}[]
