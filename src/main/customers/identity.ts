import type { Sqlite } from '../db'
import type { MergeReason } from '../db/schema'
import { BatchInserter } from '../import/batch-insert'
import { nameKey } from './contacts'

// Who a row's customer is. Matches by the POS's customer code, then the phone number, then the e-mail, then
// (only when a row has none of those) the name. Everything is looked up in maps loaded once, so a million-line
// import never runs a SELECT per row. A row whose identities point at different customers is attached to the
// strongest match and the pair becomes a merge suggestion: customers are never merged silently.

/** What a row says about who its customer is: the POS code, phone (E.164), e-mail (lower-cased) and name. */
export interface Identity {
  code: string | null
  phone: string | null
  email: string | null
  name: string
}

type Ids = number | number[]

function addTo(map: Map<string, Ids>, key: string, id: number): void {
  const had = map.get(key)
  if (had === undefined) map.set(key, id)
  else if (typeof had === 'number') {
    if (had !== id) map.set(key, [had, id])
  } else if (!had.includes(id)) had.push(id)
}

function idsOf(map: Map<string, Ids>, key: string | null): number[] {
  if (key === null) return []
  const had = map.get(key)
  return had === undefined ? [] : typeof had === 'number' ? [had] : had
}

interface CustomerState {
  code: string | null
  phone: string | null
  email: string | null
  name: string
  birthday: string | null
}

/**
 * A receipt customer already resolved whose next rows can only repeat the answer: the row gave one phone or one
 * e-mail (no code) that points at this customer alone, and the customer knows all the row says. `seen` is the
 * customer's own first/last seen pair (the one `touch` moves).
 */
interface Repeat {
  id: number
  /** whether the stored name was not empty when this was recorded (a named row then adds nothing) */
  named: boolean
  seen: [string, string]
}

type Extra = { birthday?: string | null; firstVisit?: string | null; lastVisit?: string | null }

export interface CustomerCounts {
  customersCreated: number
  customersMatched: number
  mergeSuggestions: number
}

export class CustomerBook {
  private readonly byCode = new Map<string, number>()
  private readonly byPosId = new Map<string, number>()
  private readonly posIdOf = new Map<number, string>()
  private readonly codeOf = new Map<number, string>()
  /** What is stored for the customers this import has looked at, so matching a regular costs no SELECT. */
  private readonly states = new Map<number, CustomerState>()
  /** first/last seen as inserted, to skip rewriting customers whose dates did not move */
  private readonly insertedSeen = new Map<number, string>()
  /**
   * Customers this import created and has not written yet, with the first/last seen they were created with.
   * They are written at the end with what the import learnt of them (fields, dates) in multi-row inserts,
   * instead of an INSERT each and an UPDATE of their dates; the ids are numbered here as SQLite would
   * (AUTOINCREMENT: one past the highest ever given), which is safe because the import holds the write lock.
   */
  private readonly pending = new Map<number, [first: string | null, last: string | null]>()
  private nextId: number
  private readonly byPhone = new Map<string, Ids>()
  private readonly byEmail = new Map<string, Ids>()
  private byName: Map<string, Ids> | null = null
  /** Customers that existed before this import, by id, loaded the first time one is matched. */
  private readonly snapshotted = new Set<number>()
  private readonly created = new Set<number>()
  private readonly matched = new Set<number>()
  /** first and last receipt date seen per customer in this import */
  private readonly seen = new Map<number, [string, string]>()
  /**
   * Repeat customers by the one phone / e-mail their rows give: on a big file most receipts are a regular's, and
   * this answers them with one lookup. An entry is dropped whenever its phone's (e-mail's) customers change.
   */
  private readonly repeatByPhone = new Map<string, Repeat>()
  private readonly repeatByEmail = new Map<string, Repeat>()
  private suggestions = 0
  private readonly statements

  constructor(
    private readonly sqlite: Sqlite,
    private readonly importId: number,
    private readonly source: string,
    private readonly codeKind: 'code' | 'pos_id',
    private readonly now: string,
  ) {
    const sequence = sqlite.prepare("select seq from sqlite_sequence where name = 'customers'").get() as
      { seq: number } | undefined
    const maxId = sqlite.prepare('select coalesce(max(id), 0) from customers').pluck().get() as number
    this.nextId = Math.max(sequence?.seq ?? 0, maxId) + 1
    this.statements = {
      alias: sqlite.prepare(
        'insert into customer_aliases (customer_id, kind, source, value, import_id) values (?, ?, ?, ?, ?) on conflict do nothing',
      ),
      get: sqlite.prepare('select code, name, phone, email, birthday from customers where id = ?'),
      snapshot: sqlite.prepare(
        'insert into import_customer_changes (import_id, customer_id, code, name, phone, email, birthday, first_seen, last_seen) select ?, id, code, name, phone, email, birthday, first_seen, last_seen from customers where id = ?',
      ),
      update: sqlite.prepare(
        'update customers set code = ?, name = ?, phone = ?, email = ?, birthday = ?, updated_at = ? where id = ?',
      ),
      seen: sqlite.prepare(
        `update customers set
           first_seen = case when first_seen is null or first_seen > ? then ? else first_seen end,
           last_seen = case when last_seen is null or last_seen < ? then ? else last_seen end
         where id = ?`,
      ),
      suggest: sqlite.prepare(
        'insert into merge_suggestions (customer_id, other_customer_id, reason, value, import_id, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing',
      ),
    }
    this.load()
  }

