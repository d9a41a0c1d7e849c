/**
 * Messages of the engine as a whole. `legacy` carries a sentence not yet turned into data while
 * the engine's messages move to the catalogue; it is removed when the last one has moved.
 */
import type { Texts } from "./types";

export interface GeneralParams {
  legacy: { text: string };
}

export const generalVi: Texts<GeneralParams> = {
  legacy: (p) => p.text,
};

export const generalEn: Texts<GeneralParams> = {
  legacy: (p) => p.text,
};
