/**
 * The .xlsx / .xlsm package as a zip, read lazily: opening it reads the central directory only;
 * a part is inflated when asked for, in chunks, and refused past a limit on its DECLARED size and
 * on the bytes actually inflated (a lying header cannot blow memory). Parts never asked for (an
 * image, a chart, a pivot cache, the VBA project) are never inflated. Pure TypeScript over
 * Uint8Array with jszip: no Node APIs, the browser preview's worker uses it too.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { ChitieuError } from "../../core/errors";
import { said } from "../../core/messages";

export interface PackageLimits {
  /** Largest uncompressed part read whole (`text`, `bytes`): declared and inflated. */
  readonly maxPartBytes?: number;
  /** Largest uncompressed part read as a stream (a sheet, the shared strings). */
  readonly maxStreamBytes?: number;
}

export interface PackageOptions extends PackageLimits {
  /** The file's name, for messages ("Hậu Giang 31-10.xlsx"). */
  readonly file?: string;
}

/** 64 MB: a workbook part, its relationships or the styles are far smaller. */
export const DEFAULT_MAX_PART_BYTES = 64 * 1024 * 1024;
/**
 * 512 MB of sheet XML streamed through (never held): a million rows of 12 numbers. Reading runs
 * at ~15–50 MB/s, so past this a read would outlast the 30 s a user waits; the message says what to do.
 */
export const DEFAULT_MAX_STREAM_BYTES = 512 * 1024 * 1024;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** The target resolved to a part path (no leading "/"), or null for an external target. */
  readonly part: string | null;
  readonly external: boolean;
}

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  readonly defaults: ReadonlyMap<string, string>;
  /** Part path (lower case, no leading "/") → content type. */
  readonly overrides: ReadonlyMap<string, string>;
}

/** What a part's stream consumer answers for each chunk: false stops the inflating. */
export type ChunkSink = (chunk: Uint8Array) => boolean | void;

interface Entry {
  readonly path: string;
  readonly file: JSZip.JSZipObject;
  readonly declared: number;
}

interface JSZipStreamHelper {
  on(event: "data", f: (chunk: Uint8Array) => void): JSZipStreamHelper;
  on(event: "error", f: (e: Error) => void): JSZipStreamHelper;
  on(event: "end", f: () => void): JSZipStreamHelper;
  resume(): JSZipStreamHelper;
  pause(): JSZipStreamHelper;
}

/** The part an error was about, for messages. */
export class PartLimitError extends Error {
  constructor(
    readonly part: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`${part}: ${bytes} bytes, limit ${limit}`);
    this.name = "PartLimitError";
  }
}

export class XlsxPackage {
  /** Every entry's path, in the zip's order (folders left out). */
  readonly paths: readonly string[];
  private readonly byLower = new Map<string, Entry>();
  private contentTypesCache: Promise<ContentTypes> | null = null;
  private readonly relsCache = new Map<string, Promise<Relationship[]>>();
  readonly maxPartBytes: number;
  readonly maxStreamBytes: number;
  /** Parts inflated so far (tests check that the others never are). */
  readonly inflated = new Set<string>();

  constructor(
    zip: JSZip,
    readonly file: string | undefined,
    limits: PackageLimits,
  ) {
    const paths: string[] = [];
    for (const f of Object.values(zip.files)) {
      if (f.dir) continue;
      const path = f.name.replace(/^\/+/, "");
      const declared = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
      const entry: Entry = { path, file: f, declared: typeof declared === "number" && declared >= 0 ? declared : Number.POSITIVE_INFINITY };
      // Part names are case-insensitive (OPC): the first of two spellings wins.
      if (!this.byLower.has(path.toLowerCase())) this.byLower.set(path.toLowerCase(), entry);
      paths.push(path);
    }
    this.paths = paths;
    this.maxPartBytes = limits.maxPartBytes ?? DEFAULT_MAX_PART_BYTES;
    this.maxStreamBytes = limits.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;
  }

  has(path: string): boolean {
    return this.byLower.has(normal(path));
  }

  /** The part's name as the zip spells it, or null. */
  entryName(path: string): string | null {
    return this.byLower.get(normal(path))?.path ?? null;
  }

  /** Uncompressed size the zip declares (Infinity when it does not say), or null when absent. */
  declaredSize(path: string): number | null {
    return this.byLower.get(normal(path))?.declared ?? null;
  }

