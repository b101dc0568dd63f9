import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "dist/**", "out/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is host-free: it may not reach Office, React, ExcelJS or the DOM.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/*", "office-*", "fs", "path", "node:*", "../workbook/*", "../taskpane/*", "../cli/*"] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process"],
    },
  },
);
