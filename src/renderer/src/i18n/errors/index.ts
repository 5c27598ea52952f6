import { defineNamespace } from '../types'
import { en } from './en'
import { th } from './th'

/** The one namespace for error codes (src/shared/result.ts), worded by errorText() for every error notice. */
export default defineNamespace(en, th)
