// A partner's first journey, written against types generated from the committed contract only
// (openapi-typescript → generated/assistance.d.ts) and compiled with `tsc --strict`: if the contract
// lies about a shape (nullable inputs, untyped values, Record<string, never> overrides) this does
// not compile, and if it lies about behaviour the run fails. Run by ConsumerClientTests.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/assistance.js";

declare const process: { env: Record<string, string | undefined>; exitCode: number };

type HouseholdInput = components["schemas"]["HouseholdInput"];
type AssessmentRequest = components["schemas"]["AssessmentRequest"];
type Problem = components["schemas"]["Problem"];
type ParameterValue = components["schemas"]["ParameterValue"];

const baseUrl = required("ASSISTANCE_URL");
const token = required("ASSISTANCE_TOKEN");
const ids = required("ASSISTANCE_ID_NUMBERS").split(",");
const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function household(idNumber: string, name: string): HouseholdInput {
  return {
    regionCode: "320682",
    residence: "Urban",
    address: "江苏省如皋市如城街道人民路88号",
    members: [{ idNumber, name, relationship: "Head", incomes: [{ type: "Wage", monthlyAmount: 1200.5 }] }],
    assets: { financial: 5000, motorVehicles: 0 },
  };
}

async function main(): Promise<void> {
  // 1. Create two households (one with an Idempotency-Key), read one back with its ETag, update it with If-Match.
  const created: string[] = [];
  for (const [index, idNumber] of ids.entries()) {
    const { data, error, response } = await client.POST("/api/v1/households", {
      body: household(idNumber, `居民${index}`),
      params: { header: { "Idempotency-Key": `journey-${idNumber}` } },
    });
    check(response.status === 201 && data !== undefined, `create: ${response.status} ${JSON.stringify(error)}`);
    check(data.members[0]?.incomes[0]?.monthlyAmount === 1200.5, "create: income amount did not round-trip");
    created.push(data.id);
  }

  const first = created[0]!;
  const got = await client.GET("/api/v1/households/{id}", { params: { path: { id: first } } });
  const etag = got.response.headers.get("ETag");
  check(got.data !== undefined && etag !== null, `get: ${got.response.status}`);
  const updated = await client.PUT("/api/v1/households/{id}", {
    params: { path: { id: first }, header: { "If-Match": etag } },
    body: { ...household(ids[0]!, "居民0"), address: "江苏省如皋市如城街道解放路1号" },
  });
  check(updated.data?.address === "江苏省如皋市如城街道解放路1号", `update: ${updated.response.status} ${JSON.stringify(updated.error)}`);
  check(updated.data.version === got.data.version + 1, "update: version did not advance");

  // 2. Page the list one item at a time until nextCursor is null (the contract's one convention).
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const { data, response } = await client.GET("/api/v1/households", { params: { query: { regionCode: "320682", limit: 1, cursor } } });
    check(data !== undefined, `list: ${response.status}`);
    for (const item of data.items) seen.add(item.id);
    if (data.nextCursor === null) break;
    cursor = data.nextCursor;
  }
  for (const id of created) check(seen.has(id), `list: household ${id} not found while paging`);

  // 3. Assess a snapshot with what-if overrides; the override values come back typed in the trace.
  const overrides: Record<string, ParameterValue> = { "dibao.standard.urban": 900.0, "tekun.care.amount.partialCare": 130.0 };
  const request: AssessmentRequest = {
    regionCode: "320682",
    asOf: "2022-10-01",
    residence: "Urban",
    members: [
      {
        birthDate: "1950-01-01",
        laborCapacity: "None",
        disability: { category: "Physical", grade: 2 },
        selfCare: "PartialCare",
        incomes: [{ type: "ResidentBasicPension", monthlyAmount: 150.0, unstable: false }],
      },
    ],
    assets: { financial: 5000.0, motorVehicles: 0 },
    monthlyRigidExpenditure: 0,
    parameterOverrides: overrides,
  };
  const assessed = await client.POST("/api/v1/assessments", { body: request });
  check(assessed.data !== undefined, `assess: ${assessed.response.status} ${JSON.stringify(assessed.error)}`);
  const read = assessed.data.trace.flatMap((entry) => entry.parameters).filter((p) => p.key === "dibao.standard.urban");
  check(read.length > 0, "assess: the trace does not show dibao.standard.urban");
  for (const parameter of read) {
    const value: ParameterValue = parameter.value;
    check(value === 900 && parameter.regionCode === "override", `assess: override arrived as ${JSON.stringify(value)} from ${parameter.regionCode}`);
  }

  // 4. Read a problem: a wrong check digit is a 400 whose code and field are typed.
  const wrong = ids[0]!.slice(0, 17) + (ids[0]!.endsWith("0") ? "1" : "0");
  const refused = await client.POST("/api/v1/households", { body: household(wrong, "错号") });
  const problem: Problem | undefined = refused.error;
  check(refused.response.status === 400 && problem !== undefined, `problem: expected 400, got ${refused.response.status}`);
  check(problem.code === "validation.failed", `problem: code ${problem.code}`);
  check(problem.errors !== undefined && problem.errors !== null && "members[0].idNumber" in problem.errors, `problem: errors ${JSON.stringify(problem.errors)}`);
  const documentation = await fetch(new URL(problem.type, baseUrl));
  check(documentation.status === 200 && (await documentation.text()).includes("validation.failed"), "problem: type does not resolve to its documentation");

  console.log(`journey passed: ${created.length} households, ${seen.size} listed, override 900 traced ${read.length}×, problem ${problem.code}`);
}

main().catch((error: unknown) => {
  console.error(`journey failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
