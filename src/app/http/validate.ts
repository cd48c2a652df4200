import type { z } from "zod";
import { validationProblem } from "./problem.ts";

/** Parses `value` with `schema`, or throws a 400 problem naming every invalid field (as a JSON path). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, root = "body"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationProblem(
    parsed.error.issues.slice(0, 20).map((i) => ({
      field: [root, ...i.path.map(String)].join("."),
      message: i.message,
    })),
  );
}
