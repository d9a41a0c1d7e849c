/**
 * What the CLI prints is made safe for a terminal. Cell text can hold control characters (an
 * .xlsx writes ESC as "_x001B_", which the reader decodes): printed raw, ESC sequences clear the
 * screen, set the window's title or hide text, a carriage return overwrites a line, and bidi
 * overrides reorder what the planner reads. Each such character is shown instead of obeyed.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: C0 controls as their visible symbols (ESC as "␛", CR as "␍"), DEL as "␡",
 * and C1 controls and bidi controls as "�". Tabs and newlines stay.
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

/**
 * JSON for a terminal, the same values: JSON.stringify already writes C0 controls as \u escapes;
 * DEL, C1 and bidi controls are escaped too (they occur only inside strings, so the JSON stays valid).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
