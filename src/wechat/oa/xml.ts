import { Parser } from 'htmlparser2'

/** Minimal element tree for WeChat's flat callback XML: children in order, text with CDATA unwrapped. */
export type XmlElement = { name: string; text: string; children: XmlElement[] }

/** Parses with htmlparser2 in xmlMode (no DTD or external entity resolution, so no XXE). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', text: '', children: [] }
  const stack: XmlElement[] = [root]
  const parser = new Parser(
    {
      onopentag(name) {
        const element: XmlElement = { name, text: '', children: [] }
        stack[stack.length - 1].children.push(element)
        stack.push(element)
      },
      ontext(text) {
        stack[stack.length - 1].text += text
      },
      onclosetag() {
        if (stack.length > 1) stack.pop()
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  )
  parser.write(xml)
  parser.end()
  return root
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name)

export const childText = (element: XmlElement | undefined, name: string): string | undefined => {
  const found = child(element, name)
  return found ? found.text.trim() : undefined
}

export type XmlValue = string | number | XmlValue[] | { [key: string]: XmlValue }

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/** Serialises like WeChat: strings in CDATA, numbers bare, arrays as repeated elements. */
export function buildXml(fields: Record<string, XmlValue>, rootName = 'xml'): string {
  const render = (name: string, value: XmlValue): string => {
    if (Array.isArray(value)) return value.map((v) => render(name, v)).join('')
    if (typeof value === 'number') return `<${name}>${value}</${name}>`
    if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => render(k, v))
      .join('')}</${name}>`
  }
  return render(rootName, fields)
}
