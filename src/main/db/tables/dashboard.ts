// The dashboard's stored days (src/main/dashboard/stored-days.ts): sales and product sales by day, and the data key they match.
// Part of the Database interface in ../schema.ts, which re-exports every name here.

/** The dashboard's stored sales by day (src/main/dashboard/stored-days.ts). */
export interface SalesDaysTable {
  day: string
  net_satang: number
  sales: number
}

export interface ProductDaysTable {
  day: string
  product_id: number
  quantity: number
  net_satang: number
}

export interface DashboardDaysStateTable {
  id: number
  data_key: string
}
