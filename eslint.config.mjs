import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import stylistic from "@stylistic/eslint-plugin";

export default tseslint.config(
  { ignores: ["build/**", "dist/**", "out/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Type-aware: a promise is awaited, returned or handed on with void on purpose, never dropped;
    // and never given where a plain function is expected (an event handler, a forEach callback).
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    // The house format, applied by `eslint --fix` (npm run format) and checked with the lint: two-space indents,
    // double quotes, semicolons, trailing commas on multi-line lists. Lines may run long: a rule reads better whole.
    plugins: { "@stylistic": stylistic },
    rules: {
      "@stylistic/indent": ["error", 2, { SwitchCase: 1, flatTernaryExpressions: true, offsetTernaryExpressions: false, ignoredNodes: ["TemplateLiteral *", "ConditionalExpression *", "JSXElement *", "JSXAttribute *"] }],
      "@stylistic/quotes": ["error", "double", { avoidEscape: true, allowTemplateLiterals: "always" }],
      "@stylistic/semi": ["error", "always"],
      "@stylistic/comma-dangle": ["error", "always-multiline"],
      "@stylistic/no-trailing-spaces": "error",
      "@stylistic/eol-last": ["error", "always"],
      "@stylistic/no-multiple-empty-lines": ["error", { max: 1, maxEOF: 0, maxBOF: 0 }],
      "@stylistic/brace-style": ["error", "1tbs", { allowSingleLine: true }],
      "@stylistic/keyword-spacing": "error",
      "@stylistic/space-infix-ops": "error",
      "@stylistic/comma-spacing": "error",
      "@stylistic/arrow-parens": ["error", "always"],
      "@stylistic/space-before-blocks": "error",
      "@stylistic/no-tabs": "error",
      "@stylistic/max-len": ["error", { code: 220, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: false, ignoreUrls: true, ignorePattern: "^\\s*[a-z]+: \\[[-\\d., eNa]+\\],?$" }],
    },
  },
  {
    // Build scripts and test stubs are plain CommonJS run by Node.
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Office.js habits: load before read, sync after load, never sync in a loop, isNullObject for existence.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "no-eval": "error",
      "no-new-func": "error",
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
