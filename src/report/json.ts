// The JSON report of ../shared/contract/report.schema.json: the report object as it is,
// two-space indented; key order is fixed by construction, so equal input gives equal bytes.
import type { Reporter } from "./types.js";

export const jsonReporter: Reporter = {
  id: "json",
  extension: ".json",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
