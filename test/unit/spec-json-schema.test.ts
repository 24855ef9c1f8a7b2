import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { platformJsonSchema, platformJsonSchemaText } from "../../src/spec/json-schema.js";
import { platformTemplate } from "../../src/spec/template.js";

const committed = new URL("../../schemas/platform.schema.json", import.meta.url);

describe("platform.yaml JSON Schema", () => {
  it("is the committed file (regenerate with `npm run schema`)", () => {
    const text = platformJsonSchemaText();
    if (process.env.UPDATE_GOLDEN) writeFileSync(committed, text);
    expect(readFileSync(committed, "utf8")).toBe(text);
  });

  it("accepts every init template and rejects an unknown field, as the zod schema does", () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false, logger: false });
    const validate = ajv.compile(platformJsonSchema());
    for (const g of ["SUP", "MBU", "ENT"] as const) {
      const doc = parse(platformTemplate(g));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...doc, spec: { ...doc.spec, colour: "blue" } })).toBe(false);
      expect(validate({ ...doc, spec: { ...doc.spec, targetGroup: "XXL" } })).toBe(false);
    }
  });
});
