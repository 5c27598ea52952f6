import { ZodError } from 'zod'
import { contract, type Method } from '../../shared/api'
import type { ApiResult } from '../../shared/result'
import { toApiError } from '../errors'
import type { ApiContext } from './context'
import { handlers } from './index'
import { damaged, servedWhenDamaged } from './backup'

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name)
}

function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'argument'}: ${i.message}`).join('; ')
}

/**
 * Runs one API call: validates the raw argument against the contract (an invalid one never reaches the
 * engine), calls the handler, validates its result, and turns any error into { ok: false, error }.
 * Both transports use it: Electron IPC (src/main/ipc.ts) and the test harness's HTTP bridge.
 */
export async function dispatch(
  method: string,
  rawInput: unknown,
  ctx: ApiContext,
): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'validation', message: `Unknown API method: ${method}` } }
  }
  const spec = contract[method]
  const parsed = spec.input.safeParse(rawInput)
  if (!parsed.success) {
    return { ok: false, error: { code: 'validation', message: describeZodError(parsed.error) } }
  }
  try {
    if (ctx.health?.status === 'corrupt' && !servedWhenDamaged.has(method)) throw damaged()
    const handler = handlers[method] as (input: unknown, ctx: ApiContext) => unknown
    const data = spec.output.parse(await handler(parsed.data, ctx))
    return { ok: true, data }
  } catch (error) {
    if (error instanceof ZodError) {
      return { ok: false, error: { code: 'internal', message: `Invalid result: ${describeZodError(error)}` } }
    }
    return { ok: false, error: toApiError(error) }
  }
}
