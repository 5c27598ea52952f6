import type { z } from 'zod'
import type { ApiResult } from '../result'
import { importContract } from './import'
import { dashboardContract } from './dashboard'
import { demoContract } from './demo'
import { settingsContract } from './settings'
import { analysisContract } from './analysis'
import { systemContract } from './system'
import { productsContract } from './products'
import { jobsContract } from './jobs'

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
  ...productsContract,
  ...jobsContract,
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>

export const methods = Object.keys(contract) as Method[]

/** The API as the renderer sees it (window.lukkha). */
export type LukkhaApi = {
  [M in Method]: undefined extends Input<M>
    ? (input?: Input<M>) => Promise<ApiResult<Output<M>>>
    : (input: Input<M>) => Promise<ApiResult<Output<M>>>
}

export const ipcChannel = (method: Method): string => `lukkha:${method}`
