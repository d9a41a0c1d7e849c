/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png) with a tiny PNG encoder, so the
 * icons are reproducible from source with no image tool: a blue rounded square with three bars
 * (units) and an amber line (the area-wide average) across them. Run: npm run icons
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = readonly [number, number, number, number];

const BLUE: RGBA = [15, 108, 189, 255]; // Fluent's brand blue (#0F6CBD)
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [255, 185, 0, 255];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode 8-bit RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** The colour of a point of the design, in unit coordinates (0..1, y down); null = transparent. */
function paint(x: number, y: number): RGBA | null {
  // Rounded square.
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // The average line, drawn over the bars.
  if (y >= 0.44 && y <= 0.52 && x >= 0.14 && x <= 0.86) return AMBER;
  // Three bars standing on a common base line.
  const bars: [number, number, number][] = [
    [0.2, 0.36, 0.58],
    [0.42, 0.58, 0.26],
    [0.64, 0.8, 0.4],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.8) return WHITE;
  return BLUE;
}

/** Render the design at `size` pixels, 4×4 supersampled for smooth edges. */
export function drawIcon(size: number): Buffer {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let rr = 0;
      let gg = 0;
      let bb = 0;
      let aa = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((pxl + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          rr += c[0] * c[3];
          gg += c[1] * c[3];
          bb += c[2] * c[3];
          aa += c[3];
        }
      }
      const i = (py * size + pxl) * 4;
      px[i] = aa ? Math.round(rr / aa) : 0;
      px[i + 1] = aa ? Math.round(gg / aa) : 0;
      px[i + 2] = aa ? Math.round(bb / aa) : 0;
      px[i + 3] = Math.round(aa / (ss * ss));
    }
  }
  return encodePng(size, size, px);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const s of ICON_SIZES) {
    fs.writeFileSync(path.join(dir, `icon-${s}.png`), drawIcon(s));
    process.stdout.write(`Wrote assets/icon-${s}.png\n`);
  }
}
