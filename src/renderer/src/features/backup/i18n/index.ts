import { defineNamespace } from '../../../i18n/types'
import { en } from './en'
import { th } from './th'

export default defineNamespace(en, th)
