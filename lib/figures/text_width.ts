/**
 * How wide a label is drawn, without a layout engine: figures are built on jsdom, which
 * measures nothing, so builders that must fit text (a bar chart's labels, a legend, a
 * title) add up the advance widths of DejaVu Sans, the font every figure names first and
 * resvg draws with. Kerning only ever narrows a string, and browsers without DejaVu Sans
 * fall back to narrower system fonts, so the estimate errs on the wide side.
 *
 * @module
 */
import { argument, checkNumber, checkOptions, checkString, option, typeError } from "../guards.ts";

// Advance widths of DejaVu Sans 2.37 in thousandths of an em, for U+0020 to U+007E, as
// the font's metrics give them (measured once with @napi-rs/canvas).
const REGULAR_ASCII = [
  318,
  401,
  460,
  838,
  636,
  950,
  780,
  275,
  390,
  390,
  500,
  838,
  318,
  361,
  318,
  337,
  636,
  636,
  636,
  636,
  636,
  636,
  636,
  636,
  636,
  636,
  337,
  337,
  838,
  838,
  838,
  531,
  1000,
  684,
  686,
  698,
  770,
  632,
  575,
  775,
  752,
  295,
  295,
  656,
  557,
  863,
  748,
  787,
  603,
  787,
  695,
  635,
  611,
  732,
  684,
  989,
  685,
  611,
  685,
  390,
  337,
  390,
  838,
  500,
  500,
  613,
  635,
  550,
  635,
  615,
  352,
  635,
  634,
  278,
  278,
  579,
  278,
  974,
  634,
  612,
  635,
  635,
  411,
  521,
  392,
  634,
  592,
  818,
  592,
  592,
  525,
  636,
  337,
  636,
  838,
];
const BOLD_ASCII = [
  348,
  456,
  521,
  838,
  696,
  1002,
  872,
  306,
  457,
  457,
  523,
  838,
  380,
  415,
  380,
  365,
  696,
  696,
  696,
  696,
  696,
  696,
  696,
  696,
  696,
  696,
  400,
  400,
  838,
  838,
  838,
  580,
  1000,
  774,
  762,
  734,
  830,
  683,
  683,
  821,
  837,
  372,
  372,
  775,
  637,
  995,
  837,
  850,
  733,
  850,
  770,
  720,
  682,
  812,
  774,
  1103,
  771,
  724,
  725,
  457,
  365,
  457,
  838,
  500,
  500,
  675,
  716,
  593,
  716,
  678,
  435,
  716,
  712,
  343,
  343,
  665,
  343,
  1042,
  712,
  687,
  716,
  716,
  493,
  595,
  478,
  712,
  652,
  924,
  645,
  652,
  582,
  712,
  365,
  712,
  838,
];
// The symbols figures use beyond ASCII (primes, minus, arrows, Greek), regular and bold.
const SYMBOLS: Readonly<Record<string, readonly [number, number]>> = {
  "′": [227, 264],
  "″": [374, 447],
  "−": [838, 838],
  "–": [500, 500],
  "—": [1000, 1000],
  "≥": [838, 838],
  "≤": [838, 838],
  "→": [838, 838],
  "←": [838, 838],
  "∞": [833, 833],
  "²": [401, 438],
  "³": [401, 438],
  "∂": [517, 544],
  "α": [659, 687],
  "β": [638, 716],
  "λ": [592, 633],
  "μ": [636, 736],
  "π": [602, 791],
  "σ": [634, 779],
  "Φ": [787, 850],
  "×": [838, 838],
  "±": [838, 838],
  "·": [318, 380],
  "…": [1000, 1000],
  "√": [637, 667],
  "≈": [838, 838],
};
// Any other character: a full em, wider than all but a few glyphs of any Latin font.
const OTHER = 1000;

/** Options of {@linkcode textWidth}. */
export interface TextWidthOptions {
  /** Bold text, as panel titles are (default `false`). */
  readonly bold?: boolean;
}

/**
 * The width a single line of text takes in DejaVu Sans, in px: the sum of its characters'
 * advance widths (no kerning, which would only narrow it). Characters outside ASCII and
 * the few symbols figures use count as a full em.
 *
 * @param text One line of text.
 * @param fontSize Font size in px: a finite number >= 0.
 * @param options `bold`.
 * @returns The width in px.
 * @throws {TypeError} If `text` is not a string or an option has the wrong type.
 * @throws {RangeError} If `fontSize` is negative or not finite.
 *
 * @example "GELU (tanh approximation)" at 13 px is about 178 px wide
 * ```ts
 * import { textWidth } from "./text_width.ts";
 * const w = textWidth("GELU (tanh approximation)", 13);
 * console.assert(w > 175 && w < 180);
 * ```
 */
export function textWidth(text: string, fontSize: number, options?: TextWidthOptions): number {
  checkString(text, argument("textWidth", "text"), true);
  checkNumber(fontSize, argument("textWidth", "fontSize"), { min: 0 });
  const { bold = false } = checkOptions(options, argument("textWidth", "options"));
  if (typeof bold !== "boolean") throw typeError(option("bold"), "a boolean", bold);
  const ascii = bold ? BOLD_ASCII : REGULAR_ASCII;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code < 127
      ? ascii[code - 32]
      : SYMBOLS[ch]?.[bold ? 1 : 0] ?? (code < 32 ? 0 : OTHER);
  }
  return units / 1000 * fontSize;
}