  private load(): void {
    const customers = this.sqlite.prepare('select id, code, phone, email from customers').raw()
    for (const [id, code, phone, email] of customers.iterate() as Iterable<
      [number, string | null, string | null, string | null]
    >) {
      if (code !== null) {
        this.byCode.set(code, id)
        this.codeOf.set(id, code)
      }
      if (phone !== null) addTo(this.byPhone, phone, id)
      if (email !== null) addTo(this.byEmail, email, id)
    }
    const aliases = this.sqlite.prepare('select customer_id, kind, source, value from customer_aliases').raw()
    for (const [id, kind, source, value] of aliases.iterate() as Iterable<[number, string, string, string]>) {
      if (kind === 'pos_id') {
        this.byPosId.set(`${source}\u0000${value}`, id)
        if (source === this.source) this.posIdOf.set(id, value)
      } else if (kind === 'phone') addTo(this.byPhone, value, id)
      else addTo(this.byEmail, value, id)
    }
  }

  private names(): Map<string, Ids> {
    if (this.byName === null) {
      this.writePending(false) // (the names are read from the table, in its order)
      this.byName = new Map()
      const rows = this.sqlite.prepare('select id, name from customers').raw()
      for (const [id, name] of rows.iterate() as Iterable<[number, string]>) {
        if (name !== '') addTo(this.byName, nameKey(name), id)
      }
    }
    return this.byName
  }

  private codeMatch(code: string | null): number | undefined {
    if (code === null) return undefined
    return this.codeKind === 'code' ? this.byCode.get(code) : this.byPosId.get(`${this.source}\u0000${code}`)
  }

  /** Whether a customer carries a different code (or POS id of this source) than the row: not the same person. */
  private conflictingCode(id: number, code: string | null): boolean {
    if (code === null) return false
    if (this.codeKind === 'pos_id') {
      const other = this.posIdOf.get(id)
      return other !== undefined && other !== code
    }
    const own = this.codeOf.get(id)
    return own !== undefined && own !== code
  }

  private suggest(a: number, b: number, reason: MergeReason, value: string): void {
    if (a === b) return
    const [lo, hi] = a < b ? [a, b] : [b, a]
    const info = this.statements.suggest.run(lo, hi, reason, value, this.importId, this.now)
    this.suggestions += info.changes
  }

  /**
   * The customer a row belongs to: an existing one (enriched with what the row adds) or a new one. `date` is the
   * receipt's date (first and last seen), or null for a customer file.
   */
  resolve(identity: Identity, date: string | null, extra?: Extra): number {
    const { code, phone, email } = identity
    if (extra === undefined && date !== null && code === null) {
      const repeat =
        email === null
          ? phone === null
            ? undefined
            : this.repeatByPhone.get(phone)
          : phone === null
            ? this.repeatByEmail.get(email)
            : undefined
      if (repeat !== undefined && (repeat.named || identity.name === '')) {
        // what resolving it again would do: the same customer, nothing to add, only the dates seen move
        const seen = repeat.seen
        if (date < seen[0]) seen[0] = date
        if (date > seen[1]) seen[1] = date
        return repeat.id
      }
    }
    const id = this.match(identity, date, extra ?? {})
    if (extra === undefined && date !== null && code === null) this.remember(id, identity)
    return id
  }

  /**
   * Records a receipt customer as a repeat when resolving the same row again could only give `id` and move its
   * dates: one phone (or one e-mail) that points at `id` alone, an enriched customer that knows the whole row
   * (so `enrich` would return at once), and its dates already kept in `seen`.
   */
  private remember(id: number, identity: Identity): void {
    const { phone, email } = identity
    if ((phone === null) === (email === null)) return
    const byKey = phone !== null ? this.byPhone.get(phone) : this.byEmail.get(email as string)
    const row = this.states.get(id)
    const seen = this.seen.get(id)
    if (byKey !== id || row === undefined || seen === undefined || !this.knows(id, row, identity)) return
    if (!this.created.has(id) && !this.snapshotted.has(id)) return
    const repeat: Repeat = { id, named: row.name !== '', seen }
    if (phone !== null) this.repeatByPhone.set(phone, repeat)
    else this.repeatByEmail.set(email as string, repeat)
  }