  /**
   * Inflate a part chunk by chunk into `sink` (which may stop it by answering false). Refused
   * before inflating when the declared size is past `maxBytes`, and stopped as soon as the bytes
   * actually inflated pass it. Resolves with the bytes inflated and whether the sink stopped it.
   */
  stream(path: string, sink: ChunkSink, maxBytes = this.maxStreamBytes): Promise<{ bytes: number; stopped: boolean }> {
    const entry = this.byLower.get(normal(path));
    if (!entry) return Promise.reject(new Error(`no part ${path}`));
    if (entry.declared !== Number.POSITIVE_INFINITY && entry.declared > maxBytes)
      return Promise.reject(new PartLimitError(entry.path, entry.declared, maxBytes));
    this.inflated.add(entry.path);
    return new Promise((resolve, reject) => {
      let bytes = 0;
      let done = false;
      const helper = (entry.file as unknown as { internalStream(t: "uint8array"): JSZipStreamHelper }).internalStream("uint8array");
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        f();
      };
      helper
        .on("data", (chunk) => {
          if (done) return;
          bytes += chunk.length;
          if (bytes > maxBytes) {
            helper.pause();
            finish(() => reject(new PartLimitError(entry.path, bytes, maxBytes)));
            return;
          }
          let more: boolean | void;
          try {
            more = sink(chunk);
          } catch (e) {
            helper.pause();
            finish(() => reject(e));
            return;
          }
          if (more === false) {
            helper.pause();
            finish(() => resolve({ bytes, stopped: true }));
          }
        })
        .on("error", (e) => finish(() => reject(e)))
        .on("end", () => finish(() => resolve({ bytes, stopped: false })))
        .resume();
    });
  }

  /** A whole part's bytes, refused past `maxBytes` (declared or inflated). */
  async bytes(path: string, maxBytes = this.maxPartBytes): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const { bytes } = await this.stream(path, (c) => void chunks.push(c), maxBytes);
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(bytes);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** A whole part as text (UTF-8, or UTF-16 by its byte order mark). */
  async text(path: string, maxBytes = this.maxPartBytes): Promise<string> {
    return decodeText(await this.bytes(path, maxBytes));
  }

  /** [Content_Types].xml; empty when absent or unreadable. */
  contentTypes(): Promise<ContentTypes> {
    if (!this.contentTypesCache) this.contentTypesCache = this.readContentTypes();
    return this.contentTypesCache;
  }

  /** The content type of a part: its override, else its extension's default; null when unknown. */
  async contentType(path: string): Promise<string | null> {
    const ct = await this.contentTypes();
    const p = normal(path);
    return ct.overrides.get(p) ?? ct.defaults.get(p.slice(p.lastIndexOf(".") + 1)) ?? null;
  }

  /** The relationships of a part ("" for the package's own, _rels/.rels); empty when it has none. */
  rels(partPath: string): Promise<Relationship[]> {
    const key = normal(partPath);
    let r = this.relsCache.get(key);
    if (!r) {
      r = this.readRels(partPath);
      this.relsCache.set(key, r);
    }
    return r;
  }

  private async readContentTypes(): Promise<ContentTypes> {
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    if (this.has("[Content_Types].xml")) {
      const xml = await this.text("[Content_Types].xml");
      for (const tag of tags(xml, "Default")) {
        const ext = tag.Extension;
        const type = tag.ContentType;
        if (ext !== undefined && type !== undefined) defaults.set(ext.toLowerCase(), type);
      }
      for (const tag of tags(xml, "Override")) {
        const part = tag.PartName;
        const type = tag.ContentType;
        if (part !== undefined && type !== undefined) overrides.set(normal(part), type);
      }
    }
    return { defaults, overrides };
  }

  private async readRels(partPath: string): Promise<Relationship[]> {
    const p = partPath.replace(/^\/+/, "");
    const slash = p.lastIndexOf("/");
    const dir = slash < 0 ? "" : p.slice(0, slash);
    const relsPath = p === "" ? "_rels/.rels" : `${dir === "" ? "" : dir + "/"}_rels/${p.slice(slash + 1)}.rels`;
    if (!this.has(relsPath)) return [];
    const xml = await this.text(relsPath);
    const out: Relationship[] = [];
    for (const tag of tags(xml, "Relationship")) {
      const id = tag.Id;
      const type = tag.Type ?? "";
      const target = tag.Target ?? "";
      if (id === undefined) continue;
      const external = (tag.TargetMode ?? "").toLowerCase() === "external";
      out.push({ id, type, target, external, part: external ? null : resolveTarget(dir, target) });
    }
    return out;
  }
}

/**
 * Open a package: the central directory only. A file that is no zip (or is cut short) is a
 * `bad-file` error saying so; nothing is inflated here.
 */
export async function openPackage(bytes: Uint8Array, options: PackageOptions = {}): Promise<XlsxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ChitieuError(
      "bad-file",
      said(
        "file-corrupt",
        { file: options.file ?? "", truncated: /end of central directory|missing \d+ bytes|Corrupted zip|End of data reached/i.test(detail), detail },
        undefined,
        "input",
      ),
    );
  }
  return new XlsxPackage(zip, options.file, options);
}

/** A part path as the package's map keys it: no leading "/", lower case, "%20" etc. decoded. */
function normal(path: string): string {
  let p = path.replace(/^\/+/, "");
  if (p.includes("%")) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* keep as written */
    }
  }
  return p.toLowerCase();
}

/** A relationship's target resolved against the source part's folder ("../" walks up). */
export function resolveTarget(dir: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  const parts = t.startsWith("/") ? [] : dir.split("/").filter((s) => s !== "");
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** Text of a part: UTF-8 (a BOM dropped), or UTF-16 when its byte order mark says so. */
export function decodeText(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-8").decode(b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
}

/**
 * The attributes of every element named `name` (any prefix, attribute prefixes dropped) in a small
 * XML part: content types and relationships are flat lists of empty elements. Parsed with saxes
 * (entities decoded, comments skipped); a part that is not well-formed gives what came before the fault.
 */
export function tags(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (node) => {
    const n = node.name;
    if (n !== name && !n.endsWith(":" + name)) return;
    const rec: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes as Record<string, string>)) rec[k.slice(k.indexOf(":") + 1)] = v;
    out.push(rec);
  });
  let failed = false;
  parser.on("error", () => {
    failed = true;
  });
  try {
    parser.write(xml);
    if (!failed) parser.close();
  } catch {
    /* what came before the fault */
  }
  return out;
}

/** XML's five named entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}
