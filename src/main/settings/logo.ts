import { MAX_LOGO_BYTES, logoTypes, type Logo } from '../../shared/api/settings'
import { LukkhaError } from '../errors'

// The shop logo comes from the page as a base64 data: URL. Only raster images whose bytes match their
// declared type are kept (no SVG: it can carry script), and only up to MAX_LOGO_BYTES.

type LogoType = (typeof logoTypes)[number]

const SIGNATURES: Record<LogoType, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/

function isLogoType(type: string): type is LogoType {
  return (logoTypes as readonly string[]).includes(type)
}

export function parseLogo(dataUrl: string): Logo {
  const match = DATA_URL.exec(dataUrl)
  if (!match) {
    throw new LukkhaError('bad_input', 'Logo: the image must arrive as a base64 data: URL.', {
      field: 'logo',
    })
  }
  const [, type = '', base64 = ''] = match
  if (!isLogoType(type)) {
    throw new LukkhaError('bad_input', `Logo: ${type} is not accepted; use a PNG, JPEG or WebP image.`, {
      field: 'logo',
      type,
    })
  }
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length === 0) throw new LukkhaError('bad_input', 'Logo: the image is empty.', { field: 'logo' })
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new LukkhaError(
      'bad_input',
      `Logo: the image is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${MAX_LOGO_BYTES / 1024} KB.`,
      { field: 'logo', bytes: bytes.length, limit: MAX_LOGO_BYTES },
    )
  }
  if (!SIGNATURES[type](bytes)) {
    throw new LukkhaError('bad_input', `Logo: the file's content is not a ${type} image.`, {
      field: 'logo',
      type,
    })
  }
  return { dataUrl: `data:${type};base64,${bytes.toString('base64')}`, type, bytes: bytes.length }
}
