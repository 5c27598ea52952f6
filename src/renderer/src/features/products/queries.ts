import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { BasketParams } from '../../../../shared/api/products'
import { call } from '../../api/client'

export const productsKeys = {
  all: ['products'] as const,
  overview: () => [...productsKeys.all, 'overview'] as const,
  rules: (params: BasketParams) => [...productsKeys.all, 'rules', params] as const,
  together: (productId: number) => [...productsKeys.all, 'together', productId] as const,
  suggestions: (customerId: number) => [...productsKeys.all, 'suggestions', customerId] as const,
  customers: (query: string) => [...productsKeys.all, 'customers', query] as const,
  targets: (bought: number, never: number) => [...productsKeys.all, 'targets', bought, never] as const,
}

export function useProductsOverview() {
  return useQuery({ queryKey: productsKeys.overview(), queryFn: () => call('getProductsOverview') })
}

export function useBasketRules(params: BasketParams) {
  return useQuery({
    queryKey: productsKeys.rules(params),
    queryFn: () => call('getBasketRules', params),
    placeholderData: keepPreviousData,
  })
}

export function useBoughtTogether(productId: number | null) {
  return useQuery({
    queryKey: productsKeys.together(productId ?? 0),
    queryFn: () => call('getBoughtTogether', { productId: productId ?? 0 }),
    enabled: productId !== null,
  })
}

/** A customer's suggested products; the customer profile mounts CustomerSuggestions, which uses this. */
export function useCustomerSuggestions(customerId: number | null) {
  return useQuery({
    queryKey: productsKeys.suggestions(customerId ?? 0),
    queryFn: () => call('getCustomerSuggestions', { customerId: customerId ?? 0 }),
    enabled: customerId !== null,
  })
}

export function useSuggestionCustomers(query: string) {
  return useQuery({
    queryKey: productsKeys.customers(query),
    queryFn: () => call('searchSuggestionCustomers', { query }),
    placeholderData: keepPreviousData,
  })
}

export function useTargetList(bought: number | null, never: number | null) {
  return useQuery({
    queryKey: productsKeys.targets(bought ?? 0, never ?? 0),
    queryFn: () => call('getBasketTargetList', { boughtProductId: bought ?? 0, neverProductId: never ?? 0 }),
    enabled: bought !== null && never !== null && bought !== never,
  })
}
