export type { Catalogue, Message, MessageCode, Say, Setting, Shell, Text, Texts, Voice, Where } from "./types";
export type { MessageParams } from "./params";
export { CATALOGUES, codesOf, render, said, sayFor } from "./catalogue";
export { SETTING_LABELS, settingFix, settingName } from "./settings";

export { saidKey, saidPlace } from "./catalogue";
export { figureRoleWord, sheetRoleWord } from "./words";
