import { DockerfileParser, Keyword, type Instruction } from "dockerfile-ast";
import { parseImageRef, type ImageRef } from "../knowledge/image-ref.js";

/** One instruction, reduced to what the rules read. Lines are 1-based. */
export interface Step {
  readonly keyword: string;
  readonly line: number;
  readonly endLine: number;
  readonly col: number;
  /** Arguments as written, continuations joined, flags removed; heredoc bodies included. */
  readonly text: string;
  readonly flags: readonly { readonly name: string; readonly value: string | null }[];
  /** argv of the exec (JSON) form, or undefined for the shell form. */
  readonly exec: readonly string[] | undefined;
  /** KEY=value pairs of ENV, ARG and LABEL. */
  readonly properties: readonly { readonly name: string; readonly value: string | null }[];
  /** The instruction an ONBUILD runs in child builds. */
  readonly trigger?: Step | undefined;
  /** Source positions of the arguments, for --fix. */
  readonly argsRange:
    | {
        readonly startLine: number;
        readonly startCol: number;
        readonly endLine: number;
        readonly endCol: number;
      }
    | undefined;
}

export interface Stage {
  readonly index: number;
  readonly name: string | undefined;
  readonly from: Step;
  /** The image as written after ARG substitution; undefined when a variable has no default. */
  readonly image: string | undefined;
  readonly ref: ImageRef | undefined;
  /** Index of an earlier stage this one builds on (`FROM builder`). */
  readonly parent: number | undefined;
  readonly steps: readonly Step[];
}

export interface DockerfileModel {
  readonly stages: readonly Stage[];
  readonly comments: readonly { readonly line: number; readonly text: string }[];
  readonly syntax: readonly { readonly line: number; readonly message: string }[];
  readonly escape: string;
}

const knownKeywords = new Set<string>(Object.values(Keyword));

/** Parses a Dockerfile with dockerfile-ast and resolves stages, ARG-parameterised FROMs and parents. */
export function readDockerfile(source: string): DockerfileModel {
  const df = DockerfileParser.parse(source);
  const syntax: { line: number; message: string }[] = [];
  const globalArgs = new Map<string, string | null>();
  const stages: {
    index: number;
    name: string | undefined;
    from: Step;
    image: string | undefined;
    ref: ImageRef | undefined;
    parent: number | undefined;
    steps: Step[];
  }[] = [];
  for (const ins of df.getInstructions()) {
    const step = toStep(ins);
    const keyword = step.keyword;
    if (!knownKeywords.has(keyword)) {
      syntax.push({ line: step.line, message: `unknown instruction "${ins.getInstruction()}"` });
      continue;
    }
    if (keyword === "RUN" || keyword === "COPY" || keyword === "ADD") {
      for (const h of heredocsOf(ins)) {
        if (h.closed) continue;
        syntax.push({
          line: step.line,
          message: `heredoc <<${h.name} is never closed (no line "${h.name}")`,
        });
      }
    }
    if (keyword === "FROM") {
      const written = (ins as unknown as { getImage(): string | null }).getImage() ?? "";
      const image = substitute(written, globalArgs);
      const nameArg = (ins as unknown as { getBuildStage(): string | null }).getBuildStage() ?? undefined;
      const parent =
        image === undefined
          ? undefined
          : stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase())?.index;
      const ref = image !== undefined && parent === undefined ? parseImageRef(image) : undefined;
      if (written === "") syntax.push({ line: step.line, message: "FROM without an image" });
      stages.push({ index: stages.length, name: nameArg, from: step, image, ref, parent, steps: [] });
      continue;
    }
    const current = stages[stages.length - 1];
    if (!current) {
      if (keyword === "ARG") {
        for (const p of step.properties) globalArgs.set(p.name, p.value);
      } else {
        syntax.push({
          line: step.line,
          message: `${keyword} before the first FROM (only ARG may come first)`,
        });
      }
      continue;
    }
    current.steps.push(step);
  }
  if (stages.length === 0 && syntax.length === 0) syntax.push({ line: 1, message: "no FROM instruction" });
  return {
    stages,
    comments: df.getComments().map((c) => ({ line: c.getRange().start.line + 1, text: c.getContent() })),
    syntax,
    escape: df.getEscapeCharacter(),
  };
}

function toStep(ins: Instruction): Step {
  const range = ins.getRange();
  const keyword = ins.getKeyword();
  const withFlags = ins as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  const flags =
    typeof withFlags.getFlags === "function"
      ? withFlags.getFlags().map((f) => ({ name: f.getName(), value: f.getValue() }))
      : [];
  const withJson = ins as unknown as {
    getOpeningBracket?: () => unknown;
    getJSONStrings?: () => { getValue(): string }[];
  };
  let exec: string[] | undefined;
  if (
    typeof withJson.getOpeningBracket === "function" &&
    withJson.getOpeningBracket() !== null &&
    typeof withJson.getJSONStrings === "function"
  ) {
    exec = withJson.getJSONStrings().map((s) => unquoteJson(s.getValue()));
  }
  const withProps = ins as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
  };
  const properties =
    typeof withProps.getProperties === "function"
      ? withProps.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() }))
      : [];
  const args = ins.getArgumentsRange();
  const argsRanges = ins.getArgumentsRanges();
  const lastArg = argsRanges[argsRanges.length - 1];
  const withTrigger = ins as unknown as { getTriggerInstruction?: () => Instruction | null };
  const triggerIns =
    keyword === "ONBUILD" && typeof withTrigger.getTriggerInstruction === "function"
      ? withTrigger.getTriggerInstruction()
      : null;
  return {
    keyword,
    trigger: triggerIns ? toStep(triggerIns) : undefined,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    col: range.start.character + 1,
    text: ins.getArgumentsContent() ?? "",
    flags,
    exec,
    properties,
    argsRange: args
      ? {
          startLine: args.start.line + 1,
          startCol: args.start.character + 1,
          endLine: (lastArg ?? args).end.line + 1,
          endCol: (lastArg ?? args).end.character + 1,
        }
      : undefined,
  };
}

function heredocsOf(ins: Instruction): { name: string; closed: boolean }[] {
  const withHeredocs = ins as unknown as {
    getHeredocs?: () => { getName(): string; getDelimiterRange(): unknown }[];
  };
  if (typeof withHeredocs.getHeredocs !== "function") return [];
  return withHeredocs
    .getHeredocs()
    .map((h) => ({ name: h.getName(), closed: h.getDelimiterRange() !== null }));
}

function unquoteJson(s: string): string {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === "string" ? v : s;
  } catch {
    return s.replace(/^"|"$/g, "");
  }
}

/** `${NAME}`, `$NAME`, `${NAME:-default}` from global ARG defaults; undefined if a value is unknown. */
export function substitute(text: string, args: ReadonlyMap<string, string | null>): string | undefined {
  let unresolved = false;
  const out = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      _m,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const name = braced ?? bare ?? "";
      const value = args.get(name);
      const has = value !== undefined && value !== null && value !== "";
      if (op === "-") return has ? value : (word ?? "");
      if (op === "+") return has ? (word ?? "") : "";
      if (!has) {
        unresolved = true;
        return "";
      }
      return value;
    },
  );
  return unresolved ? undefined : out;
}

/** The stages whose instructions end up in the final image: the final stage and the stages it is built FROM. */
export function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  let stage = model.stages[model.stages.length - 1];
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.unshift(stage);
    stage = stage.parent === undefined ? undefined : model.stages[stage.parent];
  }
  return chain;
}