  private addPhone(phone: string, id: number): void {
    addTo(this.byPhone, phone, id)
    this.repeatByPhone.delete(phone)
  }

  private addEmail(email: string, id: number): void {
    addTo(this.byEmail, email, id)
    this.repeatByEmail.delete(email)
  }

  private match(identity: Identity, date: string | null, extra: Extra): number {
    const { code, phone, email } = identity
    if (code === null) {
      // the common case on a big file: one phone or e-mail that points at one customer (or both at the same)
      const byPhone = phone === null ? undefined : this.byPhone.get(phone)
      const byEmail = email === null ? undefined : this.byEmail.get(email)
      if (
        typeof byPhone !== 'object' &&
        typeof byEmail !== 'object' &&
        (byPhone ?? byEmail) !== undefined &&
        (byPhone === undefined || byEmail === undefined || byPhone === byEmail)
      ) {
        const id = (byPhone ?? byEmail) as number
        this.enrich(id, identity, extra)
        if (date !== null) this.touch(id, date)
        return id
      }
    }
    const candidates: [number, MergeReason, string][] = []
    const byCode = this.codeMatch(code)
    if (byCode !== undefined && code !== null) candidates.push([byCode, 'code', code])
    for (const id of idsOf(this.byPhone, phone))
      if (!this.conflictingCode(id, code)) candidates.push([id, 'phone', phone ?? ''])
    for (const id of idsOf(this.byEmail, email))
      if (!this.conflictingCode(id, code)) candidates.push([id, 'email', email ?? ''])
    if (
      candidates.length === 0 &&
      code === null &&
      phone === null &&
      email === null &&
      identity.name !== ''
    ) {
      for (const id of idsOf(this.names(), nameKey(identity.name)))
        candidates.push([id, 'name', identity.name])
    }
    // Customers that share a phone with a different code: the new customer stays apart but is suggested.
    const codeClashes: [number, MergeReason, string][] = []
    if (byCode === undefined && code !== null) {
      for (const id of idsOf(this.byPhone, phone))
        if (this.conflictingCode(id, code)) codeClashes.push([id, 'phone', phone ?? ''])
      for (const id of idsOf(this.byEmail, email))
        if (this.conflictingCode(id, code)) codeClashes.push([id, 'email', email ?? ''])
    }

    let id: number
    if (candidates.length === 0) {
      id = this.create(identity, date, extra)
    } else {
      // strongest evidence first (code, phone, e-mail, name), the oldest customer among equals
      const first = candidates[0]
      id = first ? Math.min(...candidates.filter((c) => c[1] === first[1]).map((c) => c[0])) : 0
      for (const [other, reason, value] of candidates) this.suggest(id, other, reason, value)
      this.enrich(id, identity, extra)
    }
    for (const [other, reason, value] of codeClashes) this.suggest(id, other, reason, value)
    if (date !== null) this.touch(id, date)
    return id
  }

  private create(identity: Identity, date: string | null, extra: Extra): number {
    const code = this.codeKind === 'code' ? identity.code : null
    const first = date ?? extra.firstVisit ?? null
    const last = date ?? extra.lastVisit ?? null
    const id = this.nextId++
    this.pending.set(id, [first, last])
    this.created.add(id)
    this.states.set(id, {
      code,
      name: identity.name,
      phone: identity.phone,
      email: identity.email,
      birthday: extra.birthday ?? null,
    })
    if (code !== null) {
      this.byCode.set(code, id)
      this.codeOf.set(id, code)
    }
    if (this.codeKind === 'pos_id' && identity.code !== null) this.addPosId(id, identity.code)
    if (identity.phone !== null) this.addPhone(identity.phone, id)
    if (identity.email !== null) this.addEmail(identity.email, id)
    if (this.byName && identity.name !== '') addTo(this.byName, nameKey(identity.name), id)
    if (date !== null) this.seen.set(id, [date, date])
    return id
  }

  private addPosId(id: number, value: string): void {
    this.statements.alias.run(id, 'pos_id', this.source, value, this.importId)
    this.byPosId.set(`${this.source}\u0000${value}`, id)
    this.posIdOf.set(id, value)
  }

  private knows(id: number, row: CustomerState, identity: Identity): boolean {
    const code =
      identity.code === null ||
      (this.codeKind === 'code' ? row.code === identity.code : this.posIdOf.get(id) === identity.code)
    return (
      code &&
      (identity.phone === null || identity.phone === row.phone) &&
      (identity.email === null || identity.email === row.email) &&
      (identity.name === '' || row.name !== '')
    )
  }

