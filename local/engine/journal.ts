/**
 * Durability: an append-only journal with group commit (one fsync per batch of lines
 * that arrived while the previous fsync was running), plus snapshots.
 *
 * Files in dataDir, by generation g:
 *   snapshot-<g>.jsonl  complete state at the moment generation g started (written as .tmp, fsynced, renamed)
 *   journal-<g>.jsonl   one JSON line per committed write batch after that moment
 * Open: load the newest complete snapshot S, replay every journal with gen >= S in order,
 * truncate a torn last line, delete older files.
 */
import * as fs from 'fs'
import * as path from 'path'

type Item = { line: string; resolve: () => void; reject: (e: any) => void } | { rotate: number; resolve: () => void; reject: (e: any) => void }

export interface LoadedState {
  /** snapshot lines, then journal lines, in order (already split, torn tail removed) */
  snapshotLines: string[]
  journalLines: string[]
  journalBytes: number
}

export class Journal {
  private fd = -1
  private queue: Item[] = []
  private running = false
  private scheduled = false
  private closed = false
  bytes = 0
  gen = 0

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<{ journal: Journal; state: LoadedState }> {
    fs.mkdirSync(dir, { recursive: true })
    const j = new Journal(dir)
    const files = fs.readdirSync(dir)
    const gens = (prefix: string) =>
      files
        .map((f) => new RegExp(`^${prefix}-(\\d+)\\.jsonl$`).exec(f))
        .filter(Boolean)
        .map((m) => Number(m![1]))
        .sort((a, b) => a - b)
    for (const f of files) if (f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true })
    const snaps = gens('snapshot')
    const journals = gens('journal')
    const S = snaps.length ? snaps[snaps.length - 1] : -1
    const state: LoadedState = { snapshotLines: [], journalLines: [], journalBytes: 0 }
    if (S >= 0) state.snapshotLines = splitLines(fs.readFileSync(path.join(dir, `snapshot-${S}.jsonl`), 'utf8'), null)
    const live = journals.filter((g) => g >= Math.max(S, 0))
    for (const g of live) {
      const file = path.join(dir, `journal-${g}.jsonl`)
      const text = fs.readFileSync(file, 'utf8')
      const lines = splitLines(text, (goodBytes) => {
        // torn tail: cut the file back to the last complete line
        const fd = fs.openSync(file, 'r+')
        fs.ftruncateSync(fd, goodBytes)
        fs.fsyncSync(fd)
        fs.closeSync(fd)
      })
      for (const l of lines) state.journalLines.push(l)
      state.journalBytes += Buffer.byteLength(text)
    }
    // older generations are fully contained in snapshot S
    for (const g of snaps) if (g < S) fs.rmSync(path.join(dir, `snapshot-${g}.jsonl`), { force: true })
    for (const g of journals) if (g < Math.max(S, 0)) fs.rmSync(path.join(dir, `journal-${g}.jsonl`), { force: true })
    j.gen = Math.max(S, 0, ...live)
    j.fd = fs.openSync(path.join(dir, `journal-${j.gen}.jsonl`), 'a')
    j.bytes = fs.fstatSync(j.fd).size
    fsyncDir(dir)
    return { journal: j, state }
  }

  /** Append one line; resolves once it is on disk (fsynced). */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('journal closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject })
      this.kick()
    })
  }

  /** Lines appended after this call go to journal-<gen>; resolves when the switch happened. */
  rotate(gen: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rotate: gen, resolve, reject })
      this.kick()
    })
  }

  private kick() {
    if (this.running || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.run()
    })
  }

  private async run() {
    if (this.running) return
    this.running = true
    try {
      while (this.queue.length) {
        const batch: Item[] = []
        while (this.queue.length && !('rotate' in this.queue[0])) batch.push(this.queue.shift()!)
        if (batch.length) {
          const text = batch.map((b) => (b as any).line + '\n').join('')
          const buf = Buffer.from(text)
          try {
            await writeAll(this.fd, buf)
            await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (e) => (e ? rej(e) : res())))
            this.bytes += buf.length
            for (const b of batch) b.resolve()
          } catch (e) {
            for (const b of batch) b.reject(e)
          }
        }
        if (this.queue.length && 'rotate' in this.queue[0]) {
          const r = this.queue.shift() as Extract<Item, { rotate: number }>
          try {
            const fd = fs.openSync(path.join(this.dir, `journal-${r.rotate}.jsonl`), 'a')
            fsyncDir(this.dir)
            fs.closeSync(this.fd)
            this.fd = fd
            this.gen = r.rotate
            this.bytes = 0
            r.resolve()
          } catch (e) {
            r.reject(e)
          }
        }
      }
    } finally {
      this.running = false
    }
  }

  /** Resolves when everything queued so far is durable. */
  async flush(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return
    await this.append('') // an empty line is skipped on replay
  }

  /** Write a snapshot for generation `gen` from an iterator of lines, atomically. */
  async writeSnapshot(gen: number, lines: () => Iterable<string>): Promise<number> {
    const tmp = path.join(this.dir, `snapshot-${gen}.jsonl.tmp`)
    const fd = fs.openSync(tmp, 'w')
    let total = 0
    try {
      let parts: string[] = []
      let size = 0
      for (const l of lines()) {
        parts.push(l, '\n')
        size += l.length + 1
        if (size > 1 << 20) {
          const b = Buffer.from(parts.join(''))
          await writeAll(fd, b)
          total += b.length
          parts = []
          size = 0
          await new Promise((r) => setImmediate(r))
        }
      }
      if (parts.length) {
        const b = Buffer.from(parts.join(''))
        await writeAll(fd, b)
        total += b.length
      }
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, path.join(this.dir, `snapshot-${gen}.jsonl`))
    fsyncDir(this.dir)
    return total
  }

  /** Delete snapshot/journal files of generations older than `gen`. */
  dropBefore(gen: number) {
    for (const f of fs.readdirSync(this.dir)) {
      const m = /^(snapshot|journal)-(\d+)\.jsonl$/.exec(f)
      if (m && Number(m[2]) < gen) fs.rmSync(path.join(this.dir, f), { force: true })
    }
  }

  async close(): Promise<void> {
    await this.flush()
    this.closed = true
    if (this.fd >= 0) {
      fs.closeSync(this.fd)
      this.fd = -1
    }
  }
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let off = 0
    const step = () =>
      fs.write(fd, buf, off, buf.length - off, null, (e, n) => {
        if (e) return reject(e)
        off += n
        if (off < buf.length) step()
        else resolve()
      })
    step()
  })
}

function fsyncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
  } catch {
    /* not supported everywhere */
  }
}

/**
 * Split into complete lines. A last line without '\n' is a torn write: it is dropped and
 * `onTorn(bytesOfCompleteLines)` is called. A complete line that is not valid JSON is
 * treated the same way (everything from it on is dropped).
 */
function splitLines(text: string, onTorn: ((goodBytes: number) => void) | null): string[] {
  const out: string[] = []
  let pos = 0
  let good = 0
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos)
    if (nl < 0) break
    const line = text.slice(pos, nl)
    if (line.length) {
      if (onTorn) {
        try {
          JSON.parse(line)
        } catch {
          break
        }
      }
      out.push(line)
    }
    pos = nl + 1
    good = pos
  }
  if (good < text.length && onTorn) onTorn(Buffer.byteLength(text.slice(0, good)))
  return out
}
