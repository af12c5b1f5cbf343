import { doc, FORMAT, heading, horizontalRule, link, list, paragraph, productCard, productGrid, quote, text, upload } from './lexical'

type Ids = { product: (slug: string) => string; media: (file: string) => string }

export const articles = [
  {
    slug: 'spring-longjing-guide',
    title: '明前龙井怎么挑？三步看懂一杯好茶',
    author: '林编辑',
    digest: '清明前的第一口春天：从干茶、汤色到叶底，教你挑到真正的明前龙井。',
    cover: 'article-hills.jpg',
    content: ({ product, media }: Ids) =>
      doc(
        heading('h2', '一、先看干茶'),
        paragraph('好的明前龙井', text('扁平光滑、挺直尖削', FORMAT.bold), '，色泽嫩绿带糙米黄。'),
        upload(media('article-hills.jpg')),
        list('bullet', ['芽叶完整，少碎末', { text: '香气清而不闷', children: ['豆香为上', '栗香次之'] }, '手感干燥，一捏即碎']),
        heading('h2', '二、再看汤色'),
        quote('「色绿、香郁、味甘、形美」——龙井四绝。'),
        paragraph('想了解更多产区知识，可以看看', link('https://baike.baidu.com/item/西湖龙井', '西湖龙井的百科词条'), '。'),
        productCard(product('mingqian-longjing'), 'large', '马上尝鲜'),
        heading('h2', '三、冲泡三要点'),
        list('number', ['水温 80–85℃', '投茶量 3g 配 150ml', '第一泡 45 秒']),
        paragraph('第一次喝明前龙井？先来一份小罐尝尝。'),
        productCard(product('mingqian-longjing'), 'small', '先尝 50g', 'LJ-50G'),
        productCard(product('white-gaiwan'), 'small'),
        horizontalRule(),
        paragraph(text('本文为山野茶事原创，转载请联系后台。', FORMAT.italic)),
      ),
  },
  {
    slug: 'cold-brew-summer',
    title: '夏天的冷泡茶，4 小时就够了',
    author: '林编辑',
    digest: '不用煮水、不会苦涩，一只瓶子一包茶，办公室也能喝到好茶。',
    cover: 'article-brew.jpg',
    content: ({ product, media }: Ids) =>
      doc(
        paragraph('天一热，热茶就喝不下了。试试', text('冷泡', FORMAT.bold), '：把茶包丢进凉白开，冰箱里放 4 小时。'),
        upload(media('article-brew.jpg')),
        heading('h3', '为什么冷泡不苦？'),
        paragraph('低温下咖啡碱和茶多酚析出得慢，', text('氨基酸', FORMAT.underline), '却照样出来，所以更甜。'),
        list('bullet', ['绿茶：2–4 小时', '乌龙：4–6 小时', { text: '红茶：6 小时以上', children: ['加一片柠檬更清爽'] }]),
        productCard(product('osmanthus-oolong'), 'large', '囤一盒'),
        quote('小贴士：冷泡茶 24 小时内喝完。'),
        productCard(product('travel-tea-set'), 'text'),
      ),
  },
  {
    slug: 'tea-table-setup',
    title: '在家搭一张茶桌，需要几样东西？',
    author: '茶事君',
    digest: '从一只盖碗开始，到壶、盘、杯，一步步搭出自己的茶桌。',
    cover: 'article-market.jpg',
    content: ({ product, media }: Ids) =>
      doc(
        heading('h2', '入门：一只盖碗就够'),
        paragraph('盖碗百搭，绿茶、乌龙、红茶都能泡。'),
        productCard(product('white-gaiwan'), 'large'),
        heading('h2', '进阶：壶与茶盘'),
        upload(media('article-market.jpg')),
        list('number', [{ text: '紫砂壶', children: [{ text: '一壶只泡一类茶', children: ['养出茶韵'] }] }, '茶盘：选储水式，免接管']),
        productGrid([product('yixing-teapot'), product('bamboo-tray')]),
        paragraph('更多器物知识见', link('https://mp.weixin.qq.com/s/tea-ware-basics', '往期推送'), '。'),
      ),
  },
] as const
