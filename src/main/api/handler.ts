import type { Input, Method, Output } from '../../shared/api'
import type { ApiContext } from './context'

export type Handler<M extends Method> = (input: Input<M>, ctx: ApiContext) => Promise<Output<M>> | Output<M>

/** A domain's handlers: exactly the methods of its slice of the contract. */
export type Handlers<C> = { [M in keyof C & Method]: Handler<M> }
