/**
 * Editing a package part's XML in place: find elements by their tags' offsets and splice text in or
 * out, so everything we do not change keeps its bytes (a parse-and-serialise round trip would
 * reorder attributes, drop declarations and lose what the serialiser does not know). The scanner
 * knows XML's lexical forms (comments, CDATA, processing instructions, quoted attributes with ">"
 * inside) and nothing of any schema; names are matched by their local part, whatever the prefix.
 */

export interface Tag {
  /** Qualified name as written ("x:sheet"). */
  readonly name: string;
  readonly local: string;
  readonly prefix: string;
  /** Offsets of "<" and just after ">". */
  readonly start: number;
  readonly end: number;
  readonly kind: "open" | "close" | "empty";
  /** Nesting depth of the element (the root is 0). */
  readonly depth: number;
}

/** Every tag of `xml` in document order (declarations, comments, CDATA and PIs skipped). */
export function tags(xml: string): Tag[] {
  const out: Tag[] = [];
  let depth = 0;
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith("<!--", i)) i = after(xml, "-->", i);
    else if (xml.startsWith("<![CDATA[", i)) i = after(xml, "]]>", i);
    else if (xml.startsWith("<?", i)) i = after(xml, "?>", i);
    else if (xml.startsWith("<!", i)) i = after(xml, ">", i);
    else {
      // A tag: ">" inside a quoted attribute value does not end it.
      let j = i + 1;
      let quote = "";
      for (; j < xml.length; j++) {
        const ch = xml[j]!;
        if (quote) {
          if (ch === quote) quote = "";
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === ">") break;
      }
      if (j >= xml.length) throw new Error("unterminated tag at " + i);
      const closing = xml[i + 1] === "/";
      const empty = !closing && xml[j - 1] === "/";
      const m = /^[^\s/>]+/.exec(xml.slice(i + (closing ? 2 : 1), Math.min(j, i + 200)));
      const name = m ? m[0] : "";
      const colon = name.indexOf(":");
      const kind = closing ? "close" : empty ? "empty" : "open";
      if (kind === "close") depth--;
      out.push({ name, local: colon >= 0 ? name.slice(colon + 1) : name, prefix: colon >= 0 ? name.slice(0, colon) : "", start: i, end: j + 1, kind, depth });
      if (kind === "open") depth++;
      i = j + 1;
    }
    i = xml.indexOf("<", i);
  }
  return out;
}

function after(xml: string, end: string, from: number): number {
  const k = xml.indexOf(end, from);
  if (k < 0) throw new Error("unterminated markup at " + from);
  return k + end.length;
}

/** An element's extent: from its start tag's "<" to after its end tag (or the empty tag). */
export interface Element {
  readonly tag: Tag;
  readonly start: number;
  /** Where its content starts and ends (both `end` for an empty element). */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly end: number;
  /** Index in the tags list of its start tag and of its end tag. */
  readonly open: number;
  readonly close: number;
}

/** The element whose start tag is `list[k]`. */
export function elementAt(list: readonly Tag[], k: number): Element {
  const t = list[k]!;
  if (t.kind === "empty") return { tag: t, start: t.start, innerStart: t.end, innerEnd: t.end, end: t.end, open: k, close: k };
  for (let j = k + 1; j < list.length; j++) {
    const c = list[j]!;
    if (c.kind === "close" && c.depth === t.depth) return { tag: t, start: t.start, innerStart: t.end, innerEnd: c.start, end: c.end, open: k, close: j };
  }
  throw new Error("unclosed element " + t.name);
}

/** Elements named `local` (any prefix), optionally only at `depth`. */
export function elements(list: readonly Tag[], local: string, depth?: number): Element[] {
  const out: Element[] = [];
  list.forEach((t, k) => {
    if (t.kind !== "close" && t.local === local && (depth === undefined || t.depth === depth)) out.push(elementAt(list, k));
  });
  return out;
}

/** The child elements of `parent` (one level down). */
export function children(list: readonly Tag[], parent: Element): Element[] {
  const out: Element[] = [];
  for (let k = parent.open + 1; k < parent.close; k++) {
    const t = list[k]!;
    if (t.depth === parent.tag.depth + 1 && t.kind !== "close") {
      const e = elementAt(list, k);
      out.push(e);
      k = e.close;
    }
  }
  return out;
}

/** An attribute's value (unescaped) in a tag's text, by qualified name; undefined when absent. */
export function attr(tagText: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, (c) => "\\" + c)}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tagText);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** An attribute's value by local name, any prefix (the first one found). */
export function attrLocal(tagText: string, local: string): string | undefined {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tagText);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : undefined;
}

/** The tag's text with `name` set to `value` (added before the tag's end when absent). */
export function setAttr(tagText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, (c) => "\\" + c)}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tagText)) return tagText.replace(re, (_, a: string) => `${a}"${escapeAttr(value)}"`);
  const cut = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, cut)} ${name}="${escapeAttr(value)}"${tagText.slice(cut)}`;
}

/** The tag's text without attribute `name`. */
export function removeAttr(tagText: string, name: string): string {
  return tagText.replace(new RegExp(`\\s${name.replace(/[.:]/g, (c) => "\\" + c)}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** The prefix bound to namespace `uri` on a tag ("" for the default namespace), or undefined. */
export function prefixOf(tagText: string, uri: string): string | undefined {
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tagText); m; m = re.exec(tagText)) if ((m[3] ?? m[4]) === uri) return m[1] ?? "";
  return undefined;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === "amp"
      ? "&"
      : e === "lt"
        ? "<"
        : e === "gt"
          ? ">"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/** Characters XML 1.0 cannot hold at all (control characters but tab, newline, return; lone surrogates). */
export function xmlSafe(s: string): string {
  // Matching the control characters XML forbids is the point here.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Apply text edits (non-overlapping [start, end) → text) to `xml`. */
export function splice(xml: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** Give every element tag in an unprefixed fragment the prefix `prefix` (for a part that writes its namespace with one). */
export function withPrefix(fragment: string, prefix: string): string {
  if (!prefix) return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

/** Resolve a relationship target against the part that holds the relationship ("../x.xml", "/xl/y.xml"). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  const dir = fromPart.includes("/") ? fromPart.slice(0, fromPart.lastIndexOf("/") + 1) : "";
  return normalise(dir + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of decodeURI(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target from one part to another in the same package (both without leading slash). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationships in a .rels part's text. */
export function parseRels(xml: string): Relationship[] {
  return tags(xml)
    .filter((t) => t.local === "Relationship" && t.kind !== "close")
    .map((t) => {
      const text = xml.slice(t.start, t.end);
      return {
        id: attr(text, "Id") ?? "",
        type: attr(text, "Type") ?? "",
        target: attr(text, "Target") ?? "",
        external: attr(text, "TargetMode") === "External",
      };
    });
}
