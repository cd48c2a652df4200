/** Request bodies of the API, validated with zod; the OpenAPI document is generated from these. */
import { z } from "zod";
import { isValidTimeZone } from "../../domain/compliance/local-time.ts";

// PostgreSQL text and JSONB reject NUL and unpaired UTF-16 surrogates: refused here, as a 400, not a 500 later.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string): boolean => !s.includes("\u0000") && !LONE_SURROGATE.test(s);
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(storable, "must be valid Unicode text without NUL characters");
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,24}$/, "a phone number: digits, spaces, +().- only")
  .refine((p) => p.replace(/\D/g, "").length >= 7, "at least 7 digits");
const email = z.email().max(254);
const tag = text(64);

export const LeadInput = z
  .object({
    name: text(200).optional(),
    email: email.optional(),
    phone: phone.optional(),
    source: text(100).optional(),
    timezone: text(64).refine(isValidTimeZone, "an IANA time zone such as America/Denver").optional(),
  })
  .strict();

export const QualifyRequest = z
  .object({
    lead: LeadInput.default({}),
    messages: z
      .array(z.object({ text: text(4_000) }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type QualifyRequest = z.infer<typeof QualifyRequest>;

export const ContactInput = z
  .object({
    email: email.optional(),
    phone: phone.optional(),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    source: text(100).optional(),
    tags: z.array(tag).max(50).optional(),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.phone !== undefined, {
    message: "each contact needs an email or a phone",
    path: ["email"],
  });

export const ContactSyncRequest = z.object({ contacts: z.array(ContactInput).min(1).max(100) }).strict();
export type ContactSyncRequest = z.infer<typeof ContactSyncRequest>;

export const StartConversationRequest = z
  .object({ lead: LeadInput.default({}), message: text(4_000).optional() })
  .strict();
export type StartConversationRequest = z.infer<typeof StartConversationRequest>;

export const ConversationMessageRequest = z.object({ text: text(4_000) }).strict();
