/**
 * `npm run lint` (office-addin-lint check → eslint over src/**): Microsoft's office-addins rules
 * (Office.js load/sync misuse), React's, TypeScript's unused-variable check, and no eval of any
 * kind. Formatting is Prettier's (.prettierrc.json, `npm run format:check` in CI), not eslint's;
 * tsc checks names and types.
 * Office.js load/sync rules warn (they are heuristics) and are off for exceljs code.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettierPlugin from "eslint-plugin-prettier";
import reactPlugin from "eslint-plugin-react";
import globals from "globals";

export default [
  { ignores: ["dist/**", "node_modules/**", "test-results/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,jsx,mjs,cjs}"],
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins, prettier: prettierPlugin, react: reactPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly", OfficeRuntime: "readonly" },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "prettier/prettier": "off",
      // TypeScript resolves names (including type namespaces such as Excel.RequestContext).
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // The new JSX transform; props are typed by TypeScript.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      // The pages' CSP forbids it anyway.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // Heuristics over Office.js proxies: they misfire on code that loads and syncs in a branch,
      // so they warn rather than fail.
      "office-addins/call-sync-after-load": "warn",
      "office-addins/call-sync-before-read": "warn",
      "office-addins/load-object-before-read": "warn",
    },
  },
  {
    // exceljs code (no Office.js proxies): the load/sync rules do not apply.
    files: ["src/preview/**", "src/workbook/exceljsWorkbook.ts", "src/cli/**", "src/core/**", "scripts/**", "test/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
];
