import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "elasticsearch",
  area: "logging",
  name: "Elasticsearch and Kibana (EFK)",
  description:
    "The E and K of the EFK logging stack, with Fluentd. Usually run with Elastic's ECK operator under the Elastic License; kept in the catalog to explain the recipe's choice.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "EFK (Elasticsearch, Fluentd, Kibana) for central logging.",
  },
  deviation:
    "Licensing and operator terms make Elasticsearch a vendor decision rather than a default; OpenSearch (Apache-2.0) covers the same need and Loki the lighter one.",
  status: "deprecated",
  replacement: "opensearch",
  statusReason:
    "Elastic moved to SSPL/Elastic License in 2021 and added AGPLv3 only as one option in 2024; the Kubernetes operator (ECK) is under the Elastic License, so Bespoke does not default to it.",
  verified: "2026-11-25",
  sources: [
    "https://www.elastic.co/blog/elasticsearch-is-open-source-again",
    "https://github.com/elastic/cloud-on-k8s",
  ],
} satisfies CatalogEntryInput;
