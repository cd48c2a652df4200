/** Request bodies of the API, validated with zod; the OpenAPI document is generated from these. */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
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
    timezone: text(64).optional(),
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
