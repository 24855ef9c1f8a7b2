export { podSpecsOf, podBearingKinds } from "./pod-specs.js";
export type { PodSpecLocation } from "./pod-specs.js";
