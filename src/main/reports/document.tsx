/** @jsxRuntime automatic */
import type { ReactNode } from 'react'
import { reportStyles, type Orientation } from './styles'

export interface ShopHeader {
  shopName: string
  shopAddress: string
  /** A data: URL (checked to be PNG, JPEG or WebP when it was stored). */
  logoDataUrl: string | null
}

export interface DocumentProps {
  language: string
  title: string
  /** e.g. "Sales up to 28 May 2569". */
  period: string | null
  printed: string
  shop: ShopHeader
  orientation: Orientation
  pageWord: string
  children: ReactNode
}

/** The shared page of every report: head with the shop and the report's title, period and print date. */
export function ReportDocument(props: DocumentProps): React.JSX.Element {
  const footer = [props.shop.shopName || 'Lukkha', props.title].join(' · ')
  return (
    <html lang={props.language}>
      <head>
        <meta charSet="utf-8" />
        <title>{props.title}</title>
        <style
          dangerouslySetInnerHTML={{ __html: reportStyles(props.orientation, footer, props.pageWord) }}
        />
      </head>
      <body>
        <header className="report-head">
          {props.shop.logoDataUrl && <img src={props.shop.logoDataUrl} alt="" />}
          <div className="shop">
            <div className="shop-name">{props.shop.shopName || 'Lukkha'}</div>
            {props.shop.shopAddress && <div className="shop-address">{props.shop.shopAddress}</div>}
          </div>
          <div className="meta">
            {props.period && <div>{props.period}</div>}
            <div>{props.printed}</div>
          </div>
        </header>
        <h1>{props.title}</h1>
        {props.children}
      </body>
    </html>
  )
}
