/**
 * Registry of stable error codes. Ranges per concern so parallel work never collides:
 * 1000 spec, 1100 catalog, 1200 plan, 1300 advise, 1400 cli, 2000 render, 3000 policy/check,
 * 4000 image, 5000 dev (control plane), 6000 factory.
 * A code keeps its meaning forever; retire it rather than reuse it.
 */
export const Codes = {
  yamlSyntax: "BSP1001",
  yamlDuplicateKey: "BSP1002",
  specInvalid: "BSP1003",
  specUnknownField: "BSP1004",
  specUnknownComponent: "BSP1005",
  specNotFound: "BSP1006",
  specEmpty: "BSP1007",
  specMultipleDocuments: "BSP1008",
  specOverrideConflict: "BSP1009",
  catalogInvalid: "BSP1101",
  catalogDuplicateId: "BSP1102",
  catalogUnknownReference: "BSP1103",
  catalogUnknownId: "BSP1104",
  planCycle: "BSP1201",
  cliUsage: "BSP1401",
  cliOutputExists: "BSP1402",
  cliWrite: "BSP1403",
  // Pod Security Standards (BSP39xx)
  pssUnknownVersion: "BSP3901",
} as const;
