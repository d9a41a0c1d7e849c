export type { Catalogue, Message, MessageCode, Say, Setting, Shell, Text, Texts, Voice, Where } from "./types";
export type { MessageParams } from "./params";
export { CATALOGUES, codesOf, render, said, sayFor } from "./catalogue";
export { SETTING_LABELS, settingFix, settingName } from "./settings";

/**
 * A warning or note while the engine's sentences move to the catalogue: a message, or (until
 * the last one has moved) a sentence. Shells render both with `renderSaid`.
 */
export type Said = import("./types").Message | string;
export { renderSaid, saidKey, saidPlace } from "./catalogue";
export { figureRoleWord, sheetRoleWord } from "./words";
