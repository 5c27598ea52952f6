import { SARABUN_FACES } from './fonts.generated'

// The print stylesheet every report shares: A4, Sarabun embedded, page numbers in the page margin (Chromium's
// @page margin boxes, also used by Electron's printToPDF), table headers repeated on every page and no row,
// chart or heading cut or left alone at the bottom of a page.

export type Orientation = 'portrait' | 'landscape'

const fontFaces = SARABUN_FACES.map(
  (face) =>
    `@font-face{font-family:Sarabun;font-style:normal;font-weight:${face.weight};font-display:block;` +
    `src:url(data:font/woff2;base64,${face.base64}) format('woff2');` +
    (face.subset === 'thai'
      ? 'unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC;}'
      : 'unicode-range:U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+20BF,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD,U+0E3F;}'),
).join('\n')

/** A CSS string literal: quotes, backslashes, line breaks and '<' escaped so nothing can leave the string or the <style>. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

export function reportStyles(orientation: Orientation, footerLeft: string, pageWord: string): string {
  return `${fontFaces}
@page {
  size: A4 ${orientation};
  margin: 14mm 12mm 16mm 12mm;
  @bottom-left { content: ${cssString(footerLeft)}; font: 8pt Sarabun, sans-serif; color: #555; }
  @bottom-right { content: ${cssString(`${pageWord} `)} counter(page) "/" counter(pages); font: 8pt Sarabun, sans-serif; color: #555; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Sarabun, sans-serif; font-size: 10pt; line-height: 1.45; color: #111; background: #fff; }
@media screen { body { padding: 12mm; } }
header.report-head { display: flex; gap: 4mm; align-items: flex-start; border-bottom: 1.5pt solid #0b7285; padding-bottom: 3mm; margin-bottom: 4mm; }
header.report-head img { width: 16mm; height: 16mm; object-fit: contain; }
header.report-head .shop { flex: 1; }
header.report-head .shop-name { font-size: 12pt; font-weight: 700; }
header.report-head .shop-address { color: #444; white-space: pre-line; font-size: 9pt; }
header.report-head .meta { text-align: right; font-size: 9pt; color: #333; }
h1 { font-size: 16pt; margin: 0 0 1mm; color: #0b7285; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.note { color: #444; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e3f2f4; font-weight: 700; font-size: 9pt; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.clip { max-width: 0; width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
td.write { min-width: 45mm; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin-bottom: 3mm; break-inside: avoid; }
.kpi { border: 0.5pt solid #bbb; border-radius: 1.5mm; padding: 2mm; }
.kpi .label { font-size: 8.5pt; color: #444; }
.kpi .value { font-size: 13pt; font-weight: 700; white-space: nowrap; }
figure { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #444; }
.heat td { text-align: center; font-size: 8.5pt; }
.section { break-inside: avoid; }
dl.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1mm 4mm; margin: 0 0 3mm; }
dl.facts dt { font-size: 8.5pt; color: #444; }
dl.facts dd { margin: 0; font-weight: 700; overflow-wrap: anywhere; }
.page-break { break-before: page; page-break-before: always; }
.tick { display: inline-block; width: 4mm; height: 4mm; border: 0.75pt solid #333; }
`
}
