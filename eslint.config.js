import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "bench/results/**",
      "**/*.js",
      "!eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { files: ["**/*.mjs", "**/*.ts"], languageOptions: { globals: { ...globals.node } } },
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // The pure core never touches the outside world: time, randomness, files and env are passed in.
    files: [
      "src/spec/**/*.ts",
      "src/catalog/**/*.ts",
      "src/plan/**/*.ts",
      "src/advise/**/*.ts",
      "src/core/**/*.ts",
    ],
    ignores: ["src/**/load*.ts", "src/**/*.io.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:fs*", "node:child_process", "fs", "fs/*"] }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "pass time in" },
        { object: "Math", property: "random", message: "pass randomness in" },
        { object: "process", property: "env", message: "read env at the edge (cli/)" },
      ],
    },
  },
);
