import { z } from "zod";
import { Platform } from "./schema.js";

/** JSON Schema of platform.yaml for editors (committed as schemas/platform.schema.json, pinned by a test). */
export function platformJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Platform, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    $id: "https://bespoke.dev/schemas/platform.schema.json",
    title: "Bespoke Platform",
    description: "platform.yaml: who the platform team is and the facts that change Bespoke's choices.",
    ...schema,
  };
}

export function platformJsonSchemaText(): string {
  return JSON.stringify(platformJsonSchema(), null, 2) + "\n";
}