  /** Adds what the row knows and the customer lacks; another phone or e-mail becomes an alias. */
  private enrich(id: number, identity: Identity, extra: Extra): void {
    const existedBefore = !this.created.has(id)
    if (existedBefore && !this.snapshotted.has(id)) {
      this.statements.snapshot.run(this.importId, id)
      this.snapshotted.add(id)
      this.matched.add(id)
    }
    let row = this.states.get(id)
    if (
      row !== undefined &&
      !extra.birthday &&
      !extra.firstVisit &&
      !extra.lastVisit &&
      this.knows(id, row, identity)
    ) {
      return // a regular with nothing new: the common case on a big file
    }
    if (row === undefined) {
      row = this.statements.get.get(id) as CustomerState
      this.states.set(id, row)
    }
    const next: CustomerState = { ...row }
    if (
      this.codeKind === 'code' &&
      identity.code !== null &&
      row.code === null &&
      !this.byCode.has(identity.code)
    ) {
      next.code = identity.code
      this.byCode.set(identity.code, id)
      this.codeOf.set(id, identity.code)
    }
    if (this.codeKind === 'pos_id' && identity.code !== null && !this.posIdOf.has(id))
      this.addPosId(id, identity.code)
    if (row.name === '' && identity.name !== '') next.name = identity.name
    if (identity.phone !== null && row.phone !== identity.phone) {
      if (row.phone === null) next.phone = identity.phone
      else if (!idsOf(this.byPhone, identity.phone).includes(id))
        this.statements.alias.run(id, 'phone', this.source, identity.phone, this.importId)
      this.addPhone(identity.phone, id)
    }
    if (identity.email !== null && row.email !== identity.email) {
      if (row.email === null) next.email = identity.email
      else if (!idsOf(this.byEmail, identity.email).includes(id))
        this.statements.alias.run(id, 'email', this.source, identity.email, this.importId)
      this.addEmail(identity.email, id)
    }
    if (row.birthday === null && extra.birthday) next.birthday = extra.birthday
    if (
      next.code !== row.code ||
      next.name !== row.name ||
      next.phone !== row.phone ||
      next.email !== row.email ||
      next.birthday !== row.birthday
    ) {
      // (a customer not written yet is written with its state at the end)
      if (!this.pending.has(id))
        this.statements.update.run(next.code, next.name, next.phone, next.email, next.birthday, this.now, id)
      this.states.set(id, next)
    }
    if (extra.firstVisit) this.touch(id, extra.firstVisit)
    if (extra.lastVisit) this.touch(id, extra.lastVisit)
  }

  private touch(id: number, date: string): void {
    const had = this.seen.get(id)
    if (had === undefined) this.seen.set(id, [date, date])
    else {
      if (date < had[0]) had[0] = date
      if (date > had[1]) had[1] = date
    }
  }

  /**
   * Writes the customers created and not written yet, in id order, with their state. `final`: with the first
   * and last seen dates `finish` would give them (so it skips them); else with the dates they were created with.
   */
  private writePending(final: boolean): void {
    if (this.pending.size === 0) return
    const insert = new BatchInserter(
      this.sqlite,
      'customers',
      ['id', 'code', 'name', 'phone', 'email', 'birthday', 'first_seen', 'last_seen'],
      { fixed: { import_id: this.importId, created_at: this.now, updated_at: this.now } },
    )
    for (const [id, created] of this.pending) {
      let [first, last] = created
      const seen = final ? this.seen.get(id) : undefined
      if (seen !== undefined) {
        // as the seen statement: the earlier first, the later last
        if (first === null || first > seen[0]) first = seen[0]
        if (last === null || last < seen[1]) last = seen[1]
      } else if (!final && first !== null) this.insertedSeen.set(id, `${first}|${last ?? ''}`)
      const row = this.states.get(id) as CustomerState
      insert.add(id, row.code, row.name, row.phone, row.email, row.birthday, first, last)
    }
    insert.flush()
    this.pending.clear()
  }

  /** Writes first and last seen dates and the customers not written yet; returns the counts for the summary. */
  finish(): CustomerCounts {
    for (const [id, [first, last]] of this.seen) {
      if (this.pending.has(id) || this.insertedSeen.get(id) === `${first}|${last}`) continue
      this.statements.seen.run(first, first, last, last, id)
    }
    this.writePending(true)
    return {
      customersCreated: this.created.size,
      customersMatched: this.matched.size,
      mergeSuggestions: this.suggestions,
    }
  }
}
