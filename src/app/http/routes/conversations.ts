import { Router } from "express";
import { z } from "zod";
import type { Conversations } from "../../../domain/conversation/conversations.ts";
import { ConversationMessageRequest, StartConversationRequest } from "../schemas.ts";
import { validate } from "../validate.ts";

const Id = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "an id");

/** The conversation endpoints: start, send a message, read the history. */
export function conversationRoutes(conversations: Conversations): Router {
  const r = Router();
  r.post("/api/conversations", async (req, res) => {
    const body = validate(StartConversationRequest, req.body);
    const id = res.locals.requestId as string;
    const turn = await conversations.start(res.locals.tenant as string, id, body.lead, body.message);
    res.status(201).location(`/api/conversations/${id}`).json(turn);
  });
  r.post("/api/conversations/:id/messages", async (req, res) => {
    const id = validate(Id, req.params.id, "path.id");
    const body = validate(ConversationMessageRequest, req.body);
    res.json(
      await conversations.send(res.locals.tenant as string, id, res.locals.requestId as string, body.text),
    );
  });
  r.post("/api/conversations/:id/follow-ups", async (req, res) => {
    const id = validate(Id, req.params.id, "path.id");
    const result = await conversations.followUp(res.locals.tenant as string, id);
    res.status(result.sent ? 201 : 202).json(result);
  });
  r.get("/api/conversations/:id", async (req, res) => {
    const id = validate(Id, req.params.id, "path.id");
    const c = await conversations.get(res.locals.tenant as string, id);
    res.json({
      id: c.id,
      currentBot: c.currentBot,
      status: c.status,
      visited: c.visited,
      handoffs: c.handoffs,
      qualification: c.qualification ?? null,
      messages: c.messages.map(({ role, bot, text, at }) => ({
        role,
        bot,
        text,
        at: new Date(at).toISOString(),
      })),
    });
  });
  return r;
}
