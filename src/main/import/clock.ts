const pad = (n: number): string => String(n).padStart(2, '0')

/** Shop-local 'YYYY-MM-DDTHH:MM:SS' for a moment (the machine's time zone is the shop's). */
export function localTimestamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
