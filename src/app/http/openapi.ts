/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
import { z } from "zod";
import {
  ContactSyncRequest,
  ConversationMessageRequest,
  QualifyRequest,
  StartConversationRequest,
} from "./schemas.ts";

const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: {
    "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
  },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const errors = {
  "400": problem("Invalid request: the fields named in `errors`"),
  "401": problem("Missing or invalid API key"),
  "413": problem("Body over the size limit"),
  "429": problem("Rate limit reached; see Retry-After"),
  "503": problem("A required dependency is down; see Retry-After"),
};
const ok = (description: string) => ({ description, content: { "application/json": {} } });

/** Builds the document (once at start-up). */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "EnterpriseHub", version, description: "AI lead qualification for real-estate teams." },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            requestId: { type: "string" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: { field: { type: "string" }, message: { type: "string" } },
              },
            },
          },
        },
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/health": { get: { security: [], summary: "Liveness (no I/O)", responses: { "200": ok("Alive") } } },
      "/ready": {
        get: {
          security: [],
          summary: "Each dependency's status",
          responses: { "200": ok("Ready"), "503": ok("Unready") },
        },
      },
      "/metrics": {
        get: { security: [], summary: "Prometheus metrics", responses: { "200": { description: "text" } } },
      },
      "/api/leads/qualify": {
        post: {
          summary: "Qualify a lead",
          requestBody: jsonBody(QualifyRequest),
          responses: { "200": ok("Qualification"), ...errors },
        },
      },
      "/api/contacts/sync": {
        post: {
          summary: "Sync up to 100 contacts",
          requestBody: jsonBody(ContactSyncRequest),
          responses: { "200": ok("Per-contact results"), ...errors },
        },
      },
      "/api/costs": {
        get: { summary: "Cost ledger and monthly projection", responses: { "200": ok("Costs"), ...errors } },
      },
      "/api/conversations": {
        post: {
          summary: "Start a conversation",
          requestBody: jsonBody(StartConversationRequest),
          responses: { "201": ok("Conversation"), ...errors },
        },
      },
      "/api/conversations/{id}/messages": {
        post: {
          summary: "Send a message",
          requestBody: jsonBody(ConversationMessageRequest),
          responses: { "200": ok("Reply"), ...errors },
        },
      },
      "/api/conversations/{id}/follow-ups": {
        post: {
          summary: "Send a follow-up now if quiet hours allow (201), else hold it with nextAllowedAt (202)",
          responses: { "201": ok("Sent"), "202": ok("Held"), ...errors },
        },
      },
      "/api/contacts/{id}/export": {
        get: {
          summary: "CCPA: everything held about a contact",
          responses: { "200": ok("Export"), ...errors },
        },
      },
      "/api/contacts/{id}": {
        delete: {
          summary: "CCPA: erase a contact from every store and cache tier",
          responses: { "200": ok("Erased"), ...errors },
        },
      },
      "/api/conversations/{id}": {
        get: {
          summary: "History, handoffs, qualification",
          responses: { "200": ok("Conversation"), ...errors },
        },
      },
    },
  };
}
