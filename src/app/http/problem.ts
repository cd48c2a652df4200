/** RFC 9457 problem details: the one shape every error answer of the API takes. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
}

/** An error the HTTP layer answers as it is: status, title, detail and optional field errors and headers. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    title: string,
    detail?: string,
    opts: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }

  /** The problem+json body for this error. */
  body(requestId?: string): ProblemBody {
    const slug = this.title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return {
      type: `https://enterprisehub.dev/problems/${slug}`,
      title: this.title,
      status: this.status,
      ...(this.message !== this.title ? { detail: this.message } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}

/** 400 naming each invalid field. */
export function validationProblem(errors: FieldError[]): HttpProblem {
  const fields = errors.map((e) => e.field).join(", ");
  return new HttpProblem(400, "Invalid request", `invalid field(s): ${fields}`, { errors });
}
