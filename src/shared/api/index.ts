import type { z } from 'zod'
import type { ApiResult } from '../result'
import { importContract } from './import'
import { dashboardContract } from './dashboard'
import { demoContract } from './demo'
import { settingsContract } from './settings'
import { analysisContract } from './analysis'
import { systemContract } from './system'
import { reportsContract } from './reports'
import { productsContract } from './products'
import { jobsContract } from './jobs'
import { ipcChannel, methodNames, type MethodName } from './methods'
import { customersContract } from './customers'
import { customerListsContract } from './customer-lists'
import { surveysContract } from './surveys'
import { retentionContract } from './retention'
import { growthContract } from './growth'
import { campaignsContract } from './campaigns'
import { backupContract } from './backup'

/**
 * The API contract: every method the renderer may call, with the zod schema of its one argument and of its
 * result. src/main/ipc.ts validates against it, the preload exposes one function per key, the handlers in
 * src/main/api implement it. Add a domain by spreading its contract here.
 */
export const contract = {
  ...systemContract,
  ...importContract,
  ...settingsContract,
  ...dashboardContract,
  ...demoContract,
  ...analysisContract,
  ...reportsContract,
  ...productsContract,
  ...jobsContract,
  ...customersContract,
  ...customerListsContract,
  ...surveysContract,
  ...retentionContract,
  ...growthContract,
  ...campaignsContract,
  ...backupContract,
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>

export const methods: readonly Method[] = methodNames

// methods.ts (zod-free, for the preload) lists exactly the contract's methods: either way a mismatch fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type MethodListMatchesContract = Assert<Same<Method, MethodName>>

/** The API as the renderer sees it (window.lukkha). */
export type LukkhaApi = {
  [M in Method]: undefined extends Input<M>
    ? (input?: Input<M>) => Promise<ApiResult<Output<M>>>
    : (input: Input<M>) => Promise<ApiResult<Output<M>>>
}

export { ipcChannel }
