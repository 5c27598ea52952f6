import type { LukkhaApi } from '../shared/api'
import type { LukkhaEvent } from '../shared/events'

export type LukkhaBridge = LukkhaApi & {
  onEvent(listener: (event: LukkhaEvent) => void): () => void
}

declare global {
  interface Window {
    lukkha: LukkhaBridge
  }
}
